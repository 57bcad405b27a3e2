import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { exconn, workspace } from './process';
import { ROOT } from '../helpers/paths';

const org = 'kind: Organization\nname: Contoso\n';

test('a path that cannot be read: exit 2, one line naming it, no stack trace, nothing on stdout', (t) => {
  const ws = workspace({ 'a.organization.yaml': org });
  t.after(ws.remove);
  const r = exconn(['check', 'a.organization.yaml', 'missing/b.connector.yaml'], ws.dir);
  assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', 'exconn: cannot read missing/b.connector.yaml: no such file or directory\n']);
});

test('a dangling symbolic link named on the command line cannot be read either', (t) => {
  const ws = workspace({ 'a.organization.yaml': org });
  t.after(ws.remove);
  symlinkSync(join(ws.dir, 'gone.connector.yaml'), join(ws.dir, 'link.connector.yaml'));
  const r = exconn(['check', 'link.connector.yaml'], ws.dir);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'exconn: cannot read link.connector.yaml: no such file or directory\n');
});

test('no connector file at all: exit 2 "no connector files found"', (t) => {
  const ws = workspace({ 'notes.yaml': org, 'node_modules/x.connector.yaml': org, '.git/y.connector.yaml': org });
  t.after(ws.remove);
  const r = exconn(['check'], ws.dir);
  assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', 'exconn: no connector files found\n']);
});

test('usage errors: exit 2 with a short usage text on stderr', (t) => {
  const ws = workspace({ 'a.organization.yaml': org });
  t.after(ws.remove);
  for (const args of [['check', '--format', 'xml'], ['check', '--format'], ['check', '--frobnicate'], ['frobnicate'], []]) {
    const r = exconn(args, ws.dir);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    assert.match(r.stderr, /Usage: exconn/, args.join(' '));
    assert.ok(r.stderr.split('\n').length < 25, 'short');
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
  assert.match(exconn(['check', '--format', 'xml'], ws.dir).stderr, /^exconn: unknown format 'xml': expected text, json or sarif\n/);
  assert.match(exconn(['check', '--frobnicate'], ws.dir).stderr, /^exconn: unknown option '--frobnicate'\n/);
  assert.match(exconn(['frobnicate'], ws.dir).stderr, /^exconn: unknown command 'frobnicate'\n/);
});

test('--help and --version print to stdout and exit 0', (t) => {
  const ws = workspace({});
  t.after(ws.remove);
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  assert.deepEqual(exconn(['--version'], ws.dir), { status: 0, stdout: version + '\n', stderr: '' });
  const help = exconn(['--help'], ws.dir);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: exconn <command>/);
  assert.match(help.stdout, /check \[PATH\.\.\.\]/);
  const checkHelp = exconn(['check', '--help'], ws.dir);
  assert.equal(checkHelp.status, 0);
  assert.match(
    checkHelp.stdout,
    /^Usage: exconn check \[PATH\.\.\.\] \[--format text\|json\|sarif\] \[--fix \[--dry-run\]\] \[--root DIR\]/,
  );
});

test('the bin wrapper runs the same program', (t) => {
  const ws = workspace({ 'a.organization.yaml': org });
  t.after(ws.remove);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'exconn.js'), 'check'], { cwd: ws.dir, encoding: 'utf8' });
  assert.deepEqual([r.status, r.stdout], [0, '0 problems (0 errors, 0 warnings, 0 information) in 1 file\n']);
});
