import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Message } from 'vscode-languageserver/node';
import { framedConnection } from '../../server/src/lsp/output';
import { runQuick } from '../../server/src/lsp/runSafe';
import { MAX_YIELDED_TURNS, MessageLine } from '../../server/src/lsp/turns';

const frame = (m: unknown) => {
  const body = Buffer.from(JSON.stringify(m), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};
const immediate = () => new Promise<void>((r) => setImmediate(r));
const hoverRequest = (id: number) => ({
  jsonrpc: '2.0',
  id,
  method: 'textDocument/hover',
  params: { textDocument: { uri: 'file:///w/a.connector.yaml' }, position: { line: 0, character: 1 } },
});

/**
 * A connection as the server makes it over --stdio, a hover handler as the
 * server's, and background work of `steps` steps, each taken through `turn`.
 * Says, in order, when a step ran, when the hover request came in, and when
 * its answer was written; the work goes on `steps` steps after the answer.
 */
async function hoverDuringBackgroundWork(turn: (line: MessageLine) => Promise<void>, steps = 5): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  const { connection, line } = framedConnection(input, output);
  const events: string[] = [];
  const arrived = line.arrived.bind(line);
  line.arrived = (m: Message) => {
    events.push('request in');
    arrived(m);
  };
  output.on('data', (chunk: Buffer) => {
    if (chunk.toString('utf8').includes('"id":1,')) events.push('answer written');
  });
  connection.onHover((_p, token) =>
    runQuick(
      () => undefined,
      'hover',
      null,
      () => ({ contents: 'Routing group Boston' }),
      token,
    ),
  );
  connection.listen();
  const work = (async () => {
    // Until the answer is out and `steps` more (a bound, should the answer never come).
    for (let i = 0, after = 0; after < steps && i < 1_000_000; i++) {
      if (events.includes('answer written')) after++;
      await turn(line);
      events.push('step');
      // As from the pipe: the bytes come in while the loop polls, after the work's next turn was queued.
      if (i === 5) setTimeout(() => input.write(frame(hoverRequest(1))), 0);
    }
  })();
  await work;
  connection.dispose();
  return events;
}

/** How many background steps ran after the request came in and before its answer was written. */
function stepsInBetween(events: string[]): number {
  const from = events.indexOf('request in');
  const to = events.indexOf('answer written');
  assert.ok(from >= 0 && to > from, events.join(', '));
  return events.slice(from, to).filter((e) => e === 'step').length;
}

test('a request that comes in while background work takes turns is answered before the next step', async () => {
  const events = await hoverDuringBackgroundWork((line) => line.nextTurn());
  assert.equal(stepsInBetween(events), 0, events.join(', '));
  assert.ok(events.lastIndexOf('step') > events.indexOf('answer written'), 'the background work went on after');
});

test('with plain turns of the event loop, steps of the background work run before the answer (what MessageLine prevents)', async () => {
  const events = await hoverDuringBackgroundWork(() => immediate());
  assert.ok(stepsInBetween(events) >= 1, events.join(', '));
});

test('cancellations are not counted; a message never dispatched holds background work back for MAX_YIELDED_TURNS turns at most', async () => {
  const line = new MessageLine();
  line.arrived({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 1 } } as Message);
  assert.equal(line.pending, 0);
  await line.nextTurn();
  assert.equal(line.yielded, 0);

  const request = hoverRequest(2) as Message;
  line.arrived(request);
  assert.equal(line.pending, 1);
  // Dispatched three turns later: the work waits those turns, no more.
  void immediate()
    .then(immediate)
    .then(immediate)
    .then(() => line.dispatching(request));
  await line.nextTurn();
  assert.equal(line.pending, 0);
  assert.ok(line.yielded >= 2 && line.yielded <= 4, String(line.yielded));

  const before = line.yielded;
  line.arrived(request);
  await line.nextTurn();
  assert.equal(line.yielded - before, MAX_YIELDED_TURNS);
});
