import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeAction,
  CompletionList,
  DocumentSymbol,
  Hover,
  Location,
  MarkupContent,
  TextEdit,
  WorkspaceEdit,
  FoldingRange,
  WorkspaceSymbol,
  DocumentDiagnosticReport,
  TextDocumentEdit,
} from 'vscode-languageserver/node';
import { LspClient, initializeParams, marked, tempWorkspace } from '../helpers/lspClient';
import { applyEdits } from '../../server/src/engine/applyEdits';
import { msg } from '../../server/src/rules/messages';
import { workspaceMessages } from '../../server/src/rules/workspace/messages';
import { RouteRequest, TopologyChangedNotification, TopologyRequest, type RouteResult, type Topology } from '../../shared/protocol';
import { rangeOf } from '../helpers/engine';

// The server as VS Code 1.99 starts it: the client capabilities recorded from vscode-languageclient.
const ws = tempWorkspace();
let client: LspClient;

before(async () => {
  client = await LspClient.start(initializeParams('vscode', ws.dir));
});
after(async () => {
  client?.kill();
  ws.dispose();
});

const PARIS = () => ws.uri('paris/paris-to-boston.connector.yaml');
const BOSTON_RG = () => ws.uri('boston/boston.routinggroup.yaml');
const BOSTON_CONN = () => ws.uri('boston/boston-to-paris.connector.yaml');
const text = (rel: string) => readFileSync(ws.path(rel), 'utf8');

async function complete(uri: string, marked_: string): Promise<{ labels: string[]; list: CompletionList }> {
  const m = marked(marked_);
  await client.open(uri, m.text);
  const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: m.positions[0] });
  await client.close(uri);
  // Every item is documented.
  for (const i of list.items) assert.ok(i.documentation, `no documentation on ${i.label}`);
  return { labels: list.items.map((i) => i.label), list };
}

const connectorHead = 'kind: SmtpConnector\nname: Draft\nadministrativeGroup: First Administrative Group\nroutingGroup: Paris\n';

test('the server announces pull diagnostics, incremental sync and the features', () => {
  const caps = client.initializeResult.capabilities;
  assert.equal((caps.textDocumentSync as { change: number }).change, 2);
  assert.ok(caps.diagnosticProvider);
  assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  assert.ok(caps.completionProvider && caps.hoverProvider && caps.foldingRangeProvider && caps.workspaceSymbolProvider);
});

test('closed files of the workspace are checked on start; node_modules and dot folders are not read', async () => {
  // Every file loaded is pushed (empty when clean); the ignored ones never are.
  await client.pushedFor(PARIS());
  await client.pushedFor(BOSTON_RG());
  assert.equal(client.pushed.has(ws.uri('node_modules/pkg/ignored.connector.yaml')), false);
  assert.equal(client.pushed.has(ws.uri('.hidden/ignored.connector.yaml')), false);
  assert.deepEqual(
    client.pushed.get(PARIS())!.diagnostics.filter((d) => d.severity === 1),
    [],
  );
  // The load was reported as work-done progress: begun and ended. Reports in between come once a load outlasts a slice
  // (LOAD_SLICE_MS), which this handful of files may not: workspace-load.test.ts waits for one in a larger folder.
  await client.until('the end of the progress', () => client.progress.includes('end'));
  assert.equal(client.progress[0], 'begin');
  assert.equal(client.progress[client.progress.length - 1], 'end');
  assert.ok(
    client.progress.every((k) => k === 'begin' || k === 'report' || k === 'end'),
    String(client.progress),
  );
});

test('an open document is pulled: a cost out of range, with code, source, range and message', async () => {
  const uri = PARIS();
  const original = text('paris/paris-to-boston.connector.yaml');
  const edited = original.replace('cost: 1', 'cost: 150');
  await client.open(uri, original);
  // An incremental change: "1" → "150".
  const at = rangeOf(original, 'cost: 1');
  await client.change(uri, 2, [{ range: { start: { line: at.start.line, character: at.end.character - 1 }, end: at.end }, text: '150' }]);
  const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(report.kind, 'full');
  const items = (report as { items: import('vscode-languageserver/node').Diagnostic[] }).items;
  const cost = items.filter((d) => d.code === 'cost-range');
  assert.equal(cost.length, 1);
  assert.deepEqual(
    { range: cost[0].range, message: cost[0].message, source: cost[0].source, severity: cost[0].severity },
    { range: rangeOf(edited, '150'), message: msg.costRange('150'), source: 'exconn', severity: 1 },
  );
  assert.ok(cost[0].codeDescription?.href.endsWith('#cost-range'));

  // The quick fix, preferred, applied to the text.
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: cost[0].range,
    context: { diagnostics: [cost[0]] },
  });
  const fix = actions.find((a) => a.title === msg.fixSetCost(100));
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.kind, 'quickfix');
  const docEdit = fix.edit!.documentChanges![0] as TextDocumentEdit;
  assert.equal(docEdit.textDocument.version, 2);
  assert.equal(applyEdits(edited, docEdit.edits as TextEdit[]), original.replace('cost: 1', 'cost: 100'));

  // source.fixAll.exconn gives the same result in one edit.
  const all = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.exconn'] },
  });
  assert.equal(all.length, 1);
  assert.equal(all[0].kind, 'source.fixAll.exconn');
  assert.equal(
    applyEdits(edited, (all[0].edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]),
    original.replace('cost: 1', 'cost: 100'),
  );
  await client.close(uri);
});

test('a pull with the previous result id is answered "unchanged" until the diagnostics change', async () => {
  const uri = ws.uri('paris/draft13.connector.yaml');
  const body = connectorHead + 'connectedRoutingGroups:\n  - routingGroup: Boston\n    cost: 0\n';
  await client.open(uri, body);
  const first = await client.request<{ kind: string; resultId?: string }>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(first.kind, 'full');
  const again = await client.request<{ kind: string; resultId?: string }>('textDocument/diagnostic', {
    textDocument: { uri },
    previousResultId: first.resultId,
  });
  assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
  const at = rangeOf(body, 'cost: 0');
  await client.change(uri, 2, [{ range: { start: { line: at.start.line, character: at.end.character - 1 }, end: at.end }, text: '4' }]);
  const after = await client.request<{ kind: string; items?: unknown[] }>('textDocument/diagnostic', {
    textDocument: { uri },
    previousResultId: first.resultId,
  });
  assert.equal(after.kind, 'full');
  await client.close(uri);
});

test('an edit in one open document makes the server ask the client to pull the others again', async () => {
  const a = PARIS();
  const b = BOSTON_CONN();
  const ta = text('paris/paris-to-boston.connector.yaml');
  const tb = text('boston/boston-to-paris.connector.yaml');
  await client.open(a, ta);
  await client.open(b, tb);
  const codes = async (uri: string) =>
    (
      (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as {
        items: { code?: unknown }[];
      }
    ).items.map((d) => d.code);
  assert.ok(!(await codes(a)).includes('missing-reciprocal-connector'));
  try {
    const refreshes = client.refreshes;
    // Boston's connector stops connecting back to Paris.
    const at = rangeOf(tb, '"Paris"');
    await client.change(b, 2, [{ range: at, text: 'Lyon' }]);
    await client.until('a diagnostic refresh', () => client.refreshes > refreshes);
    assert.ok((await codes(a)).includes('missing-reciprocal-connector'));
  } finally {
    await client.close(a);
    await client.close(b);
  }
});

test('completion: the tabs not yet written, at the top of a connector', async () => {
  const { labels } = await complete(ws.uri('paris/draft1.connector.yaml'), connectorHead + '‸\n');
  assert.deepEqual(labels, [
    'general',
    'addressSpace',
    'connectedRoutingGroups',
    'deliveryRestrictions',
    'contentRestrictions',
    'deliveryOptions',
    'advanced',
    'details',
  ]);
});

test('completion: inside a tab, its fields, also on a half-typed key, without those present', async () => {
  const { labels, list } = await complete(ws.uri('paris/draft2.connector.yaml'), connectorHead + 'general:\n  smartHosts: []\n  deli‸\n');
  assert.deepEqual(labels, ['delivery', 'localBridgeheads', 'allowPublicFolderReferrals']);
  const delivery = list.items[0];
  assert.equal(delivery.insertTextFormat, 2);
  assert.deepEqual(delivery.textEdit, {
    range: { start: { line: 6, character: 2 }, end: { line: 6, character: 6 } },
    newText: 'delivery: ${1|dns,smartHost|}',
  });
  assert.match((delivery.documentation as MarkupContent).value, /System Manager: General tab/);
});

test('completion: the values of an enumeration and of a boolean, documented', async () => {
  const e = await complete(ws.uri('paris/draft3.connector.yaml'), connectorHead + 'general:\n  delivery: ‸\n');
  assert.deepEqual(e.labels, ['dns', 'smartHost']);
  assert.match((e.list.items[1].documentation as MarkupContent).value, /Forward all mail through this connector/);
  const b = await complete(ws.uri('paris/draft4.connector.yaml'), connectorHead + 'advanced:\n  sendHelo: ‸\n');
  assert.deepEqual(b.labels, ['true', 'false']);
  const flow = await complete(
    ws.uri('paris/draft5.connector.yaml'),
    connectorHead + 'contentRestrictions:\n  allowedPriorities: [high, ‸]\n',
  );
  assert.deepEqual(flow.labels, ['normal', 'low']);
});

test('completion: names from the workspace', async () => {
  const groups = await complete(ws.uri('paris/draft6.connector.yaml'), connectorHead + 'connectedRoutingGroups:\n  - routingGroup: ‸\n');
  assert.deepEqual(groups.labels, ['Boston']); // not the connector's own group
  const servers = await complete(ws.uri('paris/draft7.connector.yaml'), connectorHead + 'general:\n  localBridgeheads:\n    - server: ‸\n');
  assert.deepEqual(servers.labels, ['PAR-EX01']);
  const vs = await complete(
    ws.uri('boston/draft8.connector.yaml'),
    connectorHead.replace('Paris', 'Boston') + 'general:\n  localBridgeheads:\n    - server: BOS-EX01\n      virtualServer: ‸\n',
  );
  assert.deepEqual(vs.labels, ['Default SMTP Virtual Server', 'Relay SMTP Virtual Server']);
  assert.match((vs.list.items[1].documentation as MarkupContent).value, /^On BOS-EX01\n\n\*\*virtualServer\*\*/);
  const hosts = await complete(
    ws.uri('paris/draft9.connector.yaml'),
    connectorHead + 'general:\n  smartHosts:\n    - ‸\nconnectedRoutingGroups:\n  - routingGroup: Boston\n',
  );
  assert.deepEqual(hosts.labels, ['bos-ex01.boston.contoso.com']);
  const admin = await complete(ws.uri('paris/draft10.routinggroup.yaml'), 'kind: RoutingGroup\nname: Lyon\nadministrativeGroup: ‸\n');
  assert.deepEqual(admin.labels, ['First Administrative Group']);
});

test('completion: whole-document snippets in an empty document', async () => {
  const { list } = await complete(ws.uri('paris/draft11.connector.yaml'), '‸\n');
  const snippet = list.items.find((i) => i.label === 'SMTP connector');
  assert.ok(snippet);
  assert.equal(snippet.insertTextFormat, 2);
  // The routing group is the first placeholder, a choice of the workspace's groups (test/unit/snippets.test.ts has the whole text).
  assert.match(
    (snippet.textEdit as TextEdit).newText,
    /^kind: SmtpConnector\nname: \$\{9:[^\n]*\n[^]*^routingGroup: \$\{1\|Paris,Boston\|\}$/m,
  );
  assert.ok(list.items.some((i) => i.label === 'Routing group'));
  assert.ok(list.items.some((i) => i.label === 'kind'));
});

test('hover: a key shows its documentation, default and System Manager place; names show what they stand for', async () => {
  const uri = PARIS();
  const t = text('paris/paris-to-boston.connector.yaml');
  await client.open(uri, t);
  const onKey = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: rangeOf(t, 'delivery').start });
  const v = (onKey.contents as MarkupContent).value;
  assert.equal((onKey.contents as MarkupContent).kind, 'markdown');
  assert.match(v, /^\*\*delivery\*\* — `dns` \| `smartHost`/);
  assert.match(v, /Default: `dns`/);
  assert.match(v, /System Manager: General tab/);
  assert.deepEqual(onKey.range, rangeOf(t, 'delivery'));

  const onGroup = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: rangeOf(t, 'Boston', 1).start });
  const g = (onGroup.contents as MarkupContent).value;
  assert.match(g, /Routing group \*\*Boston\*\* in First Administrative Group/);
  assert.match(g, /BOS-EX01 \(bos-ex01\.boston\.contoso\.com\)/);
  assert.match(g, /Boston to Paris → Paris/);

  const onServer = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: rangeOf(t, 'PAR-EX01').start });
  assert.match((onServer.contents as MarkupContent).value, /FQDN: par-ex01\.paris\.contoso\.com/);
  await client.close(uri);
});

test('definition and references of routing-group and server names, across files', async () => {
  const uri = PARIS();
  const t = text('paris/paris-to-boston.connector.yaml');
  await client.open(uri, t);
  const defs = await client.request<Location[]>('textDocument/definition', {
    textDocument: { uri },
    position: rangeOf(t, 'Boston', 1).start,
  });
  assert.deepEqual(defs, [{ uri: BOSTON_RG(), range: rangeOf(text('boston/boston.routinggroup.yaml'), 'Boston') }]);

  const rg = text('boston/boston.routinggroup.yaml');
  const refs = await client.request<Location[]>('textDocument/references', {
    textDocument: { uri: BOSTON_RG() },
    position: rangeOf(rg, 'BOS-EX01').start,
    context: { includeDeclaration: true },
  });
  assert.deepEqual(refs.map((r) => r.uri).sort(), [BOSTON_RG(), BOSTON_CONN()].sort());
  await client.close(uri);
});

test("rename a routing group across files, keeping each place's quotes", async () => {
  const uri = PARIS();
  const t = text('paris/paris-to-boston.connector.yaml');
  await client.open(uri, t);
  const position = rangeOf(t, 'Boston', 1).start;
  const prep = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', {
    textDocument: { uri },
    position,
  });
  assert.deepEqual(prep, { range: rangeOf(t, 'Boston', 1), placeholder: 'Boston' });
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'New York' });
  const byUri = new Map((edit.documentChanges as TextDocumentEdit[]).map((d) => [d.textDocument.uri, d.edits as TextEdit[]]));
  assert.deepEqual([...byUri.keys()].sort(), [BOSTON_RG(), BOSTON_CONN(), uri].sort());
  assert.equal(applyEdits(t, byUri.get(uri)!), t.replace('routingGroup: Boston', 'routingGroup: New York'));
  const rg = text('boston/boston.routinggroup.yaml');
  assert.equal(applyEdits(rg, byUri.get(BOSTON_RG())!), rg.replace('name: Boston', 'name: New York'));
  const back = text('boston/boston-to-paris.connector.yaml');
  assert.equal(applyEdits(back, byUri.get(BOSTON_CONN())!), back.replace('routingGroup: Boston', 'routingGroup: New York'));
  await client.close(uri);
});

test('symbols: the outline as a tree, and workspace symbols', async () => {
  const uri = PARIS();
  const t = text('paris/paris-to-boston.connector.yaml');
  await client.open(uri, t);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols.length, 1);
  assert.equal(symbols[0].name, 'Paris to Boston');
  const general = symbols[0].children!.find((c) => c.name === 'general')!;
  assert.deepEqual(
    general.children!.map((c) => c.name),
    ['delivery', 'smartHosts', 'localBridgeheads'],
  );
  assert.deepEqual(
    general.children![2].children!.map((c) => c.name),
    ['PAR-EX01'],
  );

  const found = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'bos' });
  assert.deepEqual(found.map((s) => s.name).sort(), ['BOS-EX01', 'Boston', 'Boston to Paris', 'Paris to Boston']); // letters in order: Paris to BOSton

  const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  assert.ok(
    folds.some((f) => f.startLine === 5 && f.endLine === 11),
    JSON.stringify(folds),
  ); // general:
  await client.close(uri);
});

test('the topology: administrative group → routing groups → servers and connectors', async () => {
  const topo = await client.request<Topology>(TopologyRequest.method, {});
  assert.equal(topo.organization?.name, 'Contoso');
  assert.deepEqual(
    topo.administrativeGroups.map((a) => a.name),
    ['First Administrative Group'],
  );
  const groups = topo.administrativeGroups[0].routingGroups;
  assert.deepEqual(
    groups.map((g) => [g.name, g.inferred, g.servers.map((s) => s.name), g.connectors.map((c) => c.name)]),
    [
      ['Boston', false, ['BOS-EX01'], ['Boston to Paris']],
      ['Paris', false, ['PAR-EX01'], ['Paris to Boston']],
    ],
  );
  assert.equal(groups[1].connectors[0].status, 'complete');
});

test('exconn/route traces a route; an unknown routing group is an error naming it', async () => {
  const r = await client.request<RouteResult>(RouteRequest.method, { from: 'Paris', toGroup: 'Boston' });
  assert.equal(r.delivered, true);
  assert.deepEqual(
    r.routes.map((x) => x.hops.map((h) => [h.connector, h.from, h.to, h.cost])),
    [[['Paris to Boston', 'Paris', 'Boston', 1]]],
  );
  await assert.rejects(
    client.request(RouteRequest.method, { from: 'Atlantis', toGroup: 'Boston' }),
    (e: { code?: number; message?: string }) => e.code === -32602 && /Atlantis/.test(e.message ?? ''),
  );
});

test('a watched file created on disk is checked, and cleared when deleted', async () => {
  const rel = 'paris/lyon.connector.yaml';
  const uri = ws.uri(rel);
  writeFileSync(ws.path(rel), connectorHead + 'connectedRoutingGroups:\n  - routingGroup: Boston\n    cost: 0\n');
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
  const pushed = await client.pushedFor(uri, (p) => p.diagnostics.some((d) => d.code === 'cost-range'));
  assert.equal(pushed.diagnostics.find((d) => d.code === 'cost-range')!.message, msg.costRange('0'));
  unlinkSync(ws.path(rel));
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
  await client.pushedFor(uri, (p) => p.diagnostics.length === 0);
});

test('a rule turned off in the settings disappears after a configuration change', async () => {
  const uri = PARIS();
  const t = text('paris/paris-to-boston.connector.yaml').replace('cost: 1', 'cost: 0');
  await client.open(uri, t);
  const pull = async () =>
    (
      (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as {
        items: { code?: unknown }[];
      }
    ).items.map((d) => d.code);
  const first = await pull();
  assert.ok(first.includes('cost-range'), JSON.stringify(first));
  client.settings = { rules: { 'cost-range': 'off' } };
  await client.notify('workspace/didChangeConfiguration', { settings: null });
  assert.ok(!(await pull()).includes('cost-range'));
  client.settings = {};
  await client.notify('workspace/didChangeConfiguration', { settings: null });
  await client.close(uri);
});

test('a fix that creates a file is a workspace edit with a create operation', async () => {
  const uri = ws.uri('paris/draft12.connector.yaml');
  await client.open(uri, connectorHead + 'connectedRoutingGroups:\n  - routingGroup: Lyon\n');
  const report = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as {
    items: import('vscode-languageserver/node').Diagnostic[];
  };
  const unknown = report.items.find((d) => d.code === 'unknown-routing-group');
  assert.ok(unknown, JSON.stringify(report.items.map((d) => d.code)));
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: unknown.range,
    context: { diagnostics: [unknown] },
  });
  const create = actions.find((a) => a.title === workspaceMessages.fixCreateRoutingGroup('lyon.routinggroup.yaml'));
  assert.ok(create, JSON.stringify(actions.map((a) => a.title)));
  const changes = create.edit!.documentChanges!;
  assert.deepEqual(changes[0], {
    kind: 'create',
    uri: ws.uri('paris/lyon.routinggroup.yaml'),
    options: { overwrite: false, ignoreIfExists: false },
  });
  const content = (changes[1] as TextDocumentEdit).edits[0] as TextEdit;
  assert.match(content.newText, /^kind: RoutingGroup\nname: Lyon\nadministrativeGroup: First Administrative Group\n/);
  await client.close(uri);
});

test('deleting a routing group on disk re-checks the closed connectors that name it', async () => {
  const rg = 'boston/boston.routinggroup.yaml';
  const saved = text(rg);
  const notified = client.notifications.filter((n) => n.method === TopologyChangedNotification.method).length;
  unlinkSync(ws.path(rg));
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: BOSTON_RG(), type: 3 }] });
  const p = await client.pushedFor(PARIS(), (x) => x.diagnostics.some((d) => d.code === 'unknown-routing-group'));
  const t = text('paris/paris-to-boston.connector.yaml');
  assert.deepEqual(p.diagnostics.find((d) => d.code === 'unknown-routing-group')!.range, rangeOf(t, 'Boston', 1));
  // The tree view is told to ask again, and Boston is now inferred.
  await client.until(
    'topology notification',
    () => client.notifications.filter((n) => n.method === TopologyChangedNotification.method).length > notified,
  );
  const topo = await client.request<Topology>(TopologyRequest.method, {});
  assert.deepEqual(
    topo.administrativeGroups[0].routingGroups.map((g) => [g.name, g.inferred]),
    [
      ['Boston', true],
      ['Paris', false],
    ],
  );
  writeFileSync(ws.path(rg), saved);
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: BOSTON_RG(), type: 1 }] });
  await client.pushedFor(PARIS(), (x) => !x.diagnostics.some((d) => d.code === 'unknown-routing-group'));
});

test('a workspace folder added is read and checked; removed, its files leave', async () => {
  const extra = mkdtempSync(join(tmpdir(), 'exconn-lsp-extra-'));
  try {
    writeFileSync(
      join(extra, 'lyon.routinggroup.yaml'),
      'kind: RoutingGroup\nname: Lyon\nadministrativeGroup: First Administrative Group\nservers: []\n',
    );
    const uri = pathToFileURL(join(extra, 'lyon.routinggroup.yaml')).href;
    const folder = { uri: pathToFileURL(extra).href, name: 'extra' };
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    const p = await client.pushedFor(uri, (x) => x.diagnostics.some((d) => d.code === 'routing-group-no-server'));
    assert.ok(p);
    const { labels } = await complete(
      ws.uri('paris/draft14.connector.yaml'),
      connectorHead + 'connectedRoutingGroups:\n  - routingGroup: ‸\n',
    );
    // Both are offered; their order follows the folders' random temporary names.
    assert.deepEqual([...labels].sort(), ['Boston', 'Lyon']);
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    await client.pushedFor(uri, (x) => x.diagnostics.length === 0);
    const after = await complete(ws.uri('paris/draft15.connector.yaml'), connectorHead + 'connectedRoutingGroups:\n  - routingGroup: ‸\n');
    assert.deepEqual(after.labels, ['Boston']);
  } finally {
    rmSync(extra, { recursive: true, force: true });
  }
});

test('a file opened under another spelling of its URI is still one file', async () => {
  const spelled = PARIS().replace('paris-to-boston', 'paris%2Dto%2Dboston');
  assert.notEqual(spelled, PARIS());
  await client.open(spelled, text('paris/paris-to-boston.connector.yaml'));
  const report = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: spelled } })) as {
    items: { code?: unknown }[];
  };
  assert.deepEqual(
    report.items.map((d) => d.code),
    [],
  );
  const topo = await client.request<Topology>(TopologyRequest.method, {});
  const paris = topo.administrativeGroups[0].routingGroups.find((g) => g.name === 'Paris')!;
  assert.deepEqual(
    paris.connectors.map((c) => [c.name, c.location.uri]),
    [['Paris to Boston', spelled]],
  );
  await client.close(spelled);
});

test('shutdown and exit end the process with code 0', async () => {
  assert.equal(await client.shutdown(), 0);
});
