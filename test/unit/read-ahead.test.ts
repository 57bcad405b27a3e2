import { test } from 'node:test';
import assert from 'node:assert/strict';
import { READ_PART, Workspace } from '../../server/src/engine/workspace';
import { routingGroup, connector } from '../helpers/workspace';

// A large file just opened is read into the workspace index a part at a
// time (Workspace.readAhead), so that no step holds the server for the whole
// file; the result is the index, and the findings, of reading it at once,
// also when the file is edited half-way.

const groups = ['Paris', 'Boston', 'Tokyo'].map((g, i) =>
  routingGroup(g, [{ name: `${g.toUpperCase()}-EX01`, fqdn: `ex${i}.contoso.com` }]),
);
const connectors = Array.from({ length: 700 }, (_, i) =>
  connector({
    name: `C${i}`,
    from: ['Paris', 'Boston', 'Tokyo'][i % 3],
    to: [['Boston', 'Tokyo', 'Paris'][i % 3]],
    bridgehead: i % 7 ? undefined : 'NOBODY',
  }),
);
const text = [...groups, ...connectors].join('---\n');
const uri = 'file:///w/large.connector.yaml';

/** Reads the file ahead in calls of 5 documents, as the server's slices do; returns the links made per call. */
function readAll(ws: Workspace, onCall?: (call: number) => void): number[] {
  const perCall: number[] = [];
  let call = 0;
  for (let next = 0; next !== -1; call++) {
    const before = linksOf(ws);
    next = ws.readAhead(uri, 5, next);
    perCall.push(linksOf(ws) - before);
    onCall?.(call);
  }
  return perCall;
}

// The index is read through a private field so as not to trigger the reading that `ws.index` does.
const built = (ws: Workspace) => (ws as unknown as { built: { links: number; pooled: number } }).built;
const linksOf = (ws: Workspace) => built(ws).links;

test('a large file is read into the index a part at a time, and ends as if read at once', () => {
  const ws = new Workspace();
  ws.setFile(uri, text, undefined, true);
  ws.quickFindings(uri);
  const perCall = readAll(ws);
  const docs = ws.file(uri)!.documents.length;
  assert.ok(perCall.length > docs / 5, 'read in many steps');
  assert.ok(Math.max(...perCall.slice(0, -1)) <= READ_PART, `no step but the last links more than a part: ${Math.max(...perCall)}`);
  assert.ok(perCall[perCall.length - 1] <= READ_PART, `the last step links the rest, less than a part: ${perCall[perCall.length - 1]}`);
  assert.equal(
    perCall.reduce((a, b) => a + b, 0),
    docs,
    'each document is linked once',
  );
  assert.equal(built(ws).pooled, 0, 'each part only adds the entries after those read before');
  assert.ok(!ws.workspacePending(uri) || ws.index.entries(uri).length === docs);
  const atOnce = new Workspace();
  atOnce.setFile(uri, text);
  assert.deepEqual(ws.findings(uri), atOnce.findings(uri));
  assert.ok(ws.findings(uri).some((f) => f.code === 'unknown-bridgehead'));
});

test('edits made while a large file is read ahead leave the same index and findings as reading the last text at once', () => {
  const ws = new Workspace();
  ws.setFile(uri, text, undefined, true);
  let current = text;
  let edits = 0;
  readAll(ws, (call) => {
    if (call % 40 !== 7) return;
    edits++;
    // A connector renamed, one removed, one added: documents change, move and come and go between parts.
    const k = (call * 13) % 600;
    if (call % 3 === 0) current = current.replace(`name: C${k}\n`, `name: C${k}x\n`);
    else if (call % 3 === 1) current = current.replace(connectors[k], '');
    else current = current.replace(connectors[k], `${connectors[k]}---\n${connector({ name: `N${k}`, from: 'Paris', to: ['Tokyo'] })}`);
    ws.setFile(uri, current, undefined, true);
  });
  assert.ok(edits >= 3, `edits made during the reading: ${edits}`);
  const atOnce = new Workspace();
  atOnce.setFile(uri, current);
  assert.deepEqual(ws.findings(uri), atOnce.findings(uri));
  assert.equal(ws.index.entries(uri).length, atOnce.index.entries(uri).length);
});

test('before and while a large file is read into the index, quick reports give the same finding objects for unchanged documents', () => {
  const ws = new Workspace();
  ws.setFile(uri, text, undefined, true);
  const first = ws.quickFindings(uri);
  assert.ok(first.length > 50);
  // The server converts each finding object once: a quick report during the reading must not make new ones.
  const again = ws.quickFindings(uri);
  assert.equal(again.length, first.length);
  assert.ok(
    again.every((f, i) => f === first[i]),
    'same objects before the reading',
  );
  for (let next = 0, calls = 0; next !== -1 && calls < 60; calls++) next = ws.readAhead(uri, 5, next);
  const during = ws.quickFindings(uri);
  assert.equal(during.length, first.length);
  const kept = during.filter((f, i) => f === first[i]).length;
  assert.equal(kept, first.length, 'documents read into the index and those not read yet keep their objects');
});
