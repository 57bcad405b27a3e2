import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver/node';
import { LspClient, initializeParams } from '../helpers/lspClient';
import { exconnJson } from '../cli/process';
import { fixture } from '../helpers/paths';
import { generateOrganization } from '../../bench/workspace-gen';

// Loading a workspace folder: the server reads every connector file, checks
// them once the last is in and publishes each file once, with what
// `exconn check` reports for the same folder; requests are answered while it loads.

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/**
 * A folder with an organization of `groups` routing groups (bench/workspace-gen.ts),
 * the single-document mistakes and two workspace mistakes, a file with a
 * byte-order mark, one with CRLF line ends, one reached through a symbolic
 * link, and connector files in folders both tools skip.
 */
function organizationFolder(groups: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'exconn-load-'));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  for (const [path, text] of generateOrganization(groups)) write(path.slice(1), text);
  cpSync(fixture('mistakes'), join(dir, 'mistakes'), { recursive: true });
  cpSync(fixture('graph', 'contoso.organization.yaml'), join(dir, 'contoso.organization.yaml'));
  const connector = (name: string) =>
    [
      'kind: SmtpConnector',
      `name: ${name}`,
      'administrativeGroup: First Administrative Group',
      'routingGroup: RG0001',
      'general:',
      '  delivery: dns',
      '',
    ].join('\n');
  write('odd/bom.connector.yaml', '\ufeff' + connector('With a BOM').replace('delivery: dns', 'delivery: smartHost'));
  write('odd/crlf.connector.yml', connector('With CRLF').replace(/\n/g, '\r\n').replace('delivery: dns', 'delivery: nowhere'));
  write('elsewhere/linked.connector.yaml', connector('Linked').replace('RG0001', 'RG9999'));
  symlinkSync(join(dir, 'elsewhere', 'linked.connector.yaml'), join(dir, 'odd', 'link.connector.yaml'));
  write('.hidden/skipped.connector.yaml', connector('Hidden'));
  write('node_modules/pkg/skipped.connector.yaml', connector('Dependency'));
  return dir;
}

/** `exconn check --format json` on the folder: the diagnostics per file URI, and how many files it checked. */
function cliReport(dir: string): { files: number; byUri: Map<string, unknown[]> } {
  const { json } = exconnJson(['check', '--root', '.', '.'], dir);
  const byUri = new Map<string, unknown[]>();
  for (const d of json.diagnostics) {
    const uri = pathToFileURL(join(dir, d.file)).href;
    if (!byUri.has(uri)) byUri.set(uri, []);
    byUri.get(uri)!.push({ range: d.range, severity: d.severity, code: d.code, message: d.message });
  }
  return { files: (json as unknown as { files: number }).files, byUri };
}

test('a loaded folder: every file published once, after the load, with the diagnostics of exconn check', async () => {
  const dir = organizationFolder(40);
  const client = await LspClient.start({
    ...initializeParams('minimal', dir),
    capabilities: {
      ...initializeParams('minimal', dir).capabilities,
      workspace: { configuration: true, workspaceFolders: true },
    },
  });
  try {
    const cli = cliReport(dir);
    assert.ok(cli.files > 230, `exconn check read ${cli.files} files`);
    const count = await client.loaded(60000);
    await client.until('every file published', () => client.pushed.size >= count, 60000);
    assert.equal(count, cli.files, 'the files exconn check reads');
    // Each file once: nothing was published while the index was filling.
    const perUri = new Map<string, number>();
    for (const p of client.pushes) perUri.set(p.uri, (perUri.get(p.uri) ?? 0) + 1);
    assert.deepEqual(
      [...perUri.values()].filter((n) => n !== 1),
      [],
    );
    assert.equal(client.configurationRequests.length, 1, 'one workspace/configuration request');
    let problems = 0;
    const differ: string[] = [];
    for (const [uri, pushed] of client.pushed) {
      const mine = pushed.diagnostics.map((d) => ({
        range: d.range,
        severity: SEVERITY[d.severity ?? 1],
        code: d.code,
        message: d.message,
      }));
      if (!isDeepStrictEqual(mine, cli.byUri.get(uri) ?? [])) differ.push(relative(dir, fileURLToPath(uri)));
      problems += mine.length;
    }
    assert.deepEqual(differ, [], 'files whose diagnostics differ from exconn check');
    assert.ok(problems >= 40, `${problems} problems`);
    for (const name of ['bom.connector.yaml', 'crlf.connector.yml', 'link.connector.yaml'])
      assert.ok((cli.byUri.get(pathToFileURL(join(dir, 'odd', name)).href) ?? []).length > 0, `${name} has problems`);
  } finally {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a request made while the workspace loads is answered before the load ends', async () => {
  const dir = organizationFolder(160);
  const client = await LspClient.start(initializeParams('vscode', dir));
  try {
    // The first progress report comes between two slices of the load: the engine has files, and more to take.
    await client.until('the load under way', () => client.progress.includes('report'), 60000);
    let answeredAt: number | undefined;
    const answered = client.request<(DocumentSymbol | SymbolInformation)[]>('workspace/symbol', { query: 'RG0001' }).then((symbols) => {
      answeredAt = client.progress.length;
      return symbols;
    });
    await client.until('the load ended', () => client.progress.includes('end'), 60000);
    const symbols = await answered;
    assert.ok(symbols.length > 0, 'the files loaded so far answer');
    assert.ok(answeredAt !== undefined && !client.progress.slice(0, answeredAt).includes('end'), `answered after: ${client.progress}`);
  } finally {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the workspace loads and is published while the client has not answered the server's registrations", async () => {
  const dir = organizationFolder(10);
  // A client slow to answer (VS Code answers after its own work): the load does not wait for it.
  let answer: (v: null) => void = () => undefined;
  const held = new Promise<null>((r) => (answer = r));
  const params = initializeParams('vscode', dir);
  assert.ok(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration, 'the client registers a file watcher');
  const client = await LspClient.start(params, { registration: () => held });
  try {
    const count = await client.loaded(60000);
    await client.until('every file published', () => client.pushed.size >= count, 60000);
    assert.equal(client.registrations, 1, 'the watcher asked for, the next registration waiting for its answer');
  } finally {
    answer(null);
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
