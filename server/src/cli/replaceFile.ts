import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The file-system calls that write the new bytes: a test replaces them to fail as a full disk would. */
export interface WriteCalls {
  openSync(path: string, flags: string, mode: number): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  renameSync(from: string, to: string): void;
}

const realCalls: WriteCalls = {
  openSync: (p, f, m) => fs.openSync(p, f, m),
  writeSync: (fd, d, o, l) => fs.writeSync(fd, d, o, l),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
};

/** Why a file is not replaced, in words, when no system call failed. */
export class NotReplaceable extends Error {}

/**
 * Replaces a file's contents all at once: the bytes go to a new file in the
 * same folder, which is then renamed over the original, so a full disk or a
 * crash leaves the old file or the new one, never half of one. Through a
 * symbolic link the file it points to is replaced and the link stays. The
 * new file keeps the original's permission bits (and owner, where the process
 * may set it). A file without write permission is read-only to us too.
 * Throws, with the original untouched, when any step fails.
 */
export function replaceFile(path: string, data: Uint8Array, calls: WriteCalls = realCalls): void {
  const target = fs.realpathSync(path);
  const st = fs.statSync(target);
  if (!st.isFile()) throw new NotReplaceable('not a regular file');
  if ((st.mode & 0o222) === 0) throw new NotReplaceable('the file is read-only');
  fs.accessSync(target, fs.constants.W_OK);
  writeThenRename(target, data, st.mode & 0o7777, st, calls);
}

/**
 * Writes a file all at once, as replaceFile does: an existing file (or the
 * file a link points to) is replaced with its permissions kept; a missing
 * one is created with the usual permissions (0666 less the umask). The
 * folder must exist. Every file the command line writes goes through here.
 */
export function writeFileAtomically(path: string, data: Uint8Array, calls: WriteCalls = realCalls): void {
  if (exists(path)) replaceFile(path, data, calls);
  else writeThenRename(path, data, undefined, undefined, calls);
}

function exists(path: string): boolean {
  try {
    fs.lstatSync(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/**
 * The bytes to a temporary dot-file beside `target`, then renamed over it; the
 * temporary file never outlives a failure. `mode` is the original's, kept
 * exactly; without one (a new file) the umask applies as usual.
 */
function writeThenRename(target: string, data: Uint8Array, mode: number | undefined, owner: fs.Stats | undefined, calls: WriteCalls): void {
  // A dot-name the checker never reads, unique to this process and call.
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = calls.openSync(tmp, 'wx', mode ?? 0o666);
  try {
    try {
      for (let done = 0; done < data.length;) done += calls.writeSync(fd, data, done, data.length - done);
      if (mode !== undefined) fs.fchmodSync(fd, mode); // the mode given to open passed through the umask
      if (owner) keepOwner(fd, owner);
      calls.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    calls.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Root writing another user's file gives the new file back to that user; anyone else cannot, and need not. */
function keepOwner(fd: number, st: fs.Stats): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return;
  if (st.uid === 0 && st.gid === 0) return;
  try {
    fs.fchownSync(fd, st.uid, st.gid);
  } catch {
    // Some file systems have no owners; the contents matter more.
  }
}
