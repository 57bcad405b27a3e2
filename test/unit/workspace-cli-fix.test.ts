import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, fixture } from '../helpers/paths';

/** A copy of a workspace case folder, checked with --fix by the built CLI. */
function fixCopy(name: string) {
  const dir = mkdtempSync(join(tmpdir(), 'exconn-ws-'));
  cpSync(fixture('mistakes', name), dir, { recursive: true });
  const before = readdirSync(dir).sort();
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--fix', '--format', 'json', '.'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return {
    dir,
    before,
    after: readdirSync(dir).sort(),
    status: r.status,
    out: r.stdout ? JSON.parse(r.stdout) : undefined,
    stderr: r.stderr,
  };
}

test('--fix applies the preferred workspace fix (administrative-group-mismatch) across the workspace', () => {
  const r = fixCopy('ws-administrative-group-mismatch');
  try {
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.out.diagnostics, []);
    assert.match(
      readFileSync(join(r.dir, 'paris-to-boston.connector.yaml'), 'utf8'),
      /  - routingGroup: Boston\n    administrativeGroup: North America\n/,
    );
  } finally {
    rmSync(r.dir, { recursive: true, force: true });
  }
});

test('--fix never creates files: the reciprocal connector is offered in the editor only', () => {
  const r = fixCopy('ws-missing-reciprocal-connector');
  try {
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.after, r.before);
    assert.deepEqual(
      r.out.diagnostics.map((d: { code: string; fixes: string[] }) => [d.code, d.fixes]),
      [['missing-reciprocal-connector', ['Create the reciprocal connector boston-to-paris.connector.yaml']]],
    );
  } finally {
    rmSync(r.dir, { recursive: true, force: true });
  }
});
