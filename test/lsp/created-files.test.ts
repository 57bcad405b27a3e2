import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, TextDocumentEdit } from 'vscode-languageserver/node';
import { LspClient, initializeParams, tempWorkspace } from '../helpers/lspClient';
import { workspaceMessages } from '../../server/src/rules/workspace/messages';

/**
 * Quick fixes that create files (a routing-group file, the reciprocal
 * connector) build the file's name from names in the files. Through the real
 * server's code actions: whatever the name, the file is a safe slug in the
 * folder the fix comes from, and a fix never edits into a file that exists.
 */

const ws = tempWorkspace();
let client: LspClient;

before(async () => {
  client = await LspClient.start(initializeParams('vscode', ws.dir));
  // The workspace's routing groups are loaded: a name none defines is then unknown.
  await client.until('the end of the load', () => client.progress.includes('end'));
});
after(async () => {
  client?.kill();
  ws.dispose();
});

const head = 'kind: SmtpConnector\nname: Draft\nadministrativeGroup: First Administrative Group\nroutingGroup: Paris\n';

/** A name as YAML: double-quoted, so that NUL, backslashes and colons survive. */
const quoted = (s: string) => JSON.stringify(s).replace(/\\u0000/g, '\\0');

/** The create operations of a diagnostic's quick fixes, with their titles and commands. */
async function createdFiles(
  uri: string,
  code: string,
): Promise<{ title: string; uri: string; edit: CodeAction['edit']; command: CodeAction['command'] }[]> {
  const report = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as {
    items: Diagnostic[];
  };
  const diagnostic = report.items.find((d) => d.code === code);
  assert.ok(diagnostic, `${code} in ${JSON.stringify(report.items.map((d) => d.code))}`);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  const out = [];
  for (const a of actions)
    for (const c of a.edit?.documentChanges ?? [])
      if ('kind' in c && c.kind === 'create') out.push({ title: a.title, uri: c.uri, edit: a.edit, command: a.command });
  return out;
}

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** A name every file system takes, that stays in its folder. */
function assertSafe(name: string, label: string): void {
  assert.match(name, /^[\p{L}\p{N}][\p{L}\p{N}.-]*\.(routinggroup|connector)\.yaml$/u, label);
  assert.ok(!name.includes('..'), `${label}: ${name}`);
  assert.ok(name.length <= 100, `${label}: ${name.length} characters`);
  assert.ok(!WINDOWS_DEVICE.test(name.split('.')[0]), `${label}: ${name}`);
}

const HOSTILE = [
  '../../../escaped2',
  '/etc/escaped',
  '/',
  '..',
  '.',
  'CON',
  'nul',
  'Com1',
  'lpt9.backup',
  'a:b',
  'a\u0000b',
  'back\\slash\\..\\..\\x',
  'x'.repeat(300),
  'é'.repeat(150),
  '😀'.repeat(60),
  '...hidden',
  'trailing. ',
  '%2F..%2Fescaped',
];

test('a routing group named to escape or to be impossible on Windows gives a safe file beside the connector', async () => {
  for (const [i, name] of HOSTILE.entries()) {
    const rel = `paris/hostile${i}.connector.yaml`;
    const uri = ws.uri(rel);
    await client.open(uri, head + `connectedRoutingGroups:\n  - routingGroup: ${quoted(name)}\n`);
    const created = await createdFiles(uri, 'unknown-routing-group');
    assert.equal(created.length, 1, `${JSON.stringify(name)}: ${JSON.stringify(created)}`);
    const path = fileURLToPath(created[0].uri);
    assert.equal(dirname(path), dirname(ws.path(rel)), `${JSON.stringify(name)} → ${path}`);
    assertSafe(basename(path), JSON.stringify(name));
    assert.equal(created[0].title, workspaceMessages.fixCreateRoutingGroup(basename(path)));
    await client.close(uri);
  }
});

test('a file that exists on disk, unknown to the workspace, is never edited into: the fix creates -2 instead', async () => {
  const rel = 'paris/escape.connector.yaml';
  const uri = ws.uri(rel);
  // Where "../sub/Boston" would land: a file the server has not been told about (not a connector file's content).
  const existing = ws.path('paris/sub-boston.routinggroup.yaml');
  writeFileSync(existing, 'notes: do not touch\n');
  // And a folder by the name of the second choice.
  mkdirSync(ws.path('paris/sub-boston-2.routinggroup.yaml'));
  await client.open(uri, head + 'connectedRoutingGroups:\n  - routingGroup: ../sub/Boston\n');
  const created = await createdFiles(uri, 'unknown-routing-group');
  assert.deepEqual(
    created.map((c) => [c.title, c.uri]),
    [[workspaceMessages.fixCreateRoutingGroup('sub-boston-3.routinggroup.yaml'), ws.uri('paris/sub-boston-3.routinggroup.yaml')]],
  );
  const changes = created[0].edit!.documentChanges!;
  assert.deepEqual(changes[0], {
    kind: 'create',
    uri: ws.uri('paris/sub-boston-3.routinggroup.yaml'),
    options: { overwrite: false, ignoreIfExists: false },
  });
  for (const c of changes)
    if ('textDocument' in c)
      assert.notEqual((c as TextDocumentEdit).textDocument.uri, ws.uri(rel.replace(/[^/]+$/, 'sub-boston.routinggroup.yaml')));
  assert.equal(readFileSync(existing, 'utf8'), 'notes: do not touch\n');
  await client.close(uri);
});

test('a file of the workspace by that name: the engine already picks -2', async () => {
  const rg = ws.uri('paris/lyon.routinggroup.yaml');
  // A routing-group file named for Lyon that defines another group.
  await client.open(
    rg,
    'kind: RoutingGroup\nname: Lyon Old\nadministrativeGroup: First Administrative Group\nservers:\n  - name: LYO-EX01\n',
  );
  const uri = ws.uri('paris/to-lyon.connector.yaml');
  await client.open(uri, head + 'connectedRoutingGroups:\n  - routingGroup: Lyon\n');
  const created = await createdFiles(uri, 'unknown-routing-group');
  assert.deepEqual(
    created.map((c) => c.uri),
    [ws.uri('paris/lyon-2.routinggroup.yaml')],
  );
  await client.close(uri);
  await client.close(rg);
});

test("the reciprocal connector of a routing group with a hostile name is a safe file in that group's folder", async () => {
  for (const [i, name] of ['../../../escaped2', 'CON', 'a:b/c', 'x'.repeat(300)].entries()) {
    const rgRel = `boston/hostile-group${i}.routinggroup.yaml`;
    const rg = ws.uri(rgRel);
    await client.open(
      rg,
      `kind: RoutingGroup\nname: ${quoted(name)}\nadministrativeGroup: First Administrative Group\nservers:\n  - name: H${i}-EX01\n    fqdn: h${i}.contoso.com\n    virtualServers: [Default SMTP Virtual Server]\n`,
    );
    const uri = ws.uri(`paris/to-hostile${i}.connector.yaml`);
    await client.open(uri, head + `connectedRoutingGroups:\n  - routingGroup: ${quoted(name)}\n    cost: 1\n`);
    const created = await createdFiles(uri, 'missing-reciprocal-connector');
    assert.equal(created.length, 1, `${JSON.stringify(name)}: ${JSON.stringify(created)}`);
    const path = fileURLToPath(created[0].uri);
    assert.equal(dirname(path), dirname(ws.path(rgRel)), `${JSON.stringify(name)} → ${path}`);
    assertSafe(basename(path), JSON.stringify(name));
    await client.close(uri);
    await client.close(rg);
  }
});

test('a fix that creates a file shows it afterwards: its command makes the server ask the editor to show the new file', async () => {
  // A group of its own, with no connector back to Paris.
  const rg = ws.uri('boston/lonely.routinggroup.yaml');
  await client.open(
    rg,
    'kind: RoutingGroup\nname: Lonely\nadministrativeGroup: First Administrative Group\nservers:\n  - name: LON-EX01\n    fqdn: lon-ex01.contoso.com\n',
  );
  const uri = ws.uri('paris/to-lonely.connector.yaml');
  await client.open(uri, head + 'connectedRoutingGroups:\n  - routingGroup: Lonely\n    cost: 7\n');
  const [created] = await createdFiles(uri, 'missing-reciprocal-connector');
  assert.ok(created, 'the reciprocal fix creates a file');
  // The editor applies the edit, then runs the command (as VS Code does with a code action that has both).
  assert.deepEqual(created.command, { title: 'Show the new file', command: 'exconn.showCreatedFile', arguments: [created.uri] });
  assert.deepEqual(client.initializeResult.capabilities.executeCommandProvider?.commands, ['exconn.showCreatedFile']);
  const before = client.shownDocuments.length;
  await client.request('workspace/executeCommand', { command: created.command!.command, arguments: created.command!.arguments });
  assert.deepEqual(client.shownDocuments.slice(before), [created.uri]);
  await client.close(uri);
  await client.close(rg);
});
