import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/engine/workspace';
import { codeActions } from '../../server/src/features/codeActions';
import { readCaps } from '../../server/src/features/caps';
import { connector, routingGroup } from '../helpers/workspace';

// A quick fix is asked for at a place (VS Code asks at the cursor after
// every edit): the server works out the findings of the documents there, not
// of the whole file, and in a large file whose workspace findings are pending
// it answers from the quick findings, as a hover does. Working out every
// finding of 5,000 connectors just opened held the server for seconds.

const CONNECTORS = 700;
const docs = [
  routingGroup('Paris', [{ name: 'PARIS-EX01', fqdn: 'paris-ex01.contoso.com' }]),
  ...Array.from({ length: CONNECTORS }, (_, i) => {
    const c = connector({ name: `C${i}`, from: 'Paris', to: ['Boston'], bridgehead: 'PARIS-EX01' });
    // One connector with a cost out of range (a single-document finding with a fix).
    return i === 350 ? c.replace('  - routingGroup: Boston\n', '  - routingGroup: Boston\n    cost: 150\n') : c;
  }),
];
const text = docs.join('---\n');
const uri = 'file:///w/large.connector.yaml';
const caps = readCaps({ textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } });
const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 80 } });

// Read through a private field, so as not to read the file into the index.
const built = (ws: Workspace) => (ws as unknown as { built: { links: number; checks: number } }).built;

test('a quick fix in a large file whose workspace findings are pending: no workspace rule runs, the file is not read into the index', () => {
  const ws = new Workspace();
  ws.setFile(uri, text, undefined, true);
  ws.quickFindings(uri);
  const line = lineOf('cost: 150');
  const actions = codeActions(ws, { uri, range: at(line), diagnostics: [], quick: true }, {}, caps);
  assert.ok(
    actions.some((a) => a.diagnostics?.some((d) => d.code === 'cost-range')),
    JSON.stringify(actions.map((a) => a.title)),
  );
  assert.equal(built(ws).links, 0, 'nothing was read into the index');
  assert.equal(built(ws).checks, 0, 'no workspace rule ran');
});

test('the findings at a place are those of the whole file that touch those lines', () => {
  const ws = new Workspace();
  ws.setFile(uri, text);
  const all = ws.findings(uri);
  assert.ok(all.some((f) => f.code === 'unknown-routing-group'));
  const lines = text.split('\n').length;
  for (const [from, to] of [
    [0, 0],
    [lineOf('name: C3\n'), lineOf('name: C3\n')],
    [lineOf('cost: 150'), lineOf('cost: 150') + 40],
    [lines - 3, lines - 1],
  ]) {
    const here = ws.findingsAt(uri, from, to);
    const touching = all.filter((f) => f.range.end.line >= from && f.range.start.line <= to);
    for (const f of touching) assert.ok(here.includes(f), `${f.code} at line ${f.range.start.line} is among the findings at ${from}–${to}`);
    assert.ok(here.length < all.length / 10, `only the documents there: ${here.length} of ${all.length}`);
  }
});
