import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { LspClient, initializeParams, tempWorkspace } from '../helpers/lspClient';
import { TopologyRequest, ServerStatusRequest } from '../../shared/protocol';

// Malformed and half-typed text, positions past the end, unknown documents:
// every request is answered and the server keeps running.
const ws = tempWorkspace();
let client: LspClient;

before(async () => {
  client = await LspClient.start(initializeParams('vscode', ws.dir));
});
after(() => {
  client?.kill();
  ws.dispose();
});

const BAD_TEXTS: Record<string, string> = {
  'unclosed flow': 'kind: SmtpConnector\nname: [Paris\ngeneral: {delivery: \n',
  'tabs and colons': 'kind:\tSmtpConnector\n: : :\n\t- - -\n',
  'deep nesting': 'kind: SmtpConnector\nname: ' + '['.repeat(5000) + '\n',
  'half-typed key': 'kind: SmtpConnector\nname: Draft\ngeneral:\n  deli\n  smartHosts:\n    - \n',
  'only a marker': '---\n',
  'aliases and anchors': 'kind: &k SmtpConnector\nname: *k\ngeneral: *nothing\nconnectedRoutingGroups: [*k, {routingGroup: *k}]\n',
  'binary-ish': '\u0000\u0001kind: \uFFFF\n\r\r\n---\n\t\n',
  'many documents': Array.from({ length: 50 }, (_, i) => `kind: SmtpConnector\nname: C${i}\n`).join('---\n'),
  'crlf half-typed': 'kind: RoutingGroup\r\nname: X\r\nservers:\r\n  - name: \r\n    fq\r\n',
};

/** Every request an editor sends at a position, for one document. */
function requestsAt(uri: string, line: number, character: number): [string, unknown][] {
  const doc = { textDocument: { uri } };
  const position = { line, character };
  const range = { start: position, end: { line: line + 1, character: 0 } };
  return [
    ['textDocument/completion', { ...doc, position }],
    ['textDocument/hover', { ...doc, position }],
    ['textDocument/definition', { ...doc, position }],
    ['textDocument/references', { ...doc, position, context: { includeDeclaration: true } }],
    ['textDocument/prepareRename', { ...doc, position }],
    ['textDocument/rename', { ...doc, position, newName: 'X' }],
    ['textDocument/codeAction', { ...doc, range, context: { diagnostics: [], only: ['quickfix', 'source.fixAll.exconn'] } }],
    ['textDocument/documentSymbol', doc],
    ['textDocument/foldingRange', doc],
    ['textDocument/diagnostic', doc],
  ];
}

async function everyRequestAnswered(uri: string, positions: [number, number][]): Promise<void> {
  for (const [line, character] of positions) {
    for (const [method, params] of requestsAt(uri, line, character)) {
      // A response (a result or an LSP error) must come back; a thrown handler must not kill the server.
      await client.request(method, params).then(
        () => undefined,
        (e: { code?: number }) => assert.ok(typeof e.code === 'number', `${method} failed without an error code: ${String(e)}`),
      );
    }
  }
}

for (const [name, text] of Object.entries(BAD_TEXTS)) {
  test(`malformed text (${name}): every request is answered`, async () => {
    const uri = ws.uri(`bad/${name.replace(/\W+/g, '-')}.connector.yaml`);
    await client.open(uri, text);
    const lines = text.split('\n');
    const positions: [number, number][] = [
      [0, 0],
      [1, 3],
      [lines.length - 1, 0],
      [lines.length + 10, 5], // past the end
      [2, 10_000], // past the end of a line
      [-1, -1],
    ];
    await everyRequestAnswered(uri, positions);
    // Edits in the middle of a character pair and beyond the end.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 2 }, end: { line: 99, character: 0 } }, text: 'x: [\n  - ' }]);
    await client.change(uri, 3, [{ text: '' }]);
    await everyRequestAnswered(uri, [[0, 0]]);
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    await client.close(uri);
    assert.ok(client.running);
  });
}

test('requests for documents the server has never seen are answered with empty results', async () => {
  const uri = ws.uri('never/opened.connector.yaml');
  await everyRequestAnswered(uri, [
    [0, 0],
    [5, 5],
  ]);
  assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }), {
    isIncomplete: false,
    items: [],
  });
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
});

test('the custom requests, the workspace symbol request and unknown notifications are handled', async () => {
  await client.notify('exconn/noSuchNotification', { x: 1 });
  await client.notify('textDocument/didChange', {
    textDocument: { uri: ws.uri('never/open.connector.yaml'), version: 3 },
    contentChanges: [{ text: 'kind: x' }],
  });
  await client.notify('textDocument/didClose', { textDocument: { uri: ws.uri('never/open.connector.yaml') } });
  await client.notify('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: ws.uri('missing/gone.connector.yaml'), type: 2 },
      { uri: 'untitled:Untitled-1', type: 1 },
    ],
  });
  const topo = await client.request<{ administrativeGroups: unknown[] }>(TopologyRequest.method, {});
  assert.ok(Array.isArray(topo.administrativeGroups));
  const status = await client.request<{ files: number }>(ServerStatusRequest.method, {});
  assert.ok(status.files >= 5);
  assert.ok(Array.isArray(await client.request('workspace/symbol', { query: '' })));
  assert.ok(client.running);
});

test('after all that, the server still works and shuts down cleanly', async () => {
  const uri = ws.uri('paris/late.connector.yaml');
  await client.open(
    uri,
    'kind: SmtpConnector\nname: Late\nadministrativeGroup: First Administrative Group\nroutingGroup: Paris\nconnectedRoutingGroups:\n  - routingGroup: Boston\n    cost: 0\n',
  );
  const report = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as {
    items: { code?: unknown }[];
  };
  assert.ok(report.items.some((d) => d.code === 'cost-range'));
  assert.equal(await client.shutdown(), 0);
});
