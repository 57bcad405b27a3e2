import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { PieceDocument } from '../../server/src/lsp/pieceDocument';
import { ParsedFile } from '../../server/src/model/parse';
import { seededRandom } from '../helpers/random';

// Short bits of text that exercise every line break the LSP counts, and pieces cut around them.
const BITS = ['a', 'bc', ' ', 'key: value', '\n', '\n', '\r\n', '\r', '---\n', '# c\n', '😀', '\t'];

function randomText(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += BITS[Math.floor(rand() * BITS.length)];
  return s;
}

/** A position anywhere, sometimes past a line's end or past the last line (both must be clamped alike). */
function randomPosition(rand: () => number, lineCount: number): Position {
  return { line: Math.floor(rand() * (lineCount + 2)) - (rand() < 0.02 ? 1 : 0), character: Math.floor(rand() * 14) };
}

/**
 * The reference: the library's document made afresh from the whole text
 * after every change. (The library's own incremental update miscounts lines
 * around some carriage returns, and then places later changes elsewhere.)
 */
function fresh(text: string): TextDocument {
  return TextDocument.create('file:///f.yaml', 'yaml', 0, text);
}

/** A change applied to a plain string, at the offsets a fresh document gives its range. */
function applied(text: string, change: TextDocumentContentChangeEvent): string {
  if (!('range' in change)) return change.text;
  const doc = fresh(text);
  const a = doc.offsetAt(change.range.start);
  const b = doc.offsetAt(change.range.end);
  return text.slice(0, Math.min(a, b)) + change.text + text.slice(Math.max(a, b));
}

function sameDocument(piece: PieceDocument, text: string, rand: () => number, step: string): void {
  assert.equal(piece.getText(), text, `${step}: text`);
  const plain = fresh(text);
  assert.equal(piece.lineCount, plain.lineCount, `${step}: line count`);
  assert.equal(piece.length, text.length, `${step}: length`);
  for (let k = 0; k < 12; k++) {
    const offset = Math.floor(rand() * (piece.length + 3)) - 1;
    assert.deepEqual(piece.positionAt(offset), plain.positionAt(offset), `${step}: positionAt(${offset})`);
    const p = randomPosition(rand, plain.lineCount);
    assert.equal(piece.offsetAt(p), plain.offsetAt(p), `${step}: offsetAt(${JSON.stringify(p)})`);
    assert.deepEqual(piece.getLineRange(p.line), plain.getLineRange(p.line), `${step}: getLineRange(${p.line})`);
    assert.equal(piece.getEOLCharacters(p.line), plain.getEOLCharacters(p.line), `${step}: getEOLCharacters(${p.line})`);
    const q = randomPosition(rand, plain.lineCount);
    const range: Range = { start: p, end: q };
    assert.equal(piece.getText(range), plain.getText(range), `${step}: getText(${JSON.stringify(range)})`);
  }
}

for (const seed of [1, 2, 3, 4]) {
  test(`a document in pieces reads like the library's text document (made afresh) through random edits (seed ${seed})`, () => {
    const rand = seededRandom(seed);
    let text = randomText(rand, 400);
    // Pieces of a few characters: every edit meets piece boundaries.
    const piece = PieceDocument.create('file:///p.yaml', 'yaml', 1, text, 2 + seed * 3);
    sameDocument(piece, text, rand, 'open');
    for (let i = 0; i < 400; i++) {
      const lineCount = fresh(text).lineCount;
      const start = randomPosition(rand, lineCount);
      const end = rand() < 0.5 ? start : randomPosition(rand, lineCount);
      const added = rand() < 0.3 ? '' : randomText(rand, Math.floor(rand() * 6));
      // Now and then a change replaces the whole text, or two changes come in one notification.
      const changes: TextDocumentContentChangeEvent[] =
        rand() < 0.02
          ? [{ text: randomText(rand, 50) }]
          : rand() < 0.1
            ? [
                { range: { start, end }, text: added },
                { range: { start: end, end: end }, text: 'x\n' },
              ]
            : [{ range: { start, end }, text: added }];
      piece.update(changes, i + 2);
      for (const c of changes) text = applied(text, c);
      assert.equal(piece.version, i + 2);
      sameDocument(piece, text, rand, `edit ${i + 1} ${JSON.stringify(changes)}`);
    }
  });
}

test('a document in pieces joins its whole text only when asked for it, and once per version', () => {
  const lines: string[] = [];
  for (let i = 0; i < 20_000; i++) lines.push(`  key${i}: value ${i}`);
  const piece = PieceDocument.create('file:///big.yaml', 'yaml', 1, lines.join('\n'));
  assert.equal(piece.joins, 0, 'the opened text is kept as it came');
  piece.getText();
  for (let v = 2; v < 50; v++) {
    piece.update([{ range: { start: { line: v * 300, character: 2 }, end: { line: v * 300, character: 5 } }, text: 'KEY' }], v);
    piece.offsetAt({ line: 19_999, character: 3 });
    piece.positionAt(piece.length - 1);
    piece.slice(1000, 200_000);
  }
  assert.equal(piece.joins, 0, 'edits, positions and slices never join the whole text');
  const whole = piece.getText();
  assert.equal(piece.getText(), whole);
  assert.equal(piece.joins, 1);
});

test('a file parsed from a document in pieces equals one parsed from the whole text, and joins no text', () => {
  const docs: string[] = [];
  for (let i = 0; i < 120; i++) docs.push(`---\n# connector ${i}\nkind: SmtpConnector\nname: C${i}\ngeneral:\n  cost: ${(i % 90) + 1}\n`);
  const text = docs.join('');
  const piece = PieceDocument.create('file:///c.yaml', 'yaml', 1, text, 512);
  let fromPieces = new ParsedFile(text);
  const rand = seededRandom(7);
  const joinsBefore = ParsedFile.joins;
  for (let v = 2; v < 40; v++) {
    const line = Math.floor(rand() * piece.lineCount);
    const start = { line, character: 0 };
    const change =
      rand() < 0.5
        ? { range: { start, end: start }, text: '# added\n' }
        : { range: { start, end: { line: line + 1, character: 0 } }, text: '' };
    const s = piece.offsetAt(change.range.start);
    const e = piece.offsetAt(change.range.end);
    piece.update([change], v);
    fromPieces = new ParsedFile(piece, fromPieces, { start: s, end: s + change.text.length });
    const whole = new ParsedFile(piece.getText());
    assert.deepEqual(
      fromPieces.documents.map((d) => [d.line, d.offset, d.doc.text]),
      whole.documents.map((d) => [d.line, d.offset, d.doc.text]),
      `edit ${v}: ${JSON.stringify(change)} at ${s}..${e}`,
    );
    assert.equal(fromPieces.length, whole.length);
    assert.equal(fromPieces.eol, whole.eol);
  }
  assert.equal(ParsedFile.joins, joinsBefore, 'no version made from pieces joined its whole text');
  assert.equal(fromPieces.text, piece.getText());
  assert.equal(ParsedFile.joins, joinsBefore + 1);
});
