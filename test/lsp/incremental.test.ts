import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { LspClient, initializeParams } from '../helpers/lspClient';
import { Workspace } from '../../server/src/engine/workspace';
import { connector } from '../helpers/workspace';

// The server re-splits and re-parses only around the editor's change ranges;
// whatever the edits (several per notification, some between two checks),
// what it publishes must be what a fresh engine finds on the final text.
const dir = mkdtempSync(join(tmpdir(), 'exconn-lsp-incremental-'));
let client: LspClient | undefined;
after(() => {
  client?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const docs = Array.from({ length: 12 }, (_, i) => connector({ name: `C${i}`, from: 'Paris', to: ['Boston'], extra: [`# end of ${i}`] }));

function expected(text: string) {
  const ws = new Workspace();
  ws.setFile('x', text);
  return ws.findings('x').map((f) => ({ code: f.code, range: f.range, message: f.message }));
}

test('edits by ranges, several per notification: the diagnostics are those of the whole final text', async () => {
  client = await LspClient.start(initializeParams('minimal', dir));
  const c = client;
  const uri = pathToFileURL(join(dir, 'many.connector.yaml')).href;
  let doc = TextDocument.create(uri, 'exchange-connector', 1, docs.join('---\n'));
  await c.open(uri, doc.getText(), 1);
  await c.pushedFor(uri, (p) => p.version === 1);
  const at = (needle: string, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = doc.getText().indexOf(needle, i + 1);
    return doc.positionAt(i);
  };
  const edits: TextDocumentContentChangeEvent[][] = [
    [{ range: { start: at('name: C3'), end: at('name: C3') }, text: 'cost: 0\n' }], // a fault mid-file
    [{ range: { start: at('---', 5), end: at('---', 5) }, text: '# a marker goes:\n' }],
    [{ range: { start: at('---', 6), end: { ...at('---', 6), character: 3 } }, text: '' }], // two documents become one
    [
      { range: { start: at('name: C9'), end: at('name: C9') }, text: '---\nkind: Organization\nname: X\n---\n' },
      { range: { start: at('name: C1'), end: { ...at('name: C1'), character: 8 } }, text: 'name: "C1' }, // unclosed quote
    ],
    [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# top\n\n' }],
    [{ range: { start: at('# end of 11'), end: at('# end of 11') }, text: '...\n' }],
  ];
  let version = 1;
  for (const [i, changes] of edits.entries()) {
    version++;
    doc = TextDocument.update(doc, changes, version);
    await c.change(uri, version, changes);
    // Every other edit is checked before the next one; the others pile up between two checks.
    if (i % 2 === 1 || i === edits.length - 1) {
      const v = version;
      const pushed = await c.pushedFor(uri, (p) => p.version === v);
      assert.deepEqual(
        pushed.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message })),
        expected(doc.getText()),
        `after edit ${i}`,
      );
    }
  }
  // A full-text change after incremental ones.
  version++;
  const full = doc.getText().replace('cost: 0\n', '');
  doc = TextDocument.update(doc, [{ text: full }], version);
  await c.change(uri, version, [{ text: full }]);
  const v = version;
  const pushed = await c.pushedFor(uri, (p) => p.version === v);
  assert.deepEqual(
    pushed.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message })),
    expected(full),
  );
});
