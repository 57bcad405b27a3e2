import { lstatSync, readFile, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONNECTOR_FILE, walk } from '../cli/discover';

/** The connector files of docs/format.md: *.connector.yaml, *.routinggroup.yaml, *.organization.yaml (and .yml). */
export { CONNECTOR_FILE };

/** The same, as the glob the client watches. */
export const CONNECTOR_GLOB = '**/*.{connector,routinggroup,organization}.{yaml,yml}';

export function isConnectorFile(uriOrPath: string): boolean {
  return CONNECTOR_FILE.test(uriOrPath);
}

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Is anything (a file, a folder, a link, even a dangling one) at this file URI?
 * Fixes that create files ask, so that they never write into one. Other
 * schemes cannot be checked here; the client refuses a create over a file.
 */
export function existsOnDisk(uri: string): boolean {
  const path = uriToPath(uri);
  if (path === undefined) return false;
  try {
    lstatSync(path);
    return true;
  } catch (e) {
    // Only "nothing there" is free; a folder we cannot read may hide a file.
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * Calls `found` with every connector file under a folder: the files `exconn
 * check` reads for it (the same walk: links followed, node_modules and
 * dot-folders skipped), except that a folder that cannot be read is skipped.
 * It waits for the disk: the loader calls it on its reader thread.
 */
export function forEachConnectorFile(root: string, found: (path: string) => void): void {
  walk(root, root, found, new Set(), true);
}

/**
 * A file's text, without the byte-order mark (the editor and `exconn check`
 * drop it too, so that positions agree); undefined when it cannot be read.
 * The callback form: the promise form takes several times the work per file.
 */
export function readText(path: string): Promise<string | undefined> {
  return new Promise((resolve) => readFile(path, 'utf8', (err, text) => resolve(err ? undefined : withoutBom(text))));
}

/** readText, waiting for the disk (on the loader's reader thread). */
export function readTextSync(path: string): string | undefined {
  try {
    return withoutBom(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
