import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LspClient, initializeParams, tempWorkspace } from '../helpers/lspClient';
import { ImportLdifRequest, type ImportLdifResult } from '../../shared/protocol';
import { importLdif, formatImportReport } from '../../server/src/import';
import { fixture } from '../helpers/paths';

const ws = tempWorkspace();
let client: LspClient;

before(async () => {
  client = await LspClient.start(initializeParams('vscode', ws.dir));
});
after(async () => {
  client?.kill();
  ws.dispose();
});

test('exconn/importLdif converts an export as exconn import does; the client gets paths and texts to write', async () => {
  const bytes = readFileSync(fixture('import', 'contoso.ldf'));
  const r = await client.request<ImportLdifResult>(ImportLdifRequest.method, { exportBase64: bytes.toString('base64'), offsetMinutes: 60 });
  const direct = importLdif(bytes, { offsetMinutes: 60 });
  assert.equal(r.found, true);
  assert.deepEqual(
    r.files,
    direct.files.map((f) => ({ path: f.path, text: f.text })),
  );
  assert.equal(r.report, formatImportReport(direct.report));
});

test('exconn/importLdif: no organization is found: false; bad parameters are InvalidParams', async () => {
  const none = await client.request<ImportLdifResult>(ImportLdifRequest.method, {
    exportBase64: Buffer.from('dn: CN=Users,DC=x\nobjectClass: container\n').toString('base64'),
    offsetMinutes: 0,
  });
  assert.deepEqual([none.found, none.files], [false, []]);
  for (const params of [
    { exportBase64: '!!', offsetMinutes: 0 },
    { exportBase64: '', offsetMinutes: 10 },
    { exportBase64: '', offsetMinutes: 15 * 60 },
    {},
  ]) {
    await assert.rejects(
      client.request(ImportLdifRequest.method, params),
      (e: { code?: number }) => e.code === -32602,
      JSON.stringify(params),
    );
  }
});
