import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { CompletionList } from 'vscode-languageserver/node';
import { LspClient, initializeParams, tempWorkspace } from '../helpers/lspClient';
import { ROOT } from '../helpers/paths';

// Outside VS Code: the package's bin over stdio; inside it, node IPC is the other transport.
for (const [name, options] of [
  ['the bin exconn-language-server --stdio', { script: join(ROOT, 'bin', 'exconn-language-server.js') }],
  ['node IPC (--node-ipc)', { ipc: true }],
] as const) {
  test(`${name}: initialize, a request, shutdown and exit`, async () => {
    const ws = tempWorkspace();
    const client = await LspClient.start(initializeParams('minimal', ws.dir), options);
    try {
      assert.equal(client.initializeResult.serverInfo?.name, 'exconn-language-server');
      const uri = ws.uri('x.connector.yaml');
      await client.open(uri, 'kind: SmtpConnector\ngeneral:\n  delivery: \n');
      const list = await client.request<CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 2, character: 12 },
      });
      assert.deepEqual(
        list.items.map((i) => i.label),
        ['dns', 'smartHost'],
      );
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
      ws.dispose();
    }
  });
}

// The server reads --stdio with its own reader (lsp/input.ts): the end of its input still ends it, as the library's does.
for (const [name, shutdownFirst, code] of [
  ['the end of its input without a shutdown request ends the server with code 1', false, 1],
  ['the end of its input after a shutdown request ends the server with code 0', true, 0],
] as const) {
  test(name, async () => {
    const ws = tempWorkspace();
    const client = await LspClient.start(initializeParams('minimal', ws.dir));
    try {
      if (shutdownFirst) await client.request('shutdown', null);
      const exited = new Promise<number | null>((resolve) => client.proc.on('exit', (c) => resolve(c)));
      client.proc.stdin!.end();
      assert.equal(await exited, code);
    } finally {
      client.kill();
      ws.dispose();
    }
  });
}

// A client that stops reading (its end of the server's output closed) is gone: the server ends, without failing on
// the log of the failed write (it crashed with "Connection is closed", or went on with no one to answer).
test('the end of its output ends the server with code 1, without an uncaught error', async () => {
  const ws = tempWorkspace();
  const client = await LspClient.start(initializeParams('minimal', ws.dir));
  try {
    const exited = new Promise<number | null>((resolve) => client.proc.on('exit', (c) => resolve(c)));
    client.proc.stdout!.destroy();
    // Something for the server to write: the diagnostics of a document opened now.
    await client.open(ws.uri('late.connector.yaml'), 'kind: SmtpConnector\ngeneral:\n  cost: 150\n');
    assert.equal(await exited, 1);
    assert.doesNotMatch(client.logs.join(''), /Connection is closed|Uncaught/);
  } finally {
    client.kill();
    ws.dispose();
  }
});
