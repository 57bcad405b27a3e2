import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticsPublisher } from '../../server/src/lsp/diagnostics';
import { LARGE_FILE_CHARS, ServerState } from '../../server/src/lsp/state';
import { Settings } from '../../server/src/lsp/settings';
import { MINIMAL_CAPS } from '../../server/src/features/caps';
import { connector, routingGroup } from '../helpers/workspace';
import { recordingConnection, stateWithDocuments } from '../helpers/serverState';

// A large file's first report (syntax and single-document findings) must reach
// the client before the server works out its workspace findings or reads it
// into the index: a report only partly in the pipe goes on when the event loop
// next turns, which that work would hold up for a second at 5,000 connectors.

const CONNECTORS = 600;
const text = [
  routingGroup('Paris', [{ name: 'PARIS-EX01', fqdn: 'paris-ex01.contoso.com' }]),
  ...Array.from({ length: CONNECTORS }, (_, i) => connector({ name: `C${i}`, from: 'Paris', to: ['Boston'], bridgehead: 'PARIS-EX01' })),
].join('---\n');

const turn = () => new Promise<void>((r) => setTimeout(r, 5));

test('the workspace work after a large file first report waits until that report has left', async () => {
  assert.ok(text.length >= LARGE_FILE_CHARS);
  const { connection, reports } = recordingConnection();
  const state = new ServerState();
  // The output is held: what was sent has not left until the test says so.
  let waits = 0;
  let release: () => void = () => {};
  const left = new Promise<void>((r) => (release = r));
  const written = () => {
    waits++;
    return left;
  };
  const log = (m: string) => assert.fail(m);
  const diagnostics = new DiagnosticsPublisher(
    connection,
    state,
    new Settings(connection, false, log),
    MINIMAL_CAPS,
    log,
    () => {},
    written,
  );
  state.onTextChanged((uri) => diagnostics.changed(uri));
  const uri = 'file:///w/large.connector.yaml';
  state.setDisk(uri, text);

  // Both the workspace phase and the check of the other files come to wait for the output.
  while (waits < 2 && reports.length < 2) await turn();
  assert.equal(reports.length, 1);
  assert.ok(reports[0].diagnostics.some((d) => d.code === 'dns-between-routing-groups'));
  assert.ok(!reports[0].diagnostics.some((d) => d.code === 'unknown-routing-group'));
  assert.equal(state.ws.index.checks, 0, 'no workspace rule ran while the first report was in the pipe');

  release();
  while (reports.length < 2) await turn();
  assert.equal(state.ws.index.checks, CONNECTORS + 1);
  assert.equal(reports[1].diagnostics.filter((d) => d.code === 'unknown-routing-group').length, CONNECTORS);
});

test('a large file just opened is not read into the index while its first report is still in the pipe', async () => {
  const { connection, reports } = recordingConnection();
  const { state, open } = stateWithDocuments();
  let waits = 0;
  let release: () => void = () => {};
  const left = new Promise<void>((r) => (release = r));
  const written = () => {
    waits++;
    return left;
  };
  const log = (m: string) => assert.fail(m);
  const diagnostics = new DiagnosticsPublisher(
    connection,
    state,
    new Settings(connection, false, log),
    MINIMAL_CAPS,
    log,
    () => {},
    written,
  );
  state.onTextChanged((uri) => diagnostics.changed(uri));
  const uri = 'file:///w/opened.connector.yaml';
  // As the server's open handler does.
  open(uri, text);
  state.sync(uri);
  diagnostics.changed(uri, 0);

  // The index's links are read through a private field, so as not to trigger the reading that `ws.index` does.
  const links = () => (state.ws as unknown as { built: { links: number } }).built.links;
  while (waits < 2 && reports.length < 2) await turn();
  assert.equal(reports.length, 1);
  assert.ok(reports[0].diagnostics.some((d) => d.code === 'dns-between-routing-groups'));
  assert.equal(links(), 0, 'nothing of the file was linked into the index while its report was in the pipe');

  release();
  while (reports.length < 2) await turn();
  assert.ok(links() > 0);
  assert.equal(reports[1].diagnostics.filter((d) => d.code === 'unknown-routing-group').length, CONNECTORS);
});
