import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { StreamMessageReader, type Message, type NotificationMessage } from 'vscode-languageserver/node';
import { BatchedMessageWriter, HIGH_WATER_BYTES } from '../../server/src/lsp/output';

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

const notification = (i: number): NotificationMessage => ({
  jsonrpc: '2.0',
  method: 'textDocument/publishDiagnostics',
  params: { uri: `file:///w/${i}.connector.yaml`, diagnostics: [{ message: `Zürich → Genève ${i} 🙂` }] },
});

/** Reads messages back from the bytes written, with the library's reader. */
function readBack(stream: PassThrough, count: number): Promise<Message[]> {
  const reader = new StreamMessageReader(stream);
  const got: Message[] = [];
  return new Promise((resolve) =>
    reader.listen((m) => {
      got.push(m);
      if (got.length === count) resolve(got);
    }),
  );
}

test('the messages of one turn leave in one write, framed as the library reads them', async () => {
  const stream = new PassThrough();
  let writes = 0;
  const write = stream.write.bind(stream);
  stream.write = ((...args: Parameters<typeof write>) => {
    writes++;
    return write(...args);
  }) as typeof stream.write;
  const writer = new BatchedMessageWriter(stream);
  const sent = Array.from({ length: 300 }, (_, i) => notification(i));
  const back = readBack(stream, 300);
  await Promise.all(sent.map((m) => writer.write(m)));
  await nextTurn();
  assert.equal(writes, 1);
  assert.equal(writer.flushes, 1);
  assert.deepEqual(await back, sent);

  // A later turn's message is a write of its own.
  const more = readBack(stream, 1);
  await writer.write(notification(300));
  await nextTurn();
  assert.equal(writes, 2);
  assert.deepEqual(await more, [notification(300)]);
});

test('past the high-water mark a sender waits until the stream has taken what is queued', async () => {
  let release: (() => void) | undefined;
  const stream = new Writable({
    write(_chunk, _encoding, callback) {
      release = () => callback();
    },
  });
  const writer = new BatchedMessageWriter(stream);
  await writer.write(notification(0));
  const big = { ...notification(1), params: { uri: 'file:///w/big', diagnostics: [{ message: 'x'.repeat(HIGH_WATER_BYTES) }] } };
  let resumed = false;
  const waiting = writer.write(big).then(() => (resumed = true));
  await nextTurn();
  await nextTurn();
  assert.equal(writer.flushes, 1);
  assert.equal(resumed, false, 'the sender waits for the stream');
  release!();
  await waiting;
  assert.equal(resumed, true);
});

test('written resolves once the stream has taken every message sent before it, at once when it has', async () => {
  const callbacks: (() => void)[] = [];
  const stream = new Writable({
    write(_chunk, _encoding, callback) {
      callbacks.push(() => callback());
    },
  });
  const writer = new BatchedMessageWriter(stream);
  let idle = false;
  await writer.written().then(() => (idle = true));
  assert.equal(idle, true, 'nothing sent: nothing to wait for');

  await writer.write(notification(0));
  let first = false;
  const firstWritten = writer.written().then(() => (first = true));
  await nextTurn();
  assert.equal(writer.flushes, 1);
  await writer.write(notification(1));
  let second = false;
  const secondWritten = writer.written().then(() => (second = true));
  await nextTurn();
  await nextTurn();
  assert.equal(first, false, 'the stream has not taken the first message yet');
  callbacks.shift()!();
  await firstWritten;
  await nextTurn();
  assert.equal(second, false, 'the second message is still in the stream');
  callbacks.shift()!();
  await secondWritten;
  assert.equal(second, true);
});

test('an answer leaves at once, with the messages queued before it in the same turn; later ones wait for the turn', async () => {
  const stream = new PassThrough();
  const writer = new BatchedMessageWriter(stream);
  const answer = { jsonrpc: '2.0', id: 7, result: { contents: { kind: 'markdown', value: 'Routing group **Boston**' } } } as const;
  const back = readBack(stream, 3);
  await writer.write(notification(0));
  assert.equal(writer.flushes, 0, 'a notification waits for the end of the turn');
  await writer.write(answer);
  assert.equal(writer.flushes, 1, 'the answer and the notification before it are written without waiting for a turn');
  await writer.write(notification(1));
  assert.equal(writer.flushes, 1);
  await nextTurn();
  assert.equal(writer.flushes, 2);
  assert.deepEqual(await back, [notification(0), answer, notification(1)]);
});

test("an open document's report (diagnostics with a version) leaves at once; a closed file's waits for the turn", async () => {
  const stream = new PassThrough();
  const writer = new BatchedMessageWriter(stream);
  const report = {
    jsonrpc: '2.0',
    method: 'textDocument/publishDiagnostics',
    params: { uri: 'file:///w/open.connector.yaml', version: 12, diagnostics: [{ message: 'cost 150 is out of range' }] },
  } as const;
  const back = readBack(stream, 3);
  await writer.write(notification(0));
  assert.equal(writer.flushes, 0, "a closed file's diagnostics wait for the end of the turn");
  await writer.write(report);
  assert.equal(writer.flushes, 1, 'the report and the notification before it are written without waiting for a turn');
  await writer.write(notification(1));
  assert.equal(writer.flushes, 1);
  await nextTurn();
  assert.equal(writer.flushes, 2);
  assert.deepEqual(await back, [notification(0), report, notification(1)]);
});
