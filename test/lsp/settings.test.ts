import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, initializeParams } from '../helpers/lspClient';
import { ROOT } from '../helpers/paths';

// Settings are read per workspace folder: one workspace/configuration request
// for every folder at start (not one per file), and one again when the
// configuration changes.
const dir = mkdtempSync(join(tmpdir(), 'exconn-lsp-settings-'));
cpSync(join(ROOT, 'examples'), join(dir, 'a'), { recursive: true });
cpSync(join(ROOT, 'examples'), join(dir, 'b'), { recursive: true });
const folders = ['a', 'b'].map((f) => pathToFileURL(join(dir, f)).href);
let client: LspClient | undefined;
after(() => {
  client?.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('settings are asked for once per folder, all folders in one request, and again after a configuration change', async () => {
  const params = initializeParams('vscode', join(dir, 'a'));
  client = await LspClient.start({ ...params, workspaceFolders: folders.map((uri, i) => ({ uri, name: `f${i}` })) });
  const c = client;
  const fabrikam = (f: string) => `${f}/europe/paris/paris-fabrikam.connector.yaml`;
  const hasRegistry = (f: string) => c.pushed.get(fabrikam(f))?.diagnostics.some((d) => d.code === 'restrictions-need-registry');
  const files =
    2 *
    readdirSync(join(ROOT, 'examples'), { recursive: true }).filter((f) => /\.(connector|routinggroup|organization)\.yaml$/.test(String(f)))
      .length;
  await c.until('every file of both folders checked', () => c.pushed.size >= files && folders.every(hasRegistry), 60_000);
  assert.deepEqual(c.configurationRequests, [folders]);

  c.settings = { rules: { 'restrictions-need-registry': 'off' } };
  await c.notify('workspace/didChangeConfiguration', { settings: null });
  await c.until('the rule is off in both folders', () => folders.every((f) => hasRegistry(f) === false), 60_000);
  assert.deepEqual(c.configurationRequests, [folders, folders]);
});
