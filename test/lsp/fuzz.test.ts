import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzSession } from '../helpers/fuzzSession';

/**
 * A seeded random-edit session of the bundled server over stdio: a few hundred
 * edits (stray brackets, indicators, odd line breaks and characters, pasted
 * files), each followed by the requests an editor sends. The server answers
 * every request, never with an internal error, logs no failed handler or rule,
 * and is still running at the end. `npm run fuzz` runs the same for longer.
 */
test('300 random edits (seed 1): no crash, time-out, internal error or failure logged', async () => {
  const r = await fuzzSession({ edits: 300, seed: 1 });
  assert.equal(r.edits, 300);
  assert.deepEqual(
    { crashes: r.crashes, timeouts: r.timeouts, internalErrors: r.internalErrors, handlerFailures: r.handlerFailures },
    { crashes: 0, timeouts: 0, internalErrors: 0, handlerFailures: 0 },
    r.samples.join('\n'),
  );
});

test('200 random edits with a large file (seed 2): the same, and every open document settles to a fresh server’s diagnostics', async () => {
  const r = await fuzzSession({ edits: 200, seed: 2, large: true });
  assert.equal(r.edits, 200);
  assert.deepEqual(
    {
      crashes: r.crashes,
      timeouts: r.timeouts,
      internalErrors: r.internalErrors,
      handlerFailures: r.handlerFailures,
      mismatches: r.mismatches,
    },
    { crashes: 0, timeouts: 0, internalErrors: 0, handlerFailures: 0, mismatches: 0 },
    r.samples.join('\n'),
  );
});
