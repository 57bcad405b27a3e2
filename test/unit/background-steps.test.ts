import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIAGNOSTICS_DELAY_MS, DiagnosticsPublisher } from '../../server/src/lsp/diagnostics';
import { LARGE_FILE_CHARS } from '../../server/src/lsp/state';
import { Settings } from '../../server/src/lsp/settings';
import { MINIMAL_CAPS } from '../../server/src/features/caps';
import { connector, routingGroup } from '../helpers/workspace';
import { recordingConnection, stateWithDocuments } from '../helpers/serverState';

// After a large file opens, the server reads it into the index and works out
// its workspace findings in steps, between which the event loop turns. An
// edit made then must not wait behind that work: its check goes first (that
// the messages in line go before a step is lsp/turns.ts's, message-line.test.ts).

const CONNECTORS = 600;
const text = [
  routingGroup('Paris', [{ name: 'PARIS-EX01', fqdn: 'paris-ex01.contoso.com' }]),
  ...Array.from({ length: CONNECTORS }, (_, i) => connector({ name: `C${i}`, from: 'Paris', to: ['Boston'], bridgehead: 'PARIS-EX01' })),
].join('---\n');
const uri = 'file:///w/opened.connector.yaml';
const turn = () => new Promise<void>((r) => setImmediate(r));

function server() {
  const { connection, reports } = recordingConnection();
  const { state, open, change } = stateWithDocuments();
  const log = (m: string) => assert.fail(m);
  const diagnostics = new DiagnosticsPublisher(
    connection,
    state,
    new Settings(connection, false, log),
    MINIMAL_CAPS,
    log,
    () => {},
    () => Promise.resolve(),
  );
  state.documents.onDidChangeContent((e) => diagnostics.changed(e.document.uri));
  // Steps of reading the file into the index, counted.
  const ws = state.ws;
  const step = ws.readAhead.bind(ws);
  const counter = { steps: 0, onStep: () => {} };
  ws.readAhead = (u, budget, from) => {
    counter.steps++;
    counter.onStep();
    return step(u, budget, from);
  };
  const start = () => {
    open(uri, text);
    state.sync(uri);
    diagnostics.changed(uri, 0);
  };
  return { reports, state, start, change, counter };
}

/** A comment's text changed on the file's first line: a new version with the same findings. */
const edit = (change: ReturnType<typeof server>['change'], version: number) =>
  change(uri, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `# v${version}\n` }]);

test('an edit made while a large file is read into the index is reported before another step of that reading', async () => {
  assert.ok(text.length >= LARGE_FILE_CHARS);
  const { reports, state, start, change, counter } = server();
  start();
  while (counter.steps < 3) await turn();
  assert.ok(state.ws.unreadFiles().includes(uri), 'the file is still being read');
  const before = reports.length;
  const stepsAtEdit = counter.steps;
  edit(change, 2);
  while (!reports.slice(before).some((r) => r.version === 2)) await turn();
  assert.equal(counter.steps, stepsAtEdit, 'no step of the reading ran between the edit and its report');
  // The reading goes on after it, and the workspace findings come.
  while (!reports.some((r) => r.version === 2 && r.diagnostics.some((d) => d.code === 'unknown-routing-group'))) await turn();
  assert.ok(counter.steps > stepsAtEdit);
});

test('a lone change is checked at once, a burst of changes once after its last', async () => {
  const { reports, start, change, counter } = server();
  start();
  while (counter.steps < 1) await turn();
  // A lone change: reported before a timer of half the burst delay, set at the same moment, fires
  // (timers fire in the order they are due, whatever the machine's speed).
  let before = reports.length;
  edit(change, 2);
  await new Promise((r) => setTimeout(r, DIAGNOSTICS_DELAY_MS / 2));
  assert.ok(reports.slice(before).some((r) => r.version === 2));
  // Five changes in one turn: one check, of the last.
  before = reports.length;
  for (let v = 3; v <= 7; v++) edit(change, v);
  while (!reports.slice(before).some((r) => r.version === 7)) await turn();
  assert.deepEqual(
    reports.slice(before).filter((r) => r.version !== 2),
    reports.slice(before).filter((r) => r.version === 7),
    'only the last version of the burst was checked',
  );
});
