import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Nothing the engine keeps for one version of a file may reach an earlier
 * version: typing in a file must not grow the heap with every keystroke (it
 * did through the yaml package's errors, whose captured stacks held the
 * previous version's parses).
 *
 * The session runs in a child process: it needs --expose-gc, and
 * --no-concurrent-recompilation makes V8 compile the same way on every run
 * (with background compilation the old leak showed only in some runs).
 */
function typingSession(versions: number): { growth: number; firstFileFreed: boolean; firstDocumentFreed: boolean } {
  const script = join(__dirname, '..', 'helpers', 'typingSession.js');
  const r = spawnSync(process.execPath, ['--expose-gc', '--no-concurrent-recompilation', script, String(versions)], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('5,000 versions of a file with a syntax error keep the heap bounded', () => {
  const { growth } = typingSession(5000);
  assert.ok(growth < 20 * 1024 * 1024, `the heap grew by ${(growth / 1048576).toFixed(1)} MB over 5,000 versions`);
});

test('a file version and its parsed documents are freed once later versions replace them', () => {
  const r = typingSession(50);
  assert.equal(r.firstFileFreed, true, 'the first version of the file is still reachable');
  assert.equal(r.firstDocumentFreed, true, 'the first version of the document is still reachable');
});

test('editing a large file keeps one copy of its text, not one per version', () => {
  const script = join(__dirname, '..', 'helpers', 'largeFileSession.js');
  const r = spawnSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { growth, bytes } = JSON.parse(r.stdout) as { growth: number; bytes: number };
  // 20 versions: a version's whole text kept per edit would be 20 × `bytes`.
  assert.ok(
    growth < 3 * bytes,
    `the heap grew by ${(growth / 1048576).toFixed(1)} MB over 20 edits of a ${(bytes / 1048576).toFixed(1)} MB file`,
  );
});
