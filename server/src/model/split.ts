import { hasLoneCr } from './text';

/**
 * Splits a file into its YAML documents by scanning lines, so that each document
 * can be parsed, cached and checked on its own: an edit then re-parses only the
 * document it touches. A line starting with "---" (followed by a space, a tab or
 * the end of the line) starts a document, as YAML says; comments, blank lines
 * and directives before it belong to the document it starts.
 */
export interface DocumentSlice {
  /** Offset of the slice in the file. */
  offset: number;
  /** 0-based line of the slice's first line in the file. */
  line: number;
  text: string;
}

export function splitDocuments(text: string): DocumentSlice[] {
  return splitRegion(text, 0, text.length, 0);
}

/**
 * The documents of `text[from, to)`, where `from` is the start of a document
 * (or of the file) at 0-based line `line`, and `to` the end of one (or of
 * the file): a file's documents do not depend on what lies outside the
 * documents between two such boundaries, so an edit re-splits only those.
 * `text` may be the region alone (`fileStart` then says whether it starts the file).
 */
export function splitRegion(text: string, from: number, to: number, line: number, fileStart = from === 0): DocumentSlice[] {
  const slices: DocumentSlice[] = [];
  let sliceStart = from;
  let sliceLine = line;
  let hasContent = false; // a "---" marker or a content line is in the current slice
  // A byte-order mark is not content: a marker or comment right after it still counts as one.
  let pos = fileStart && text.charCodeAt(from) === 0xfeff ? from + 1 : from;
  const n = to;
  const cr = text.indexOf('\r', from);
  const crs = cr !== -1 && cr < to && hasLoneCr(text.slice(from, to));
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1 || eol >= n) eol = n;
    const c = text.charCodeAt(pos);
    if (c === 45 /* - */ && isMarker(text, pos, eol, '-')) {
      if (hasContent) {
        slices.push({ offset: sliceStart, line: sliceLine, text: text.slice(sliceStart, pos) });
        sliceStart = pos;
        sliceLine = line;
      }
      hasContent = true;
    } else if (c === 46 /* . */ && isMarker(text, pos, eol, '.')) {
      // "..." ends a document: what follows starts the next one.
      slices.push({ offset: sliceStart, line: sliceLine, text: text.slice(sliceStart, Math.min(eol + 1, n)) });
      sliceStart = Math.min(eol + 1, n);
      sliceLine = line + 1 + (crs ? loneCrs(text, pos, eol) : 0);
      hasContent = false;
    } else if (!hasContent && !isTrivia(text, pos, eol)) {
      hasContent = true;
    }
    line += 1 + (crs ? loneCrs(text, pos, eol) : 0);
    pos = eol + 1;
  }
  if (sliceStart < n || slices.length === 0) {
    slices.push({ offset: sliceStart, line: sliceLine, text: text.slice(sliceStart, n) });
  }
  return slices;
}

function isMarker(text: string, pos: number, eol: number, ch: string): boolean {
  if (text[pos + 1] !== ch || text[pos + 2] !== ch) return false;
  const after = text[pos + 3];
  return pos + 3 >= eol || after === ' ' || after === '\t' || after === '\r' || after === undefined;
}

/** Blank, a comment, or a directive: lines that do not by themselves make a document. */
function isTrivia(text: string, pos: number, eol: number): boolean {
  for (let i = pos; i < eol; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    return ch === '#' || (ch === '%' && i === pos);
  }
  return true;
}

/** Lone carriage returns in [from, to): LSP counts each as a line break, YAML does not. */
function loneCrs(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10) n++;
  return n;
}
