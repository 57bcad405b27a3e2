import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/engine/workspace';
import { routingGroup, connector } from '../helpers/workspace';

// A large file's syntax and single-document findings go out before its
// documents are read into the workspace index (setFile with indexLater):
// quickFindings does not use the index, anything else reads the file first.

const paris = routingGroup('Paris', [{ name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com' }]);
const out = connector({
  name: 'Paris to Boston',
  from: 'Paris',
  to: ['Boston'],
  bridgehead: 'PAR-EX02',
  smartHosts: ['bos-ex01.boston.contoso.com'],
});
const bad = out.replace('name: Paris to Boston', 'name: Paris to Boston\ncost: 1');
const uri = 'file:///w/all.connector.yaml';

test('quickFindings of a file whose index reading waits: its single-document findings, the index untouched; then the same findings as at once', () => {
  const ws = new Workspace();
  const index = ws.index;
  const generation = index.generation;
  const text = `${paris}---\n${bad}`;
  ws.setFile(uri, text, undefined, true);
  assert.ok(ws.workspacePending(uri));
  const quick = ws.quickFindings(uri);
  assert.equal(index.generation, generation, 'the index read the file');
  assert.deepEqual(
    quick.map((f) => f.code),
    ['unknown-field'],
  );
  // Anything that uses the index reads the file first: the full findings are those of a workspace that read it at once.
  const full = ws.findings(uri);
  assert.equal(index.generation, generation + 1);
  const atOnce = new Workspace();
  atOnce.setFile(uri, text);
  assert.deepEqual(full, atOnce.findings(uri));
  assert.ok(full.some((f) => f.code === 'unknown-bridgehead'));
});

test('edits while the index waits, and one after, end with the findings of a workspace that read each version at once', () => {
  const ws = new Workspace();
  const atOnce = new Workspace();
  const versions = [`${paris}---\n${out}`, `${paris}---\n${bad}`, `${paris}# note\n---\n${bad}`, `${paris}---\n${out}`];
  versions.forEach((text, i) => {
    ws.setFile(uri, text, undefined, i < 3);
    atOnce.setFile(uri, text);
    if (i === 1) ws.quickFindings(uri);
  });
  assert.deepEqual(ws.findings(uri), atOnce.findings(uri));
  // Who the waiting versions affected is known once the index read them.
  assert.ok(ws.takeAffected().includes(uri));
});
