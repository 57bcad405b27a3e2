/**
 * Workspace keys are `file://` URIs in the language server and plain paths in
 * the CLI. Fixes that create files compute a sibling of a known file in the
 * same form, so one helper handles both.
 */

/** The folder part of a URI or path, with its trailing separator. */
export function folderOf(uriOrPath: string): string {
  const i = Math.max(uriOrPath.lastIndexOf('/'), uriOrPath.lastIndexOf('\\'));
  return i === -1 ? '' : uriOrPath.slice(0, i + 1);
}

/**
 * A file named `name` in the folder of `beside`, in the same form (URI or
 * path). The name is one path segment: in a URI every separator in it is
 * escaped, so it never reaches another folder.
 */
export function sibling(beside: string, name: string): string {
  const base = beside.startsWith('file:') ? encodeURIComponent(name) : name;
  return folderOf(beside) + base;
}

export { fileStem } from '../../../shared/fileNames';

/** The extensions of the files fixes create; a number goes before them. */
const CREATED_EXTENSION = /\.(connector|routinggroup|organization)\.ya?ml$/i;

/** `boston.routinggroup.yaml` → `boston-2.routinggroup.yaml` (URI or path alike). */
export function numbered(uriOrPath: string, n: number): string {
  const m = CREATED_EXTENSION.exec(uriOrPath);
  const at = m ? m.index : uriOrPath.length;
  return `${uriOrPath.slice(0, at)}-${n}${uriOrPath.slice(at)}`;
}

/** The name without the number `numbered` gave it: what `boston-2.routinggroup.yaml` was meant to be. */
export function unnumbered(name: string): string {
  return name.replace(/-[0-9]+(?=\.(connector|routinggroup|organization)\.ya?ml$)/i, '');
}

/**
 * A file for a fix to create: `wanted` when nothing is there, else the first of
 * `-2` … `-99` that is free; undefined when all are taken. A fix never edits
 * into a file that exists.
 */
export function freeFileName(wanted: string, taken: (uriOrPath: string) => boolean): string | undefined {
  if (!taken(wanted)) return wanted;
  for (let n = 2; n <= 99; n++) {
    const candidate = numbered(wanted, n);
    if (!taken(candidate)) return candidate;
  }
  return undefined;
}

/** The file name of a URI or path. */
export function baseName(uriOrPath: string): string {
  const name = uriOrPath.slice(folderOf(uriOrPath).length);
  return uriOrPath.startsWith('file:') ? safeDecode(name) : name;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
