import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { hover } from '../../server/src/features/hover';
import { definition } from '../../server/src/features/navigation';
import { Workspace } from '../../server/src/engine/workspace';
import { completion } from '../../server/src/features/completion';
import { foldingRanges } from '../../server/src/features/folding';
import { fixEdit } from '../../server/src/features/codeActions';
import { MINIMAL_CAPS, readCaps } from '../../server/src/features/caps';
import { marked } from '../helpers/lspClient';

// The features are pure functions of the workspace: these need no server.
const SNIPPETS = readCaps({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });

function completeAt(textWithCursor: string) {
  const m = marked(textWithCursor);
  const ws = new Workspace();
  ws.setFile('file:///a.connector.yaml', m.text);
  return completion(ws, 'file:///a.connector.yaml', m.positions[0], SNIPPETS);
}

test('completion on a key that already has a value replaces the key only', () => {
  const list = completeAt('kind: SmtpConnector\ngeneral:\n  deli‸very: dns\n');
  const item = list.items.find((i) => i.label === 'delivery')!;
  assert.deepEqual(item.textEdit, { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 10 } }, newText: 'delivery' });
  assert.equal(item.insertTextFormat, 1);
});

test("completion in the second YAML document of a file uses that document's kind and file lines", () => {
  const list = completeAt('kind: SmtpConnector\nname: A\n---\nkind: RoutingGroup\nservers:\n  - name: X\n    ‸\n');
  assert.deepEqual(
    list.items.map((i) => i.label),
    ['fqdn', 'ip', 'version', 'smtpVirtualServers'],
  );
  assert.deepEqual((list.items[2].textEdit as TextEdit).range, { start: { line: 6, character: 4 }, end: { line: 6, character: 4 } });
  assert.equal((list.items[2].textEdit as TextEdit).newText, 'version: "${1|5.5,2000,2003|}"');
});

test('folding keeps the outer ranges first when the client sets a limit', () => {
  const ws = new Workspace();
  const doc = 'kind: SmtpConnector\nname: A\ngeneral:\n  localBridgeheads:\n    - server: A\n      virtualServer: B\n';
  ws.setFile('u', [doc, doc, doc].join('---\n'));
  const all = foldingRanges(ws, 'u');
  assert.deepEqual(all.slice(0, 4), [
    { startLine: 0, endLine: 5 },
    { startLine: 2, endLine: 5 },
    { startLine: 3, endLine: 5 },
    { startLine: 4, endLine: 5 },
  ]);
  assert.deepEqual(foldingRanges(ws, 'u', 3), [
    { startLine: 0, endLine: 5 },
    { startLine: 7, endLine: 12 },
    { startLine: 14, endLine: 19 },
  ]);
});

test('a fix that creates a file: documentChanges with create where the client can, nothing where it cannot', () => {
  const fix = { title: 'Create x', edits: [], create: [{ uri: 'file:///x.routinggroup.yaml', text: 'kind: RoutingGroup\n' }] };
  assert.equal(fixEdit('file:///a.connector.yaml', fix, 3, MINIMAL_CAPS), undefined);
  const caps = readCaps({ workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } });
  assert.deepEqual(fixEdit('file:///a.connector.yaml', fix, 3, caps), {
    documentChanges: [
      { kind: 'create', uri: 'file:///x.routinggroup.yaml', options: { overwrite: false, ignoreIfExists: false } },
      {
        textDocument: { uri: 'file:///x.routinggroup.yaml', version: null },
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'kind: RoutingGroup\n' }],
      },
    ],
  });
  // documentChanges without resource operations is no better.
  assert.equal(
    fixEdit('file:///a.connector.yaml', fix, 3, readCaps({ workspace: { workspaceEdit: { documentChanges: true } } })),
    undefined,
  );
});

test('hover on a smart host names the server it is; definition of a default virtual server goes to its server', () => {
  const ws = new Workspace();
  const rg = 'kind: RoutingGroup\nname: Boston\nadministrativeGroup: AG\nservers:\n  - name: BOS-EX01\n    fqdn: bos-ex01.contoso.com\n';
  const conn =
    'kind: SmtpConnector\nname: C\nadministrativeGroup: AG\nroutingGroup: Boston\ngeneral:\n  smartHosts:\n    - BOS-EX01.contoso.com.\n  localBridgeheads:\n    - server: BOS-EX01\n      virtualServer: Default SMTP Virtual Server\n';
  ws.setFile('file:///b.routinggroup.yaml', rg);
  ws.setFile('file:///c.connector.yaml', conn);
  const h = hover(ws, 'file:///c.connector.yaml', { line: 6, character: 8 }, MINIMAL_CAPS)!;
  assert.match((h.contents as MarkupContent).value, /^Server BOS-EX01 of routing group Boston\n\nsmartHosts: list of text/);
  assert.deepEqual(definition(ws, 'file:///c.connector.yaml', { line: 9, character: 22 }), [
    { uri: 'file:///b.routinggroup.yaml', range: { start: { line: 4, character: 10 }, end: { line: 4, character: 18 } } },
  ]);
});

test("routingGroup values list the connector's administrative group's routing groups first, each part by name", () => {
  const ws = new Workspace();
  const group = (name: string, admin: string) => `kind: RoutingGroup\nname: ${name}\nadministrativeGroup: ${admin}\nservers: []\n`;
  ws.setFile('file:///z/alpha.routinggroup.yaml', group('Alpha', 'Americas'));
  ws.setFile('file:///beta.routinggroup.yaml', group('Beta', 'Europe'));
  ws.setFile('file:///gamma.routinggroup.yaml', group('Gamma', 'Americas'));
  ws.setFile('file:///a/zeta.routinggroup.yaml', group('Zeta', 'Europe'));
  const m = marked(
    'kind: SmtpConnector\nname: C\nadministrativeGroup: Europe\nroutingGroup: Beta\nconnectedRoutingGroups:\n  - routingGroup: ‸\n',
  );
  ws.setFile('file:///a.connector.yaml', m.text);
  const labels = (pos: (typeof m.positions)[0]) =>
    completion(ws, 'file:///a.connector.yaml', pos, SNIPPETS)
      .items.sort((a, b) => a.sortText!.localeCompare(b.sortText!))
      .map((i) => i.label);
  assert.deepEqual(labels(m.positions[0]), ['Zeta', 'Alpha', 'Gamma']);
  ws.setFile('file:///a/delta.routinggroup.yaml', group('Delta', 'Europe'));
  assert.deepEqual(labels(m.positions[0]), ['Delta', 'Zeta', 'Alpha', 'Gamma']);
  // The connector's own routingGroup key too.
  assert.deepEqual(labels({ line: 3, character: 14 }), ['Beta', 'Delta', 'Zeta', 'Alpha', 'Gamma']);
});
