import { lstatSync, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The connector files of docs/format.md: *.connector.yaml, *.routinggroup.yaml, *.organization.yaml (and .yml). */
export const CONNECTOR_FILE = /\.(connector|routinggroup|organization)\.ya?ml$/;

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
 * Every connector file under a folder, found without blocking the event loop;
 * node_modules and folders whose names start with a dot are skipped, and so
 * are folders that cannot be read.
 */
export async function findConnectorFiles(root: string, cancelled: () => boolean = () => false): Promise<string[]> {
  const out: string[] = [];
  const queue = [root];
  while (queue.length && !cancelled()) {
    const dir = queue.shift()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) queue.push(join(dir, e.name));
      } else if (e.isFile() && CONNECTOR_FILE.test(e.name)) {
        out.push(join(dir, e.name));
      }
    }
  }
  return out.sort();
}

export async function readText(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
