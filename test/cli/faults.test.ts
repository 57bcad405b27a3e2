import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { exconn, workspace } from './process';
import { ROOT } from '../helpers/paths';

/** Faults of the command line's surroundings: each is one line on stderr and exit status 2, never a stack trace or a hang. */

const org = 'kind: Organization\nname: Contoso\n';

test('output to a full disk (/dev/full): one line saying so, exit 2', (t) => {
  const ws = workspace({ 'a.organization.yaml': org });
  t.after(ws.remove);
  const full = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check'], {
      cwd: ws.dir,
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
    });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'exconn: cannot write the output: no space left on device\n');
  } finally {
    closeSync(full);
  }
});

test('a glob that is no valid pattern ([z-a]): one line naming it, exit 2', (t) => {
  const ws = workspace({ 'a.organization.yaml': org });
  t.after(ws.remove);
  const r = exconn(['check', '[z-a]*.connector.yaml'], ws.dir);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'exconn: invalid pattern [z-a]*.connector.yaml: range out of order in character class\n');
  assert.equal(r.stdout, '');
});

test('a FIFO named on the command line is refused at once, not read forever', (t) => {
  const ws = workspace({});
  t.after(ws.remove);
  execFileSync('mkfifo', [join(ws.dir, 'pipe.connector.yaml')]);
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', 'pipe.connector.yaml'], {
    cwd: ws.dir,
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(r.status, 2, `status ${r.status} (signal ${r.signal})`);
  assert.equal(r.stderr, 'exconn: cannot read pipe.connector.yaml: not a regular file\n');
});

test('a FIFO inside a folder is not a connector file to read', (t) => {
  const ws = workspace({ 'a.organization.yaml': org });
  t.after(ws.remove);
  execFileSync('mkfifo', [join(ws.dir, 'pipe.connector.yaml')]);
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check'], { cwd: ws.dir, encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /in 1 file/);
});
