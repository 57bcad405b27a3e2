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

/** A file named `name` in the folder of `beside`, in the same form (URI or path). */
export function sibling(beside: string, name: string): string {
  const base = beside.startsWith('file:') ? encodeURIComponent(name).replace(/%2F/gi, '/') : name;
  return folderOf(beside) + base;
}

/** A routing group's name as it appears in file names: lower case, spaces as hyphens. */
export function fileStem(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '-');
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
