import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { runQuick, runSafe } from '../../server/src/lsp/runSafe';

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

test('runQuick: a synchronous answer is returned as it is, in the same turn; a thrown error answers the empty result', () => {
  const logged: string[] = [];
  assert.deepEqual(
    runQuick(
      (m) => logged.push(m),
      'hover',
      null,
      () => ({ contents: 'x' }),
    ),
    { contents: 'x' },
  );
  const r = runQuick(
    (m) => logged.push(m),
    'completion',
    null,
    () => {
      throw new Error('boom');
    },
  );
  assert.equal(r, null);
  assert.match(logged[0], /^completion failed: Error: boom/);
});

test('runQuick: a request already cancelled is answered with RequestCancelled and its work never runs; a cancellation during async work too', async () => {
  const source = new CancellationTokenSource();
  source.cancel();
  let ran = false;
  const r = runQuick(
    () => undefined,
    'hover',
    null,
    () => {
      ran = true;
      return 1;
    },
    source.token,
  );
  assert.ok(r instanceof ResponseError && r.code === LSPErrorCodes.RequestCancelled);
  assert.equal(ran, false);

  const later = new CancellationTokenSource();
  const pending = runQuick(
    () => undefined,
    'completion',
    [],
    async () => {
      later.cancel();
      return [1];
    },
    later.token,
  );
  const r2 = await pending;
  assert.ok(r2 instanceof ResponseError && r2.code === LSPErrorCodes.RequestCancelled);

  const logged: string[] = [];
  const failing = await runQuick(
    (m) => logged.push(m),
    'completion',
    [],
    async () => {
      throw new Error('late');
    },
  );
  assert.deepEqual(failing, []);
  assert.match(logged[0], /^completion failed: Error: late/);
});
