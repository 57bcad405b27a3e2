import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver/node';
import { LspClient, initializeParams, marked, tempWorkspace } from '../helpers/lspClient';
import { rangeOf } from '../helpers/engine';

/**
 * Names from the files go into Markdown hovers and completion documentation as
 * text: an image, a link, a `command:` link or HTML in a name is shown as
 * written, never rendered (each punctuation character backslash-escaped).
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

const IMAGE = '![x](https://evil.example/x.png)';
const COMMAND = '[run](command:workbench.action.terminal.new)';
const HTML = '<img src=x onerror=alert(1)>';
// The same texts escaped as the server must write them: a backslash before each character that opens syntax.
const IMAGE_ESCAPED = '\\!\\[x\\]\\(https\\://evil.example/x.png\\)';
const COMMAND_ESCAPED = '\\[run\\]\\(command\\:workbench.action.terminal.new\\)';
const HTML_ESCAPED = '\\<img src=x onerror=alert\\(1\\)\\>';

const group = [
  'kind: RoutingGroup',
  `name: "${IMAGE}"`,
  'administrativeGroup: First Administrative Group',
  'servers:',
  `  - name: "${COMMAND}"`,
  `    fqdn: "${HTML}"`,
  '',
].join('\n');

const connector = [
  'kind: SmtpConnector',
  `name: "${HTML}"`,
  'administrativeGroup: First Administrative Group',
  `routingGroup: "${IMAGE}"`,
  '',
].join('\n');

function assertNoRawMarkdown(value: string): void {
  for (const raw of [IMAGE, COMMAND, HTML]) assert.ok(!value.includes(raw), `raw ${raw} in ${value}`);
  assert.doesNotMatch(value, /(^|[^\\])\]\(/, 'a link or image');
  assert.doesNotMatch(value, /(^|[^\\])</, 'HTML');
}

test('a hover on a routing-group name shows the names of the files escaped, never as Markdown', async () => {
  const rg = ws.uri('paris/evil.routinggroup.yaml');
  const uri = ws.uri('paris/evil.connector.yaml');
  await client.open(rg, group);
  await client.open(uri, connector);
  const at = rangeOf(connector, 'https').start;
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at });
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  assertNoRawMarkdown(contents.value);
  for (const escaped of [IMAGE_ESCAPED, COMMAND_ESCAPED, HTML_ESCAPED])
    assert.ok(contents.value.includes(escaped), `${escaped} in ${contents.value}`);
  await client.close(uri);
  await client.close(rg);
});

test('a hover on a server name escapes the server, its host and its group', async () => {
  const rg = ws.uri('paris/evil2.routinggroup.yaml');
  await client.open(rg, group);
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: rg }, position: rangeOf(group, 'command').start });
  const contents = hover.contents as MarkupContent;
  assertNoRawMarkdown(contents.value);
  assert.ok(contents.value.includes(COMMAND_ESCAPED), contents.value);
  assert.ok(contents.value.includes(IMAGE_ESCAPED), contents.value);
  await client.close(rg);
});

test('completion documentation of names from the files is escaped too', async () => {
  const rg = ws.uri('paris/evil3.routinggroup.yaml');
  await client.open(rg, group);
  const uri = ws.uri('paris/pick.connector.yaml');
  const m = marked('kind: SmtpConnector\nname: P\nadministrativeGroup: First Administrative Group\nroutingGroup: ‸\n');
  await client.open(uri, m.text);
  const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: m.positions[0] });
  const item = list.items.find((i) => i.label === IMAGE);
  assert.ok(item, JSON.stringify(list.items.map((i) => i.label)));
  const doc = item.documentation as MarkupContent;
  assertNoRawMarkdown(doc.value);
  assert.ok(doc.value.includes(COMMAND_ESCAPED), doc.value);
  await client.close(uri);
  await client.close(rg);
});
