import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Message } from 'vscode-languageserver/node';
import { FramedMessageReader, MAX_HEADER_BYTES } from '../../server/src/lsp/input';

const messages: Message[] = [
  { jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { position: { line: 3, character: 7 } } } as Message,
  { jsonrpc: '2.0', method: 'textDocument/didChange', params: { text: 'name: Zürich → Genève 🙂\r\n' } } as Message,
  { jsonrpc: '2.0', id: 'two', result: null } as Message,
];

const frame = (m: unknown, header = 'Content-Length') => {
  const body = Buffer.from(JSON.stringify(m), 'utf8');
  return Buffer.concat([Buffer.from(`${header}: ${body.length}\r\n\r\n`, 'ascii'), body]);
};

/** A reader over a stream, the messages it delivered and the errors it reported. */
function reading() {
  const stream = new PassThrough();
  const reader = new FramedMessageReader(stream);
  const got: Message[] = [];
  const errors: string[] = [];
  reader.onError((e) => errors.push(e.message));
  reader.listen((m) => got.push(m));
  return { stream, reader, got, errors };
}

test('messages cut anywhere (inside a header, a body, a UTF-8 character) are read whole and in order', () => {
  const bytes = Buffer.concat(messages.map((m) => frame(m)));
  for (let cut = 1; cut < bytes.length; cut++) {
    const { reader, got, errors } = reading();
    reader.take(bytes.subarray(0, cut));
    reader.take(bytes.subarray(cut));
    assert.deepEqual(got, messages, `cut at byte ${cut}`);
    assert.deepEqual(errors, []);
  }
  // And one byte at a time.
  const { reader, got } = reading();
  for (let i = 0; i < bytes.length; i++) reader.take(bytes.subarray(i, i + 1));
  assert.deepEqual(got, messages);
});

test('a message is delivered in the same turn as the data that completes it', () => {
  const { stream, got } = reading();
  const seen: number[] = [];
  // Listeners run in order: the reader's first, then this one, before any other turn of the event loop.
  stream.on('data', () => seen.push(got.length));
  const bytes = Buffer.concat(messages.map((m) => frame(m)));
  const first = frame(messages[0]).length;
  stream.write(bytes.subarray(0, first - 1));
  stream.write(bytes.subarray(first - 1));
  assert.deepEqual(seen, [0, 3]);
});

test('a long body arriving in many chunks is joined once, when it is complete', () => {
  const long = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'x: 1\n'.repeat(200_000) } } as Message;
  const bytes = frame(long);
  const { reader, got } = reading();
  const concat = Buffer.concat;
  let joins = 0;
  Buffer.concat = ((list: readonly Uint8Array[], length?: number) => {
    joins++;
    return concat(list, length);
  }) as typeof Buffer.concat;
  try {
    for (let i = 0; i < bytes.length; i += 65536) reader.take(bytes.subarray(i, i + 65536));
  } finally {
    Buffer.concat = concat;
  }
  assert.deepEqual(got, [long]);
  assert.equal(joins, 1);
});

test('a frame that cannot be read is reported and the next one is read', () => {
  const { reader, got, errors } = reading();
  reader.take(Buffer.from('Content-Type: application/vscode-jsonrpc\r\n\r\n', 'ascii'));
  reader.take(Buffer.from('Content-Length: 5\r\n\r\n{nop}', 'ascii'));
  reader.take(Buffer.from('Content-Length: -3\r\n\r\n', 'ascii'));
  reader.take(Buffer.concat([frame(messages[0], 'content-length'), frame(messages[2])]));
  assert.deepEqual(got, [messages[0], messages[2]]);
  assert.equal(errors.length, 3);
  assert.match(errors[0], /Content-Length/);
  assert.match(errors[1], /not JSON/);
  assert.match(errors[2], /Content-Length/);
});

test('bytes that never end a header are dropped past the limit, and reading goes on', () => {
  const { reader, got, errors } = reading();
  reader.take(Buffer.alloc(MAX_HEADER_BYTES + 1, 'a'));
  assert.equal(errors.length, 1);
  reader.take(frame(messages[1]));
  assert.deepEqual(got, [messages[1]]);
});

test('the stream closing closes the reader', async () => {
  const { stream, reader } = reading();
  const closed = new Promise<void>((resolve) => reader.onClose(() => resolve()));
  stream.destroy();
  await closed;
});

test('each message is told to the `arrived` observer as it is handed to the connection, not before the connection listens', () => {
  const stream = new PassThrough();
  const seen: Message[] = [];
  const reader = new FramedMessageReader(stream, (m) => seen.push(m));
  reader.take(frame(messages[0]));
  assert.deepEqual(seen, [], 'nobody listens yet');
  const got: Message[] = [];
  reader.listen((m) => {
    assert.equal(seen.length, got.length + 1, 'told first');
    got.push(m);
  });
  reader.take(Buffer.concat(messages.map((m) => frame(m))));
  assert.deepEqual(seen, messages);
  assert.deepEqual(got, messages);
});
