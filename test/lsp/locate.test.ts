import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParsedDocument } from '../../server/src/model/parse';
import { locate } from '../../server/src/model/locate';
import { marked } from '../helpers/lspClient';

/** Locates the ‸ in a document's text. */
function at(textWithCursor: string) {
  const m = marked(textWithCursor);
  const doc = new ParsedDocument(m.text);
  return locate(doc, doc.lines.offset(m.positions[0]));
}

test('a half-typed key with no colon yet, inside a tab', () => {
  const l = at('kind: SmtpConnector\ngeneral:\n  delivery: dns\n  smart‸\n');
  assert.deepEqual(
    { path: l.path, at: l.at, prefix: l.prefix, siblings: l.siblings },
    { path: ['general'], at: 'key', prefix: 'smart', siblings: ['delivery'] },
  );
});

test('an empty line: the cursor column decides which mapping it is in', () => {
  const text = 'kind: SmtpConnector\nadvanced:\n  outboundSecurity:\n    tls: true\n';
  assert.deepEqual(at(text + '    ‸\n').path, ['advanced', 'outboundSecurity']);
  assert.deepEqual(at(text + '  ‸\n').path, ['advanced']);
  assert.deepEqual(at(text + '‸\n').path, []);
  assert.deepEqual(at(text + '  ‸\n').siblings, ['outboundSecurity']);
});

test("inside a list entry: the keys of the entry, held by the list's key", () => {
  const l = at('connectedRoutingGroups:\n  - routingGroup: Boston\n    ‸\n  - routingGroup: Paris\n    cost: 3\n');
  assert.deepEqual(
    { path: l.path, at: l.at, siblings: l.siblings },
    { path: ['connectedRoutingGroups'], at: 'key', siblings: ['routingGroup'] },
  );
  const first = at('connectedRoutingGroups:\n  - rout‸\n    cost: 3\n');
  assert.deepEqual(
    { path: first.path, listItem: first.listItem, siblings: first.siblings },
    { path: ['connectedRoutingGroups'], listItem: true, siblings: ['cost'] },
  );
});

test('a list at the same indentation as its key', () => {
  assert.deepEqual(at('general:\n  localBridgeheads:\n  - server: A\n    virt‸\n').path, ['general', 'localBridgeheads']);
});

test('a value: the key, the word and its range; sibling values of the entry', () => {
  const l = at('general:\n  localBridgeheads:\n    - server: "PAR-EX01"\n      virtualServer: Def‸ault # note\n');
  assert.equal(l.at, 'value');
  assert.equal(l.key, 'virtualServer');
  assert.equal(l.word, 'Default');
  assert.equal(l.prefix, 'Def');
  assert.deepEqual(l.wordRange, { start: { line: 3, character: 21 }, end: { line: 3, character: 28 } });
  assert.equal(l.siblingValues.server, 'PAR-EX01');
});

test('an entry of a flow list', () => {
  const l = at('contentRestrictions:\n  allowedPriorities: [high, no‸rm]\n');
  assert.deepEqual(
    { at: l.at, key: l.key, word: l.word, prefix: l.prefix, path: l.path },
    { at: 'item', key: 'allowedPriorities', word: 'norm', prefix: 'no', path: ['contentRestrictions'] },
  );
});

test('a comment offers nothing; a "#" inside quotes is not a comment', () => {
  assert.equal(at('general:\n  delivery: dns # use ‸DNS\n').at, 'comment');
  assert.equal(at('details:\n  adminNote: "a #1 ‸note"\n').at, 'value');
});

test('a line past the end of the text, and an empty document', () => {
  const doc = new ParsedDocument('kind: RoutingGroup\n');
  assert.equal(locate(doc, 10_000).at, 'key');
  assert.deepEqual(at('‸').path, []);
});
