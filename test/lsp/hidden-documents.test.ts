import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { LspClient, initializeParams, tempWorkspace } from '../helpers/lspClient';
import { DocumentVisibilityNotification } from '../../shared/protocol';

/**
 * With pull diagnostics, VS Code's client drops the problems of an open
 * document whose last tab closed (a preview replaced by the next click) and
 * ignores pulls for it. The extension then says so (exconn/documentVisibility),
 * and the server pushes that document's problems until it is shown again.
 */

const ws = tempWorkspace();
let client: LspClient;

before(async () => {
  client = await LspClient.start(initializeParams('vscode', ws.dir));
  await client.until('the end of the load', () => client.progress.includes('end'));
});
after(async () => {
  client?.kill();
  ws.dispose();
});

const broken =
  'kind: SmtpConnector\nname: Draft\nadministrativeGroup: First Administrative Group\nroutingGroup: Paris\nconnectedRoutingGroups:\n  - routingGroup: Boston\n    cost: 0\n';

const codes = (items: { code?: unknown }[]) => items.map((d) => d.code);

test('an open document that left every tab has its problems pushed; shown again, they are pulled and the push withdrawn', async () => {
  const uri = ws.uri('paris/preview.connector.yaml');
  await client.open(uri, broken);
  const pulled = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as {
    items: { code?: unknown }[];
  };
  assert.ok(codes(pulled.items).includes('cost-range'));

  await client.notify(DocumentVisibilityNotification.method, { hidden: [uri], shown: [] });
  const pushed = await client.pushedFor(uri, (p) => p.diagnostics.some((d) => d.code === 'cost-range'));
  assert.ok(pushed);

  // Shown again: the push is withdrawn (the client pulls), and the pull has the problems.
  await client.notify(DocumentVisibilityNotification.method, { hidden: [], shown: [uri] });
  await client.pushedFor(uri, (p) => p.diagnostics.length === 0);
  const again = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as {
    items: { code?: unknown }[];
  };
  assert.ok(codes(again.items).includes('cost-range'));
  await client.close(uri);
});

test('a hidden document that is then closed stays pushed, from its text on disk', async () => {
  const rel = 'paris/paris-to-boston.connector.yaml';
  const uri = ws.uri(rel);
  await client.open(uri, broken.replace('Draft', 'Edited in the editor'));
  await client.notify(DocumentVisibilityNotification.method, { hidden: [uri], shown: [] });
  await client.pushedFor(uri, (p) => p.diagnostics.some((d) => d.code === 'cost-range'));
  await client.close(uri);
  // The file on disk is clean: its pushed problems follow the disk now.
  await client.pushedFor(uri, (p) => p.diagnostics.length === 0);
});

test('visibility of a document that is not open changes nothing', async () => {
  const uri = ws.uri('paris/not-open.connector.yaml');
  await client.notify(DocumentVisibilityNotification.method, { hidden: [uri], shown: [uri] });
  // The server is still answering, and pushed nothing for it.
  await client.request('textDocument/documentSymbol', { textDocument: { uri: ws.uri('paris/paris.routinggroup.yaml') } });
  assert.equal(client.pushed.get(uri), undefined);
});
