import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import type {
  CodeAction,
  CompletionList,
  Hover,
  MarkupContent,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { LspClient, initializeParams, marked, tempWorkspace } from '../helpers/lspClient';
import { applyEdits } from '../../server/src/engine/applyEdits';
import { msg } from '../../server/src/rules/messages';
import { workspaceMessages } from '../../server/src/rules/workspace/messages';
import { rangeOf } from '../helpers/engine';

// A client that supports little: no snippets, plain text, flat symbols, no
// documentChanges (so no file creation), no pull diagnostics, no configuration.
const ws = tempWorkspace();
let client: LspClient;

before(async () => {
  client = await LspClient.start(initializeParams('minimal', ws.dir));
  // Completion names the next free connector name: the workspace's files must be in.
  await client.loaded();
});
after(() => {
  client?.kill();
  ws.dispose();
});

const head = 'kind: SmtpConnector\nname: Draft\nadministrativeGroup: First Administrative Group\nroutingGroup: Paris\n';

test('no pull diagnostics announced: diagnostics are pushed, with the document version', async () => {
  assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
  const uri = ws.uri('paris/draft.connector.yaml');
  await client.open(uri, head + 'connectedRoutingGroups:\n  - routingGroup: Boston\n    cost: 0\n', 7);
  const p = await client.pushedFor(uri, (x) => x.diagnostics.some((d) => d.code === 'cost-range'));
  assert.equal(p.version, 7);
  // No related information for a client that does not take it.
  assert.ok(p.diagnostics.every((d) => d.relatedInformation === undefined));
  // No progress for a client that did not announce it.
  assert.deepEqual(client.progress, []);
  await client.close(uri);
});

test('an edit is checked again and pushed for the new version', async () => {
  const uri = ws.uri('paris/draft2.connector.yaml');
  const text = head + 'connectedRoutingGroups:\n  - routingGroup: Boston\n    cost: 0\n';
  await client.open(uri, text, 1);
  await client.pushedFor(uri, (x) => x.version === 1);
  const at = rangeOf(text, 'cost: 0');
  await client.change(uri, 2, [{ range: { start: { line: at.start.line, character: 10 }, end: at.end }, text: '5' }]);
  const p = await client.pushedFor(uri, (x) => x.version === 2);
  assert.equal(
    p.diagnostics.some((d) => d.code === 'cost-range'),
    false,
  );
  await client.close(uri);
});

test('completion without snippets inserts plain text, documented in plain text', async () => {
  const uri = ws.uri('paris/draft3.connector.yaml');
  const m = marked(head + 'general:\n  deli‸\n');
  await client.open(uri, m.text);
  const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: m.positions[0] });
  const delivery = list.items.find((i) => i.label === 'delivery')!;
  assert.equal(delivery.insertTextFormat, 1);
  assert.equal((delivery.textEdit as TextEdit).newText, 'delivery: ');
  assert.equal((delivery.documentation as MarkupContent).kind, 'plaintext');
  assert.doesNotMatch((delivery.documentation as MarkupContent).value, /`|\*\*/);
  await client.close(uri);

  const empty = ws.uri('paris/draft4.connector.yaml');
  await client.open(empty, '\n');
  const snippets = await client.request<CompletionList>('textDocument/completion', {
    textDocument: { uri: empty },
    position: { line: 0, character: 0 },
  });
  const connector = snippets.items.find((i) => i.label === 'SMTP connector')!;
  assert.equal(connector.insertTextFormat, 1);
  // Paris to Boston exists in this workspace: the snippet's name is the next free one.
  assert.match((connector.textEdit as TextEdit).newText, /^kind: SmtpConnector\nname: Paris to Boston 2\n/);
  assert.doesNotMatch((connector.textEdit as TextEdit).newText, /\$/);
  await client.close(empty);
});

test('hover in plain text', async () => {
  const uri = ws.uri('paris/paris-to-boston.connector.yaml');
  const text = readFileSync(ws.path('paris/paris-to-boston.connector.yaml'), 'utf8');
  await client.open(uri, text);
  const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: rangeOf(text, 'smartHosts').start });
  assert.equal((h.contents as MarkupContent).kind, 'plaintext');
  assert.match((h.contents as MarkupContent).value, /^smartHosts: list of text/);
  await client.close(uri);
});

test('flat symbols with their containers', async () => {
  const uri = ws.uri('paris/paris-to-boston.connector.yaml');
  await client.open(uri, readFileSync(ws.path('paris/paris-to-boston.connector.yaml'), 'utf8'));
  const symbols = await client.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols[0].name, 'Paris to Boston');
  assert.equal(symbols[0].containerName, undefined);
  const delivery = symbols.find((s) => s.name === 'delivery')!;
  assert.equal(delivery.containerName, 'general');
  assert.equal(delivery.location.uri, uri);
  await client.close(uri);
});

test('code actions as plain changes; a fix that creates a file is not offered', async () => {
  const uri = ws.uri('paris/draft5.connector.yaml');
  const text = head + 'connectedRoutingGroups:\n  - routingGroup: Lyon\n    cost: 0\n';
  await client.open(uri, text);
  const p = await client.pushedFor(uri, (x) => x.diagnostics.some((d) => d.code === 'unknown-routing-group'));
  const unknown = p.diagnostics.find((d) => d.code === 'unknown-routing-group')!;
  const onGroup = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: unknown.range,
    context: { diagnostics: [unknown] },
  });
  assert.equal(
    onGroup.some((a) => a.title.startsWith(workspaceMessages.fixCreateRoutingGroup('').trim())),
    false,
  );

  const cost = p.diagnostics.find((d) => d.code === 'cost-range')!;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: cost.range,
    context: { diagnostics: [cost] },
  });
  const fix = actions.find((a) => a.title === msg.fixSetCost(1))!;
  const edit = fix.edit as WorkspaceEdit;
  assert.equal(edit.documentChanges, undefined);
  assert.equal(applyEdits(text, edit.changes![uri]), text.replace('cost: 0', 'cost: 1'));
  await client.close(uri);
});

test('rename as plain changes, without prepare', async () => {
  assert.equal(client.initializeResult.capabilities.renameProvider, true);
  const uri = ws.uri('paris/paris.routinggroup.yaml');
  const text = readFileSync(ws.path('paris/paris.routinggroup.yaml'), 'utf8');
  await client.open(uri, text);
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
    textDocument: { uri },
    position: rangeOf(text, 'PAR-EX01').start,
    newName: 'PAR-EX02',
  });
  assert.deepEqual(Object.keys(edit.changes!).sort(), [uri, ws.uri('paris/paris-to-boston.connector.yaml')].sort());
  assert.equal(applyEdits(text, edit.changes![uri]), text.replace('PAR-EX01', 'PAR-EX02'));
  await client.close(uri);
});

test('without workspace/configuration, the settings come with didChangeConfiguration', async () => {
  const uri = ws.uri('paris/draft6.connector.yaml');
  await client.open(uri, head + 'connectedRoutingGroups:\n  - routingGroup: Boston\n    cost: 0\n');
  await client.pushedFor(uri, (x) => x.diagnostics.some((d) => d.code === 'cost-range'));
  await client.notify('workspace/didChangeConfiguration', { settings: { exchangeConnectors: { rules: { 'cost-range': 'warning' } } } });
  const p = await client.pushedFor(uri, (x) => x.diagnostics.some((d) => d.code === 'cost-range' && d.severity === 2));
  assert.equal(p.diagnostics.find((d) => d.code === 'cost-range')!.message, msg.costRange('0'));
  await client.notify('workspace/didChangeConfiguration', { settings: { exchangeConnectors: { rules: { 'cost-range': 'off' } } } });
  await client.pushedFor(uri, (x) => !x.diagnostics.some((d) => d.code === 'cost-range'));
  await client.close(uri);
});

test('a client that cannot show documents is told where a created file is', async () => {
  const uri = ws.uri('paris/new-file.connector.yaml');
  await client.request('workspace/executeCommand', { command: 'exconn.showCreatedFile', arguments: [uri] });
  const message = await client.until('the message', () => client.shownMessages.find((m) => m.includes('new-file.connector.yaml')));
  assert.equal(message, `Created new-file.connector.yaml in ${join(ws.dir, 'paris')}${sep}`);
  assert.deepEqual(client.shownDocuments, []);
});
