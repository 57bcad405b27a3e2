import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { exconn, workspace } from './process';

/**
 * `exconn check --fix` writes each file at once (a temporary file in the same
 * folder renamed over it): a write that fails leaves the file byte for byte,
 * says which file and why, and the other files are still fixed and reported.
 */

// Each needs one preferred fix: `Organisation` → `Organization`.
const broken = (name: string) => `# ${name}\nkind: Organisation\nname: ${name}\n`;
const fixed = (name: string) => `# ${name}\nkind: Organization\nname: ${name}\n`;

test('a read-only file is not written: exit 2, one line naming it, its bytes and mode unchanged', (t) => {
  const ws = workspace({ 'a.organization.yaml': broken('A') });
  t.after(ws.remove);
  const a = join(ws.dir, 'a.organization.yaml');
  chmodSync(a, 0o444);
  const r = exconn(['check', '--fix'], ws.dir);
  assert.equal(r.status, 2);
  assert.equal(readFileSync(a, 'utf8'), broken('A'));
  assert.equal(statSync(a).mode & 0o777, 0o444);
  assert.equal(r.stderr, 'exconn: cannot write a.organization.yaml: the file is read-only; the file is unchanged\n');
  // The report is of the file as it is: still to be fixed.
  assert.match(r.stdout, /a\.organization\.yaml:2:7: error unknown-kind/);
});

test('a failure between two files: the writable one is fixed, the other is untouched, the report covers both, exit 2', (t) => {
  const ws = workspace({ 'a.organization.yaml': broken('A'), 'b.organization.yaml': broken('B'), 'c.organization.yaml': broken('C') });
  t.after(ws.remove);
  const b = join(ws.dir, 'b.organization.yaml');
  chmodSync(b, 0o400);
  const r = exconn(['check', '--fix', '--format', 'json'], ws.dir);
  assert.equal(r.status, 2, r.stderr);
  assert.equal(readFileSync(join(ws.dir, 'a.organization.yaml'), 'utf8'), fixed('A'));
  assert.equal(readFileSync(b, 'utf8'), broken('B'));
  assert.equal(readFileSync(join(ws.dir, 'c.organization.yaml'), 'utf8'), fixed('C'), 'the file after the failure is fixed too');
  assert.equal(r.stderr, 'exconn: cannot write b.organization.yaml: the file is read-only; the file is unchanged\n');
  const report = JSON.parse(r.stdout) as { files: number; diagnostics: { file: string; code: string }[] };
  assert.equal(report.files, 3);
  assert.deepEqual(
    report.diagnostics.filter((d) => d.code === 'unknown-kind').map((d) => d.file),
    ['b.organization.yaml'],
  );
  assert.deepEqual(
    readdirSync(ws.dir).sort(),
    ['a.organization.yaml', 'b.organization.yaml', 'c.organization.yaml'],
    'no temporary file is left',
  );
});

test('through a symbolic link the file it points to is replaced, and the link stays a link', (t) => {
  const ws = workspace({ 'real/a.organization.yaml': broken('A') });
  t.after(ws.remove);
  mkdirSync(join(ws.dir, 'checked'));
  const link = join(ws.dir, 'checked', 'a.organization.yaml');
  symlinkSync(join('..', 'real', 'a.organization.yaml'), link);
  const r = exconn(['check', '--fix', 'checked'], ws.dir);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.equal(readlinkSync(link), join('..', 'real', 'a.organization.yaml'));
  assert.equal(readFileSync(join(ws.dir, 'real', 'a.organization.yaml'), 'utf8'), fixed('A'));
  assert.deepEqual(readdirSync(join(ws.dir, 'real')), ['a.organization.yaml']);
});

test('the fixed file keeps its permission bits', (t) => {
  const ws = workspace({ 'a.organization.yaml': broken('A') });
  t.after(ws.remove);
  const a = join(ws.dir, 'a.organization.yaml');
  chmodSync(a, 0o640);
  assert.equal(exconn(['check', '--fix'], ws.dir).status, 0);
  assert.equal(readFileSync(a, 'utf8'), fixed('A'));
  assert.equal(statSync(a).mode & 0o7777, 0o640);
});
