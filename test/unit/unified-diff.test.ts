import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unifiedDiff } from '../../server/src/cli/unifiedDiff';
import { seededRandom } from '../helpers/random';

test('equal texts have no diff; a change is one hunk with three lines of context, as diff -u writes it', () => {
  assert.equal(unifiedDiff('a.yaml', 'x\n', 'x\n'), '');
  const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n') + '\n';
  assert.equal(
    unifiedDiff('dir/a.yaml', before, before.replace('5\n', 'five\n')),
    '--- a/dir/a.yaml\n+++ b/dir/a.yaml\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n',
  );
});

test('changes far apart are two hunks, close ones one; a side with no lines starts at the line before', () => {
  const lines = Array.from({ length: 20 }, (_, i) => `L${i + 1}`);
  const before = lines.join('\n') + '\n';
  const far = unifiedDiff('a', before, before.replace('L2\n', 'two\n').replace('L18\n', 'eighteen\n'));
  assert.deepEqual(
    far.split('\n').filter((l) => l.startsWith('@@')),
    ['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@'],
  );
  // Six unchanged lines between two changes: still one hunk.
  const near = unifiedDiff('a', before, before.replace('L2\n', 'two\n').replace('L9\n', 'nine\n'));
  assert.deepEqual(
    near.split('\n').filter((l) => l.startsWith('@@')),
    ['@@ -1,12 +1,12 @@'],
  );
  assert.equal(unifiedDiff('a', '', 'new\n'), '--- a/a\n+++ b/a\n@@ -0,0 +1 @@\n+new\n');
  assert.equal(unifiedDiff('a', 'old\n', ''), '--- a/a\n+++ b/a\n@@ -1 +0,0 @@\n-old\n');
});

test('line endings are kept, and a last line without one is marked', () => {
  assert.equal(unifiedDiff('a', 'x\r\ny\r\n', 'x\r\nz\r\n'), '--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n x\r\n-y\r\n+z\r\n');
  assert.equal(
    unifiedDiff('a', 'x\ny', 'x\nz'),
    '--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n',
  );
  assert.equal(unifiedDiff('a', 'x', 'x\n'), '--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n');
});

test('patch applies the diff of random edits and gets the new text, byte for byte', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'exconn-diff-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const next = seededRandom(13);
  const words = ['a', 'b', 'c', '', 'kind: X', '  - y'];
  for (let round = 0; round < 60; round++) {
    const eol = next() < 0.3 ? '\r\n' : '\n';
    const n = Math.floor(next() * 30);
    const a = Array.from({ length: n }, () => words[Math.floor(next() * words.length)]);
    const b = a.flatMap((line) => {
      const p = next();
      if (p < 0.1) return [];
      if (p < 0.2) return [line, words[Math.floor(next() * words.length)]];
      if (p < 0.3) return ['changed'];
      return [line];
    });
    const text = (lines: string[]) => lines.join(eol) + (next() < 0.2 ? '' : eol);
    const before = text(a);
    const after = text(b);
    writeFileSync(join(dir, 'f.yaml'), before);
    const diff = unifiedDiff('f.yaml', before, after);
    if (before === after) {
      assert.equal(diff, '');
      continue;
    }
    const r = spawnSync('patch', ['-p1', '--binary', '-s', '-N', '-r', '-', 'f.yaml'], { cwd: dir, input: diff, encoding: 'utf8' });
    assert.equal(r.status, 0, `round ${round}: ${r.stdout}${r.stderr}\n${diff}`);
    assert.equal(readFileSync(join(dir, 'f.yaml'), 'utf8'), after, `round ${round}:\n${diff}`);
  }
});
