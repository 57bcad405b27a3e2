import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { runSafe } from '../../server/src/lsp/runSafe';

test('runSafe: a handler that throws answers the empty result and logs the error', async () => {
  const logged: string[] = [];
  const r = await runSafe(
    (m) => logged.push(m),
    'hover',
    null,
    () => {
      throw new Error('boom');
    },
  );
  assert.equal(r, null);
  assert.equal(logged.length, 1);
  assert.match(logged[0], /^hover failed: Error: boom/);
});

test('runSafe: a request cancelled before its work starts is answered with RequestCancelled, and the work never runs', async () => {
  const source = new CancellationTokenSource();
  let ran = false;
  const pending = runSafe(
    () => undefined,
    'completion',
    [],
    () => {
      ran = true;
      return [1];
    },
    source.token,
  );
  source.cancel(); // the client's $/cancelRequest, handled before the next turn of the event loop
  const r = await pending;
  assert.ok(r instanceof ResponseError);
  assert.equal(r.code, LSPErrorCodes.RequestCancelled);
  assert.equal(ran, false);
});

test('runSafe: a request cancelled while it works is answered with RequestCancelled', async () => {
  const source = new CancellationTokenSource();
  const r = await runSafe(
    () => undefined,
    'symbols',
    [],
    async () => {
      source.cancel();
      return [1];
    },
    source.token,
  );
  assert.ok(r instanceof ResponseError && r.code === LSPErrorCodes.RequestCancelled);
});

test('runSafe: otherwise the result goes through', async () => {
  const source = new CancellationTokenSource();
  assert.deepEqual(
    await runSafe(
      () => undefined,
      'x',
      [],
      () => [1, 2],
      source.token,
    ),
    [1, 2],
  );
});
