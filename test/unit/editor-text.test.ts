import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LARGE_FILE_CHARS } from '../../server/src/lsp/state';
import { ParsedFile } from '../../server/src/model/parse';
import { Workspace } from '../../server/src/engine/workspace';
import { stateWithDocuments } from '../helpers/serverState';
import { connector, routingGroup } from '../helpers/workspace';
import { seededRandom } from '../helpers/random';

// Editing a large open document: the server keeps the editor's text in
// pieces and the engine reads only around each change, so no edit builds
// the whole text again; what the engine finds is what a fresh read finds.

const text = [
  routingGroup('Paris', [{ name: 'PARIS-EX01', fqdn: 'paris-ex01.contoso.com' }]),
  ...Array.from({ length: 600 }, (_, i) => connector({ name: `C${i}`, from: 'Paris', to: ['Boston'], bridgehead: 'PARIS-EX01' })),
].join('---\n');
const uri = 'file:///w/large.connector.yaml';

test('edits of a large open document never join its whole text, and the engine finds what a fresh read finds', () => {
  assert.ok(text.length >= LARGE_FILE_CHARS);
  const { state, open, change } = stateWithDocuments();
  open(uri, text);
  state.sync(uri);
  const doc = state.documents.get(uri)!;
  const rand = seededRandom(11);
  let expected = text;
  const fileJoins = ParsedFile.joins;
  for (let version = 2; version <= 40; version++) {
    const lines = TextDocument.create(uri, 'yaml', 0, expected);
    const line = Math.floor(rand() * lines.lineCount);
    const kind = version % 3;
    // A cost changed, a line inserted, a comment edited: the perf harness's three kinds of edit, anywhere.
    const start = { line, character: 0 };
    const edit =
      kind === 0
        ? { range: { start, end: start }, text: '# note\n' }
        : kind === 1
          ? { range: { start, end: start }, text: '  cost: 150\n' }
          : { range: { start, end: { line: line + 1, character: 0 } }, text: '' };
    const s = lines.offsetAt(edit.range.start);
    const e = lines.offsetAt(edit.range.end);
    expected = expected.slice(0, s) + edit.text + expected.slice(e);
    change(uri, version, [edit]);
    state.sync(uri);
    const file = state.ws.file(uri)!;
    assert.equal(file.length, expected.length);
    if (version % 10 === 0) {
      const fresh = new Workspace();
      fresh.setFile(uri, expected);
      assert.deepEqual(
        state.ws.findings(uri).map((f) => [f.code, f.range]),
        fresh.findings(uri).map((f) => [f.code, f.range]),
        `version ${version}`,
      );
    }
  }
  assert.equal(doc.joins, 0, "the editor's text was never joined");
  assert.equal(ParsedFile.joins, fileJoins, "the engine's text was never joined");
  assert.equal(doc.getText(), expected);
  assert.equal(state.ws.file(uri)!.text, expected);
});
