import { readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CliError, describeFsError } from './errors';
import { globBase, globToRegExp, hasGlob } from './glob';

/** The files a folder holds for the checker (docs/format.md "Files"). */
export const CONNECTOR_FILE = /\.(connector|routinggroup|organization)\.ya?ml$/;

/** Folders never entered: dependencies and dot-folders (.git, .vscode …). */
export function skipsFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** How a file came to be checked: named itself (or matched by a glob), or found in a folder that was named. */
export interface NamedFile {
  abs: string;
  /** Where the search for its organization starts: the named folder, or the file's own folder. */
  start: string;
  from: 'file' | 'folder';
}

/**
 * The connector files named by the arguments, as sorted absolute paths. A file
 * named on the command line is checked whatever its name; in a folder only
 * connector files are read; a quoted glob adds the connector files (and the
 * files of the folders) it matches. A path that cannot be read is a CliError.
 */
export function discoverFiles(args: readonly string[], cwd: string): string[] {
  return discoverNamed(args, cwd).map((f) => f.abs);
}

/** discoverFiles, saying for each file how it was named (the first argument that named it wins). */
export function discoverNamed(args: readonly string[], cwd: string): NamedFile[] {
  const found = new Map<string, NamedFile>();
  const add = (abs: string, start: string, from: NamedFile['from']) => {
    if (!found.has(abs)) found.set(abs, { abs, start, from });
  };
  for (const arg of args.length ? args : ['.']) {
    const abs = resolve(cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      if (hasGlob(arg)) {
        expandGlob(arg, cwd, add);
        continue;
      }
      throw new CliError(`cannot read ${arg}: ${describeFsError(e)}`);
    }
    if (st.isDirectory()) walk(abs, arg, (p) => add(p, abs, 'folder'), new Set());
    // A FIFO or a device would block the read, or never end.
    else if (!st.isFile()) throw new CliError(`cannot read ${arg}: not a regular file`);
    else add(abs, dirname(abs), 'file');
  }
  return [...found.values()].sort((a, b) => comparePaths(a.abs, b.abs));
}

/**
 * Adds every connector file under a folder. A folder that cannot be read is
 * an error, unless `skipUnreadable` (the language server reads what it can).
 */
export function walk(dir: string, shown: string, add: (abs: string) => void, seen: Set<string>, skipUnreadable = false): void {
  let real: string;
  let entries;
  try {
    real = realpathSync(dir);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if (skipUnreadable) return;
    throw new CliError(`cannot read ${shown}: ${describeFsError(e)}`);
  }
  if (seen.has(real)) return; // a symbolic link back up the tree
  seen.add(real);
  for (const ent of entries) {
    const p = join(dir, ent.name);
    const shownChild = join(shown, ent.name);
    let isDir = ent.isDirectory();
    let isFile = ent.isFile();
    if (ent.isSymbolicLink()) {
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link inside a folder is not a file to check
      }
    }
    if (isDir) {
      if (!skipsFolder(ent.name)) walk(p, shownChild, add, seen, skipUnreadable);
    } else if (isFile && CONNECTOR_FILE.test(ent.name)) add(p);
  }
}

function expandGlob(pattern: string, cwd: string, add: (abs: string, start: string, from: NamedFile['from']) => void): void {
  const norm = pattern.split(sep).join('/');
  const base = globBase(norm);
  const baseAbs = resolve(cwd, base);
  let re: RegExp;
  try {
    re = globToRegExp(isAbsolute(norm) ? norm : toSlash(relative(cwd, resolve(cwd, norm))));
  } catch (e) {
    // A class such as [z-a] is no regular expression either: the pattern is the user's to correct.
    const why = e instanceof Error ? e.message.replace(/^.*: /, '').toLowerCase() : String(e);
    throw new CliError(`invalid pattern ${pattern}: ${why}`);
  }
  const matchOf = (abs: string) => (isAbsolute(norm) ? toSlash(abs) : toSlash(relative(cwd, abs)));
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a glob reads what it can
    }
    for (const ent of entries) {
      const p = join(dir, ent.name);
      const st = ent.isSymbolicLink() ? safeStat(p) : ent;
      if (!st) continue;
      if (st.isDirectory()) {
        if (re.test(matchOf(p))) walk(p, toSlash(relative(cwd, p)), (f) => add(f, p, 'folder'), new Set());
        else if (!skipsFolder(ent.name)) visit(p);
      } else if (st.isFile() && CONNECTOR_FILE.test(ent.name) && re.test(matchOf(p))) add(p, dir, 'file');
    }
  };
  visit(baseAbs);
}

function safeStat(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

export function toSlash(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Code-unit order, the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
