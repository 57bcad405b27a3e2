import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliError, describeFsError } from './errors';
import type { NamedFile } from './discover';

const ORGANIZATION_FILE = /\.organization\.ya?ml$/;

/**
 * Finds the organization a named file belongs to, so that the workspace rules
 * judge it among all its organization's files (a pre-commit hook names only
 * the changed ones): the nearest folder upward holding an `*.organization.yaml`
 * (never above the git root), else the named folder itself for a file found in
 * a named folder, else the git root, else the current folder.
 */
export class RootFinder {
  private readonly orgCache = new Map<string, boolean>();
  private readonly gitCache = new Map<string, string | undefined>();

  constructor(private readonly cwd: string) {}

  rootOf(file: NamedFile): string {
    const git = this.gitRoot(file.start);
    for (let dir = file.start; ; dir = dirname(dir)) {
      if (this.holdsOrganization(dir)) return dir;
      if (dir === git || dirname(dir) === dir) break;
    }
    if (file.from === 'folder') return file.start;
    return git ?? this.cwd;
  }

  private holdsOrganization(dir: string): boolean {
    let known = this.orgCache.get(dir);
    if (known === undefined) {
      try {
        known = readdirSync(dir).some((name) => ORGANIZATION_FILE.test(name));
      } catch {
        known = false; // a folder we cannot list holds nothing we can read
      }
      this.orgCache.set(dir, known);
    }
    return known;
  }

  /** The nearest folder upward with a `.git` folder or file (a worktree's or submodule's). */
  private gitRoot(start: string): string | undefined {
    if (this.gitCache.has(start)) return this.gitCache.get(start);
    const up = dirname(start);
    const found = existsSync(resolve(start, '.git')) ? start : up === start ? undefined : this.gitRoot(up);
    this.gitCache.set(start, found);
    return found;
  }
}

/** `--root DIR`, checked to be a folder. */
export function explicitRoot(dir: string, cwd: string): string {
  const abs = resolve(cwd, dir);
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch (e) {
    throw new CliError(`cannot read --root ${dir}: ${describeFsError(e)}`);
  }
  if (!isDir) throw new CliError(`--root ${dir} is not a folder`);
  return abs;
}
