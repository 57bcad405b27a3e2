import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LARGE_FILE_CHARS } from '../../server/src/lsp/state';
import { stateWithDocuments } from '../helpers/serverState';
import type { Position, Range } from 'vscode-languageserver-types';
import { hover } from '../../server/src/features/hover';
import { completion } from '../../server/src/features/completion';
import { fromLastParse, moveCompletions, moveHover } from '../../server/src/lsp/lastParse';
import { readCaps } from '../../server/src/features/caps';
import { connector, routingGroup } from '../helpers/workspace';

// A hover on a large document between an edit and its check does not wait
// for the parse of the edit: it answers from the text the engine last took.
// The editor's notifications are fed to the server's state directly, so that
// no check can run between the edit and the hover.

const text = [
  routingGroup('Paris', [{ name: 'PARIS-EX01', fqdn: 'paris-ex01.contoso.com' }]),
  ...Array.from({ length: 600 }, (_, i) => connector({ name: `C${i}`, from: 'Paris', to: ['Boston'], bridgehead: 'PARIS-EX01' })),
].join('---\n');
const caps = readCaps(undefined);
const lines = text.split('\n');
const uri = 'file:///w/large.connector.yaml';

test('on a large document, a hover after an edit answers from the last parse: moved below the edit, none on it', () => {
  assert.ok(text.length >= LARGE_FILE_CHARS);
  const { state, open, change } = stateWithDocuments();
  open(uri, text);
  state.sync(uri);
  const engineText = state.ws.file(uri)!.text;
  const at = lines.indexOf('name: C100');
  const below = lines.indexOf('name: C300');
  const position = { line: below, character: 2 };
  assert.deepEqual(state.settledPosition(uri, position), position);
  const before = hover(state.ws, uri, position, caps);
  assert.ok(before);

  change(uri, 2, [
    { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: 'routingGroup: Boston\nname: Renamed\n' },
  ]);
  const moved = state.settledPosition(uri, { line: below + 2, character: 2 });
  assert.deepEqual(moved, position);
  assert.deepEqual(hover(state.ws, uri, moved!, caps), before);
  assert.equal(state.settledPosition(uri, { line: at, character: 2 }), null);
  assert.equal(state.settledPosition(uri, { line: at + 1, character: 2 }), null);
  assert.deepEqual(state.settledPosition(uri, { line: 3, character: 1 }), { line: 3, character: 1 });
  // Nothing was parsed for the hover: the engine still has the text it had.
  assert.equal(state.ws.file(uri)!.text, engineText);

  // Once the engine takes the new text, positions are its own again.
  state.sync(uri);
  assert.deepEqual(state.settledPosition(uri, { line: at, character: 2 }), { line: at, character: 2 });
});

test('on a small document the hover brings the engine up to date first', () => {
  const { state, open, change } = stateWithDocuments();
  const small = connector({ name: 'C', from: 'Paris', to: ['Boston'] });
  open(uri, small);
  state.sync(uri);
  change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# note\n' }]);
  assert.equal(state.settledPosition(uri, { line: 0, character: 0 }), undefined);
});

const moved = (r: { start: { line: number } } | undefined) => r?.start.line;

test('on a large document after an edit, hover and completion below it answer from the last parse, their ranges on the editor’s lines', () => {
  const { state, open, change } = stateWithDocuments();
  open(uri, text);
  state.sync(uri);
  const engineText = state.ws.file(uri)!.text;
  const at = lines.indexOf('name: C100');
  const below = lines.indexOf('name: C300');
  const rg = below + lines.slice(below).findIndex((l) => l.startsWith('routingGroup: '));
  change(uri, 2, [
    { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: 'routingGroup: Boston\nname: Renamed\n' },
  ]);

  const answerHover = (p: Position) => hover(state.ws, uri, p, caps);
  const h = fromLastParse(state, uri, { line: rg + 2, character: 15 }, 'none', answerHover, moveHover);
  assert.equal(moved(h?.range), rg + 2);
  assert.deepEqual(h?.contents, hover(state.ws, uri, { line: rg, character: 15 }, caps)?.contents);

  const answerCompletion = (p: Position) => completion(state.ws, uri, p, caps);
  const list = fromLastParse(state, uri, { line: rg + 2, character: 14 }, 'sync', answerCompletion, moveCompletions)!;
  assert.ok(list.items.some((i) => i.label === 'Paris'));
  for (const i of list.items) assert.equal(moved((i.textEdit as { range: Range }).range), rg + 2);

  // On the edited lines the hover has no answer; nothing was parsed for either request.
  assert.equal(fromLastParse(state, uri, { line: at, character: 15 }, 'none', answerHover, moveHover), null);
  assert.equal(state.ws.file(uri)!.text, engineText);
});

test('on a large document, completion on the edited line takes the new text first: it sees what was just typed', () => {
  const { state, open, change } = stateWithDocuments();
  open(uri, text);
  state.sync(uri);
  const at = lines.indexOf('name: C100');
  change(uri, 2, [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, text: 'routingGroup: Pa\n' }]);
  const answer = (p: Position) => completion(state.ws, uri, p, caps);
  const list = fromLastParse(state, uri, { line: at, character: 16 }, 'sync', answer, moveCompletions)!;
  assert.equal(state.ws.file(uri)!.text, state.documents.get(uri)!.getText());
  const paris = list.items.find((i) => i.label === 'Paris');
  assert.deepEqual((paris?.textEdit as { range: Range }).range, { start: { line: at, character: 14 }, end: { line: at, character: 16 } });
});
