import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceFile, writeFileAtomically, type WriteCalls } from '../../server/src/cli/replaceFile';

/** replaceFile, with the system calls failing as a full disk makes them fail. */

function folder(t: { after: (f: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'exconn-replace-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** The real calls, except that writing stops with ENOSPC after `room` bytes. */
function fullDisk(room: number): WriteCalls {
  let written = 0;
  return {
    openSync: (p, f, m) => fs.openSync(p, f, m),
    writeSync: (fd, d, o, l) => {
      if (written >= room) throw enospc();
      const n = fs.writeSync(fd, d, o, Math.min(l, room - written));
      written += n;
      return n;
    },
    fsyncSync: (fd) => fs.fsyncSync(fd),
    renameSync: (a, b) => fs.renameSync(a, b),
  };
}

test('a disk that fills up half-way through leaves the original byte for byte and no temporary file', (t) => {
  const dir = folder(t);
  const file = join(dir, 'big.connector.yaml');
  const original = Buffer.from('# ' + 'x'.repeat(23_000) + '\n');
  writeFileSync(file, original);
  assert.throws(() => replaceFile(file, Buffer.from('kind: SmtpConnector\n'.repeat(2000)), fullDisk(4096)), /ENOSPC/);
  assert.ok(readFileSync(file).equals(original));
  assert.deepEqual(readdirSync(dir), ['big.connector.yaml']);
});

test('a failed rename leaves the original and removes the temporary file', (t) => {
  const dir = folder(t);
  const file = join(dir, 'a.connector.yaml');
  writeFileSync(file, 'old\n');
  const calls: WriteCalls = {
    ...fullDisk(Infinity),
    renameSync: () => {
      throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
    },
  };
  assert.throws(() => replaceFile(file, Buffer.from('new\n'), calls), /EXDEV/);
  assert.equal(readFileSync(file, 'utf8'), 'old\n');
  assert.deepEqual(readdirSync(dir), ['a.connector.yaml']);
});

test('with room to write, the file gets the new bytes', (t) => {
  const dir = folder(t);
  const file = join(dir, 'a.connector.yaml');
  writeFileSync(file, 'old\n');
  replaceFile(file, Buffer.from('new\n'));
  assert.equal(readFileSync(file, 'utf8'), 'new\n');
  assert.deepEqual(readdirSync(dir), ['a.connector.yaml']);
});

test('writeFileAtomically creates a missing file with the usual permissions, and a full disk leaves nothing behind', (t) => {
  const dir = folder(t);
  const file = join(dir, 'new.connector.yaml');
  assert.throws(() => writeFileAtomically(file, Buffer.from('x'.repeat(10_000)), fullDisk(100)), /ENOSPC/);
  assert.deepEqual(readdirSync(dir), []);
  writeFileAtomically(file, Buffer.from('new\n'));
  assert.equal(readFileSync(file, 'utf8'), 'new\n');
  const umask = process.umask();
  assert.equal(fs.statSync(file).mode & 0o777, 0o666 & ~umask);
  assert.deepEqual(readdirSync(dir), ['new.connector.yaml']);
});

test('writeFileAtomically over an existing file replaces it as replaceFile does: its permission bits kept', (t) => {
  const dir = folder(t);
  const file = join(dir, 'a.connector.yaml');
  writeFileSync(file, 'old\n');
  fs.chmodSync(file, 0o640);
  writeFileAtomically(file, Buffer.from('new\n'));
  assert.equal(readFileSync(file, 'utf8'), 'new\n');
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  fs.chmodSync(file, 0o444);
  assert.throws(() => writeFileAtomically(file, Buffer.from('newer\n')), /read-only/);
  assert.equal(readFileSync(file, 'utf8'), 'new\n');
});
