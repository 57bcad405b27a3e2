import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmUp } from '../../server/src/features/warmUp';
import { readCaps } from '../../server/src/features/caps';

// The server warms up completion and hover once, while idle (server.ts): the
// code a first request runs must be the code the warm-up ran, so the sample
// must reach the names, keys and values a request meets.

test('the warm-up runs completion and hover over its sample, one line per step, and they answer', () => {
  const caps = readCaps({
    textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } } },
  });
  const steps = warmUp(caps);
  let yielded = 0;
  let next = steps.next();
  while (!next.done) {
    yielded++;
    next = steps.next();
  }
  // The sample routing group and connector have some 25 lines.
  assert.ok(yielded >= 20, `${yielded} steps`);
  assert.ok(next.value.completions >= yielded, JSON.stringify(next.value));
  assert.ok(next.value.hovers >= yielded, JSON.stringify(next.value));
});
