import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { LspClient, initializeParams } from '../helpers/lspClient';
import { connector, routingGroup } from '../helpers/workspace';
import { LARGE_FILE_CHARS } from '../../server/src/lsp/state';

// A large file (over LARGE_FILE_CHARS): its syntax and single-document
// findings are published before its workspace findings (test/unit/
// settled-position.test.ts: hovers between an edit and its check).
const dir = mkdtempSync(join(tmpdir(), 'exconn-lsp-large-'));
const clients: LspClient[] = [];
after(() => {
  for (const c of clients) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

// Every connector links to an undefined group (unknown-routing-group, a workspace rule)
// and goes by DNS between groups (dns-between-routing-groups, a single-document rule).
const CONNECTORS = 600;
const text = [
  routingGroup('Paris', [{ name: 'PARIS-EX01', fqdn: 'paris-ex01.contoso.com' }]),
  ...Array.from({ length: CONNECTORS }, (_, i) => connector({ name: `C${i}`, from: 'Paris', to: ['Boston'], bridgehead: 'PARIS-EX01' })),
].join('---\n');

const count = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code).length;

async function start(kind: 'vscode' | 'minimal'): Promise<LspClient> {
  const c = await LspClient.start(initializeParams(kind, dir));
  clients.push(c);
  return c;
}

test('the test file is large', () => {
  assert.ok(text.length >= LARGE_FILE_CHARS, `${text.length} characters`);
});

test('pushed: a large file shows its single-document findings first, then its workspace findings', async () => {
  const c = await start('minimal');
  const uri = pathToFileURL(join(dir, 'pushed.connector.yaml')).href;
  await c.open(uri, text, 1);
  await c.pushedFor(uri, (p) => p.version === 1 && count(p.diagnostics, 'unknown-routing-group') === CONNECTORS, 60000);
  const opened = c.pushes.filter((p) => p.uri === uri && p.version === 1);
  assert.equal(opened.length, 2);
  assert.equal(count(opened[0].diagnostics, 'dns-between-routing-groups'), CONNECTORS);
  assert.equal(count(opened[0].diagnostics, 'unknown-routing-group'), 0);

  // An edit in one connector: its own workspace finding waits for the second report; the other connectors keep theirs.
  const line = text.split('\n').indexOf('name: C250');
  await c.change(uri, 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '# edited\n' }]);
  await c.pushedFor(uri, (p) => p.version === 2 && count(p.diagnostics, 'unknown-routing-group') === CONNECTORS, 60000);
  const edited = c.pushes.filter((p) => p.uri === uri && p.version === 2);
  assert.equal(edited.length, 2);
  assert.equal(count(edited[0].diagnostics, 'dns-between-routing-groups'), CONNECTORS);
  assert.equal(count(edited[0].diagnostics, 'unknown-routing-group'), CONNECTORS - 1);
});

test('pulled: the first report of a large file has its single-document findings; the client is asked to pull again for the rest', async () => {
  const c = await start('vscode');
  const uri = pathToFileURL(join(dir, 'pulled.connector.yaml')).href;
  await c.open(uri, text, 1);
  const pull = () => c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  const first = (await pull()) as { items: Diagnostic[] };
  assert.equal(count(first.items, 'dns-between-routing-groups'), CONNECTORS);
  assert.equal(count(first.items, 'unknown-routing-group'), 0);
  // The workspace findings are worked out a slice at a time; a pull in between gets those done so far.
  let refreshes = 0;
  for (let done = 0; done < CONNECTORS;) {
    await c.until('a refresh', () => c.refreshes > refreshes, 60000);
    refreshes = c.refreshes;
    const next = (await pull()) as { items: Diagnostic[] };
    assert.equal(count(next.items, 'dns-between-routing-groups'), CONNECTORS);
    const now = count(next.items, 'unknown-routing-group');
    assert.ok(now >= done, `${now} after ${done}`);
    done = now;
  }
});

test("pushed: a hover sent after a large file's first report is answered while its workspace findings are still being worked out", async () => {
  const c = await start('minimal');
  const uri = pathToFileURL(join(dir, 'hovered.connector.yaml')).href;
  // Enough connectors that working out their workspace findings takes many slices.
  const many = 3000;
  const big = [
    routingGroup('Paris', [{ name: 'PARIS-EX01', fqdn: 'paris-ex01.contoso.com' }]),
    ...Array.from({ length: many }, (_, i) => connector({ name: `C${i}`, from: 'Paris', to: ['Boston'], bridgehead: 'PARIS-EX01' })),
  ].join('---\n');
  await c.open(uri, big, 1);
  await c.pushedFor(uri, (p) => p.version === 1, 60000);
  const line = big.split('\n').indexOf('name: C10');
  const hover = await c.request<{ contents: unknown } | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line, character: 1 },
  });
  const reportsWhenAnswered = c.pushes.filter((p) => p.uri === uri).length;
  assert.ok(hover?.contents);
  await c.pushedFor(uri, (p) => p.version === 1 && count(p.diagnostics, 'unknown-routing-group') === many, 60000);
  // Answered between the single-document report and the one with the workspace findings.
  assert.equal(reportsWhenAnswered, 1);
});
