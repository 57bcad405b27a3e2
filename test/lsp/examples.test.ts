import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver/node';
import { LspClient, initializeParams, marked } from '../helpers/lspClient';
import { ROOT } from '../helpers/paths';
import { Workspace } from '../../server/src/engine/workspace';
import { TopologyRequest, type Topology } from '../../shared/protocol';
import { rangeOf } from '../helpers/engine';

// The sample organization in examples/, served to a minimal client (pushed
// diagnostics): the server must report exactly what the engine (and so the
// command line) finds, file by file.
const dir = mkdtempSync(join(tmpdir(), 'exconn-lsp-examples-'));
cpSync(join(ROOT, 'examples'), dir, { recursive: true });
const files: string[] = [];
(function walk(d: string) {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(connector|routinggroup|organization)\.ya?ml$/.test(n)) files.push(p);
  }
})(dir);
const uri = (p: string) => pathToFileURL(p).href;
let client: LspClient;

before(async () => {
  client = await LspClient.start(initializeParams('minimal', dir));
});
after(() => {
  client?.kill();
  rmSync(dir, { recursive: true, force: true });
});

test("every example file is read on start, and its diagnostics are the engine's", async () => {
  assert.ok(files.length >= 5, `examples/ has ${files.length} files`);
  const ws = new Workspace();
  for (const p of files) ws.setFile(uri(p), readFileSync(p, 'utf8'));
  for (const p of files) {
    const pushed = await client.pushedFor(uri(p));
    const expected = ws.findings(uri(p)).map((f) => ({ code: f.code, range: f.range, message: f.message }));
    assert.deepEqual(
      pushed.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message })),
      expected,
      p,
    );
  }
});

test('the topology of the examples lists every routing group with its connectors', async () => {
  const ws = new Workspace();
  for (const p of files) ws.setFile(uri(p), readFileSync(p, 'utf8'));
  const groups = ws.index.groupsByName;
  const topo = await client.request<Topology>(TopologyRequest.method, {});
  const listed = topo.administrativeGroups
    .flatMap((a) => a.routingGroups.filter((g) => !g.inferred).map((g) => g.name.toLowerCase()))
    .sort();
  assert.deepEqual(listed, [...groups.keys()].sort());
  const connectors = topo.administrativeGroups.flatMap((a) => a.routingGroups.flatMap((g) => g.connectors)).length;
  assert.equal(connectors, files.filter((f) => f.includes('.connector.')).length);
});

test('completion and hover on an example connector', async () => {
  const p = files.find((f) => f.endsWith('paris-to-boston.connector.yaml'))!;
  const text = readFileSync(p, 'utf8');
  const m = marked(text.replace('      virtualServer: Default SMTP Virtual Server', '      virtualServer: ‸'));
  await client.open(uri(p), m.text);
  const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uri(p) }, position: m.positions[0] });
  assert.deepEqual(
    list.items.map((i) => i.label),
    ['Default SMTP Virtual Server'],
  );
  const h = await client.request<Hover>('textDocument/hover', {
    textDocument: { uri: uri(p) },
    position: rangeOf(m.text, 'Boston', 1).start,
  });
  assert.match((h.contents as MarkupContent).value, /^Routing group Boston in North America/);
  await client.close(uri(p));
});
