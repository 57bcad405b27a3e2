import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;

test('every npm script that CONTRIBUTING.md and the README name exists', () => {
  for (const doc of ['CONTRIBUTING.md', 'README.md']) {
    const named = [...read(doc).matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    assert.ok(named.length > 0, doc);
    for (const name of named) assert.ok(scripts[name], `${doc}: npm run ${name}`);
  }
  assert.match(scripts.watch, /esbuild\.mjs --watch/);
  assert.match(scripts.test, /^npm run -s lint && /);
  assert.match(scripts.lint, /eslint/);
});

test('launch.json attaches to the port the client gives the server in debug mode, and its tasks exist', () => {
  const launch = JSON.parse(read('.vscode/launch.json'));
  const tasks = JSON.parse(read('.vscode/tasks.json')).tasks as { label: string; type: string; script?: string }[];
  const port = Number(/--inspect=(\d+)/.exec(read('client/src/client.ts'))![1]);
  const attach = launch.configurations.find((c: { request: string }) => c.request === 'attach');
  assert.equal(attach.port, port);
  const extension = launch.configurations.find((c: { type: string }) => c.type === 'extensionHost');
  assert.ok(extension.args.includes('--extensionDevelopmentPath=${workspaceFolder}'));
  const labels = new Set(tasks.map((t) => t.label));
  for (const c of launch.configurations) if (c.preLaunchTask) assert.ok(labels.has(c.preLaunchTask), c.preLaunchTask);
  for (const t of tasks) if (t.type === 'npm') assert.ok(scripts[t.script!], t.script);
  for (const compound of launch.compounds)
    for (const name of compound.configurations)
      assert.ok(
        launch.configurations.some((c: { name: string }) => c.name === name),
        name,
      );
});

test("npm test's summary counts as node does, names each failure, and leaves node's closing lines last on stdout", (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'exconn-summary-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'sample.test.js'),
    [
      "const { test } = require('node:test');",
      "test('passes', () => {});",
      "test('has a subtest', async (t) => { await t.test('inner', () => {}); });",
      "test('fails', () => { throw new Error('no'); });",
    ].join('\n'),
  );
  const args = scripts.test.slice(scripts.test.indexOf('node --test')).split(' ').slice(1, -1);
  // A runner inside a test would report to this one: NODE_TEST_CONTEXT goes, so it runs as npm test does.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const r = spawnSync(process.execPath, [...args, dir], { cwd: ROOT, encoding: 'utf8', env });
  assert.equal(r.status, 1);
  const out = r.stdout.trimEnd().split('\n');
  assert.match(out[out.length - 1], /^# duration_ms [\d.]+$/);
  assert.ok(out.includes('# tests 4') && out.includes('# pass 3') && out.includes('# fail 1'), r.stdout);
  assert.match(r.stderr, /^4 tests: 3 passed, 1 failed, in \d+\.\d s$/m);
  assert.match(r.stderr, /^Failed:\n {2}✗ fails {2}\(.*sample\.test\.js:4\)$/m);
});
