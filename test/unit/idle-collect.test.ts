import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { IdleCollector, youngGenerationCollector } from '../../server/src/lsp/idleCollect';

const after = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

test('rounds settling close together are one collection; a later round is another', async () => {
  let collected = 0;
  const c = new IdleCollector(() => collected++, 5);
  c.settled();
  c.settled();
  c.settled();
  assert.equal(collected, 0, 'not in the turn the round settled in');
  await after(30);
  assert.equal(collected, 1);
  c.settled();
  await after(30);
  assert.equal(collected, 2);
  assert.equal(c.collections, 2);
});

test('the collector runs a young-generation collection (V8 reports a minor one)', async () => {
  let minor = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if ((e as unknown as { detail: { kind: number } }).detail.kind === constants.NODE_PERFORMANCE_GC_MINOR) minor++;
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    const collect = youngGenerationCollector();
    await after(20);
    const before = minor;
    collect();
    await after(20);
    assert.ok(minor > before, 'a minor collection was reported');
    assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'no gc function was given to this context');
  } finally {
    observer.disconnect();
  }
});
