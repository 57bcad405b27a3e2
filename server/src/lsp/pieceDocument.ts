import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { SourceText } from '../model/parse';
import { ownCopy } from '../model/text';

/**
 * About how long a piece is. An edit copies the piece it falls in (and
 * perhaps a neighbour), so it costs tens of kilobytes, however long the text.
 */
export const PIECE_CHARS = 16 * 1024;

/**
 * An open document's text, kept in pieces of about PIECE_CHARS characters.
 * The library's text document joins the whole text again at every edit: for
 * a 6 MB file, a new 6 MB string per keystroke, and with it V8's full
 * collections, which paused the server for hundreds of milliseconds every
 * dozen edits. Here an edit replaces one piece; the whole text is joined only
 * when someone asks for it (getText() without a range), and kept until the
 * next edit. The engine reads a version through `slice`, around the change.
 *
 * Every piece but the last ends with "\n", so a line break ("\n", "\r\n" or a
 * lone "\r", as LSP counts them) never spans two pieces and every piece
 * starts a line. Positions and offsets follow the library's TextDocument
 * exactly (a test compares them edit by edit).
 */
export class PieceDocument implements TextDocument, SourceText {
  private pieces: string[] = [];
  /** Per piece: how many line breaks it holds. */
  private breaks: number[] = [];
  /** Per piece: the offsets, inside it, where its lines start; worked out when first needed. */
  private starts: (number[] | undefined)[] = [];
  /** Per piece: where it starts in the text; one more entry holds the text's length. */
  private offsets: number[] = [];
  /** Per piece: the 0-based line it starts on; one more entry holds the line count less one. */
  private lines: number[] = [];
  /** The whole text, from the open or from getText(), until the next edit. */
  private whole: string | undefined;
  /** How many times the whole text was joined from the pieces (the tests count them). */
  joins = 0;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    private ver: number,
    content: string,
    private readonly size: number,
  ) {
    this.reset(content);
  }

  /** `pieceChars`: about how long a piece is (the tests make it short). */
  static create(uri: string, languageId: string, version: number, content: string, pieceChars = PIECE_CHARS): PieceDocument {
    return new PieceDocument(uri, languageId, version, content, Math.max(2, pieceChars));
  }

  get version(): number {
    return this.ver;
  }

  get length(): number {
    return this.offsets[this.pieces.length];
  }

  get lineCount(): number {
    return this.lines[this.pieces.length] + 1;
  }

  /** Applies the editor's changes in order, as the library's TextDocument.update does. */
  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) {
        const range = wellFormed(change.range);
        this.replace(this.offsetAt(range.start), this.offsetAt(range.end), change.text);
      } else {
        this.reset(change.text);
      }
    }
    this.ver = version;
  }

  getText(range?: Range): string {
    if (range) {
      // As String.prototype.substring, which the library uses: a range that ends before it starts is read backwards.
      const a = this.offsetAt(range.start);
      const b = this.offsetAt(range.end);
      return this.slice(Math.min(a, b), Math.max(a, b));
    }
    if (this.whole === undefined) {
      this.whole = this.pieces.length === 1 ? this.pieces[0] : ownCopy(this.pieces.join(''));
      this.joins++;
    }
    return this.whole;
  }

  slice(start: number, end: number): string {
    const s = Math.max(0, Math.min(start, this.length));
    const e = Math.max(s, Math.min(end, this.length));
    if (this.whole !== undefined) return this.whole.slice(s, e);
    const first = this.pieceAt(s);
    const inFirst = this.offsets[first + 1] - this.offsets[first];
    if (e - this.offsets[first] <= inFirst) return this.pieces[first].slice(s - this.offsets[first], e - this.offsets[first]);
    let out = this.pieces[first].slice(s - this.offsets[first]);
    let i = first + 1;
    while (this.offsets[i + 1] < e) out += this.pieces[i++];
    return out + this.pieces[i].slice(0, e - this.offsets[i]);
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    const i = this.pieceAt(offset);
    return this.pieces[i].charCodeAt(offset - this.offsets[i]);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    const i = this.pieceAt(o);
    const local = o - this.offsets[i];
    const starts = this.startsOf(i);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= local) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo];
    return { line: this.lines[i] + lo, character: this.beforeEol(i, local, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line > this.lines[this.pieces.length]) return this.length;
    if (position.line < 0) return 0;
    const { piece: i, start: lineStart, next } = this.lineSpan(position.line);
    if (position.character <= 0) return this.offsets[i] + lineStart;
    const local = Math.min(lineStart + position.character, next);
    return this.offsets[i] + this.beforeEol(i, local, lineStart);
  }

  getLineRange(line: number): Range {
    const last = this.lineCount - 1;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const l = Math.min(line, last);
    const { piece, start, next } = this.lineSpan(l);
    const end = line > last ? next : this.beforeEol(piece, next, start);
    return { start: { line: l, character: 0 }, end: { line: l, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const { piece, start, next } = this.lineSpan(line);
    return this.pieces[piece].slice(this.beforeEol(piece, next, start), next);
  }

  /** A line's piece, and where in that piece the line and the next one start. */
  private lineSpan(line: number): { piece: number; start: number; next: number } {
    const piece = this.pieceOfLine(line);
    const starts = this.startsOf(piece);
    const l = line - this.lines[piece];
    const next = l + 1 < starts.length ? starts[l + 1] : this.pieces[piece].length;
    return { piece, start: starts[l], next };
  }

  /** Replaces `start`..`end` by `text`: the pieces it touches are cut again, the others stay as they are. */
  private replace(start: number, end: number, text: string): void {
    const first = this.pieceAt(start);
    let last = this.pieceAt(end);
    if (last > first && end === this.offsets[last]) last--;
    const n = this.pieces.length;
    let joined = this.pieces[first].slice(0, start - this.offsets[first]) + text + this.pieces[last].slice(end - this.offsets[last]);
    // A region must end a line (or the text), and a short one takes in the next piece, so pieces stay near PIECE_CHARS.
    while (last + 1 < n && (joined.length < this.size / 2 || joined.charCodeAt(joined.length - 1) !== 10)) {
      joined += this.pieces[++last];
    }
    const cut = cutPieces(joined, this.size);
    this.pieces.splice(first, last - first + 1, ...cut);
    this.breaks.splice(first, last - first + 1, ...cut.map(lineBreaks));
    this.starts.splice(first, last - first + 1, ...cut.map(() => undefined));
    this.whole = undefined;
    this.sums(first);
  }

  /** The whole text replaced. */
  private reset(content: string): void {
    this.pieces = cutPieces(content, this.size);
    this.breaks = this.pieces.map(lineBreaks);
    this.starts = this.pieces.map(() => undefined);
    this.whole = content;
    this.offsets = [0];
    this.lines = [0];
    this.sums(0);
  }

  /** Piece offsets and first lines, from piece `from` on. */
  private sums(from: number): void {
    const n = this.pieces.length;
    this.offsets.length = n + 1;
    this.lines.length = n + 1;
    for (let i = from; i < n; i++) {
      this.offsets[i + 1] = this.offsets[i] + this.pieces[i].length;
      this.lines[i + 1] = this.lines[i] + this.breaks[i];
    }
  }

  /** The piece an offset falls in; an offset where a piece starts is in that piece. */
  private pieceAt(offset: number): number {
    return lastAtMost(this.offsets, this.pieces.length, offset);
  }

  /** The piece a line starts in. */
  private pieceOfLine(line: number): number {
    return lastAtMost(this.lines, this.pieces.length, line);
  }

  private startsOf(i: number): number[] {
    let s = this.starts[i];
    if (!s) {
      s = lineStarts(this.pieces[i]);
      // A piece's last line start is the next piece's first line: it is that piece's.
      if (i + 1 < this.pieces.length) s.pop();
      this.starts[i] = s;
    }
    return s;
  }

  /** Moves an offset in piece `i` back before the line break it stands after (but not before its line's start). */
  private beforeEol(i: number, local: number, lineStart: number): number {
    const piece = this.pieces[i];
    let o = local;
    while (o > lineStart && isEol(piece.charCodeAt(o - 1))) o--;
    return o;
  }
}

/** The last of `sorted[0, n)` at most `value` (0 when none is). */
function lastAtMost(sorted: readonly number[], n: number, value: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Cuts a text into pieces of about `size` characters, each but the last ending with "\n"; each its own string. */
function cutPieces(text: string, size: number): string[] {
  const out: string[] = [];
  let pos = 0;
  while (text.length - pos > 2 * size) {
    const nl = text.indexOf('\n', pos + size - 1);
    if (nl === -1 || nl + 1 >= text.length) break;
    out.push(ownCopy(text.slice(pos, nl + 1)));
    pos = nl + 1;
  }
  out.push(pos === 0 ? ownCopy(text) : ownCopy(text.slice(pos)));
  return out;
}

/** Line breaks in a text: "\n", "\r\n" and a lone "\r" each count one. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/** Where each line of a text starts, the first at 0 (as the library counts line breaks). */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    }
  }
  return out;
}

function isEol(c: number): boolean {
  return c === 13 || c === 10;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
