import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { blockAbove, blockBelow } from './blockJump';

/**
 * Where a position stands in a YAML document, read from the lines and their
 * indentation rather than from the parse, so that it also works in half-typed
 * text (`  deli‸` with no colon yet, an empty line inside a mapping) that the
 * parser reads as something else or rejects.
 */
export interface Located {
  /** Keys from the document's top to the mapping the cursor's line belongs to (list steps left out). */
  path: string[];
  /**
   * key: typing a key of that mapping (or a bare list item, see `listItem`);
   * value: typing the value of `key`; item: an entry of the flow list `[a, b]` of `key`;
   * comment / none: nothing to offer.
   */
  at: 'key' | 'value' | 'item' | 'comment' | 'none';
  /** The key written on this line, when there is one. */
  key?: string;
  keyRange?: Range;
  /** The word under the cursor and its range (the part before the cursor is `prefix`). */
  word: string;
  wordRange: Range;
  prefix: string;
  /** The line starts a list entry (`- …`). */
  listItem: boolean;
  /** Column where the keys of the cursor's mapping start. */
  column: number;
  /** Keys already written in the cursor's mapping, the one on the cursor's line excepted. */
  siblings: string[];
  /** Their plain values as written (quotes taken off), for the keys written with a value. */
  siblingValues: Record<string, string>;
}

interface LineShape {
  blank: boolean;
  indent: number; // spaces before anything
  dash: boolean; // starts with "- "
  col: number; // column of the content after the dashes
  key?: string; // `key:` at the content column
  keyStart: number;
  keyEnd: number;
  valueStart: number; // column after "key:" and spaces, or the content column when no key
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}\[\],:][^#:]*?|)\s*:(?=\s|$)/;

export function shapeOf(text: string): LineShape {
  let i = 0;
  while (i < text.length && text[i] === ' ') i++;
  const indent = i;
  const trimmed = text.slice(i).trimEnd();
  if (trimmed === '' || trimmed.startsWith('#'))
    return { blank: true, indent, dash: false, col: indent, keyStart: indent, keyEnd: indent, valueStart: indent };
  let dash = false;
  while (text[i] === '-' && (i + 1 >= text.length || text[i + 1] === ' ')) {
    dash = true;
    i++;
    while (text[i] === ' ') i++;
  }
  const col = i;
  const m = KEY.exec(text.slice(col));
  if (m && m[1] !== '') {
    let key = m[1].trim();
    if ((key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'"))) key = key.slice(1, -1);
    let v = col + m[0].length;
    while (text[v] === ' ') v++;
    return { blank: false, indent, dash, col, key, keyStart: col, keyEnd: col + m[1].trimEnd().length, valueStart: v };
  }
  return { blank: false, indent, dash, col, keyStart: col, keyEnd: col, valueStart: col };
}

/** The position of a document-local offset. */
export function locate(doc: ParsedDocument, offset: number): Located {
  const pos = doc.lines.position(offset);
  const lineText = doc.lines.lineText(pos.line);
  const ch = Math.min(pos.character, lineText.length);
  const before = lineText.slice(0, ch);
  const shape = shapeOf(lineText);
  const lineRange = (s: number, e: number): Range => ({ start: { line: pos.line, character: s }, end: { line: pos.line, character: e } });

  // The column of the mapping the cursor is in: the line's content column, or
  // on a blank line the cursor's own column.
  const blankLine = lineText.trim() === '';
  const column = blankLine ? ch : shape.col;
  const listItem = !blankLine && shape.dash;

  const commentAt = commentStart(lineText);
  if (commentAt !== -1 && ch > commentAt) {
    return {
      listItem,
      column,
      path: [],
      at: 'comment',
      word: '',
      wordRange: lineRange(ch, ch),
      prefix: '',
      siblings: [],
      siblingValues: {},
    };
  }

  const path = parentPath(doc, pos.line, column, listItem);
  const sib = siblingKeys(doc, pos.line, column, listItem);
  // Every answer is one object literal of the same shape (keys added after it): V8 took some 50 µs
  // to build the spread `{ ...base, path, … }` of each return, most of a completion's locate.
  const answer = (at: Located['at'], word: string, wordRange: Range, prefix: string, keyRange?: Range): Located => {
    const l: Located = { listItem, column, path, at, word, wordRange, prefix, siblings: sib.keys, siblingValues: sib.values };
    if (keyRange) {
      l.key = shape.key;
      l.keyRange = keyRange;
    }
    return l;
  };
  const { start: ws, end: we } = wordAround(lineText, ch);
  const word = lineText.slice(ws, we);
  const wordRange = lineRange(ws, we);
  const prefix = lineText.slice(ws, ch);

  const quoted = listItem && shape.key === undefined ? quotedItem(lineText, shape.col, commentAt) : undefined;
  if (quoted && ch > quoted.start && ch < quoted.end) {
    // `- "[203.0.113.50]"`: the quoted text is the item, brackets and all.
    const inner = lineRange(quoted.start + 1, quoted.end - 1);
    return answer('key', lineText.slice(quoted.start + 1, quoted.end - 1), inner, lineText.slice(quoted.start + 1, ch));
  }
  if (blankLine || (shape.key === undefined && ch >= shape.col && !/[:\[]/.test(before.slice(shape.col)))) {
    // A bare word (or nothing) at a key's place: a key being typed, or a list item.
    return answer('key', word, wordRange, prefix);
  }
  if (shape.key !== undefined) {
    const keyRange = lineRange(shape.keyStart, shape.keyEnd);
    if (ch <= shape.keyEnd) return answer('key', shape.key, keyRange, lineText.slice(shape.keyStart, ch), keyRange);
    const value = lineText.slice(shape.valueStart, commentAt === -1 ? undefined : commentAt);
    if (value.trimStart().startsWith('[') && ch > shape.valueStart) {
      const { start, end } = flowItemAround(lineText, ch);
      return answer('item', lineText.slice(start, end).trim(), lineRange(start, end), lineText.slice(start, ch), keyRange);
    }
    const vs = Math.min(shape.valueStart, ch);
    const ve = Math.max(ch, trimEndCol(lineText, commentAt === -1 ? lineText.length : commentAt));
    return answer('value', unquote(lineText.slice(vs, ve)), lineRange(vs, ve), lineText.slice(vs, ch), keyRange);
  }
  return answer('none', word, wordRange, prefix);
}

/** A block-list item that is one quoted scalar (`- "[10.1.0.10]"`): its columns, quotes included. */
function quotedItem(text: string, col: number, commentAt: number): { start: number; end: number } | undefined {
  const q = text[col];
  if (q !== '"' && q !== "'") return undefined;
  const end = trimEndCol(text, commentAt === -1 ? text.length : commentAt);
  return end - col >= 2 && text[end - 1] === q ? { start: col, end } : undefined;
}

/** Where a comment starts on a line (outside quotes), or -1. */
function commentStart(text: string): number {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s\[,:-]/.test(text[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) return i;
  }
  return -1;
}

function trimEndCol(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return e;
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && ((t[0] === '"' && t.endsWith('"')) || (t[0] === "'" && t.endsWith("'")))) return t.slice(1, -1);
  return t;
}

/** A word of a key or plain value: letters, digits and the punctuation of names and hosts. */
function wordAround(text: string, ch: number): { start: number; end: number } {
  const isWord = (c: string | undefined) => c !== undefined && /[^\s:#,\[\]{}"']/.test(c) && !(c === '-' && false);
  let s = ch;
  while (s > 0 && isWord(text[s - 1])) s--;
  // A leading "- " is list syntax, not part of the word.
  while (text[s] === '-' && text[s + 1] === ' ') s += 2;
  let e = ch;
  while (e < text.length && isWord(text[e])) e++;
  return { start: Math.min(s, ch), end: e };
}

/** The entry of a flow list around the cursor, without the spaces around it. */
function flowItemAround(text: string, ch: number): { start: number; end: number } {
  let s = ch;
  while (s > 0 && text[s - 1] !== '[' && text[s - 1] !== ',') s--;
  while (s < ch && text[s] === ' ') s++;
  let e = ch;
  while (e < text.length && text[e] !== ']' && text[e] !== ',' && text[e] !== '#') e++;
  while (e > ch && text[e - 1] === ' ') e--;
  return { start: s, end: e };
}

/**
 * The keys above a line's mapping: walking up, the nearest line with a key at
 * a smaller column holds it; a list entry (`- `) is held by the key above the dash.
 */
export function parentPath(doc: ParsedDocument, line: number, column: number, startsItem: boolean): string[] {
  const path: string[] = [];
  // `limit`: a parent must start left of it. `inclusive`: a key exactly at the
  // dash's column holds the list too (`key:` then `- item` at the same indent).
  let limit = startsItem ? shapeOf(doc.lines.lineText(line)).indent : column;
  let inclusive = startsItem;
  let run = false; // in a run of lines right of the limit, where a jump was tried
  for (let l = line - 1; l >= 0 && limit > 0; l--) {
    if (deeperThan(doc, l, limit)) {
      if (!run) l = (blockAbove(doc, l, limit) ?? l - 1) + 1;
      run = true;
      continue;
    }
    run = false;
    const s = shapeOf(doc.lines.lineText(l));
    if (s.blank) continue;
    if (s.col === limit && s.dash && !inclusive) {
      // The first key of this list entry: the entry is held by the key above the dash.
      limit = s.indent;
      inclusive = true;
      continue;
    }
    const holds = s.col < limit || (inclusive && s.col === limit && !s.dash);
    if (!holds) continue;
    if (s.key === undefined) break; // a scalar left of us: the text is not a mapping we understand
    path.unshift(s.key);
    if (s.dash) {
      limit = s.indent;
      inclusive = true;
    } else {
      limit = s.col;
      inclusive = false;
    }
  }
  return path;
}

/** Keys written at `column` in the same mapping as the line, the line's own excepted. */
export function siblingKeys(
  doc: ParsedDocument,
  line: number,
  column: number,
  startsItem: boolean,
): { keys: string[]; values: Record<string, string> } {
  const out: string[] = [];
  const values: Record<string, string> = {};
  const take = (text: string, s: LineShape) => {
    out.push(s.key!);
    const c = commentStart(text);
    const v = unquote(text.slice(s.valueStart, c === -1 ? undefined : c));
    if (v !== '') values[s.key!] = v;
  };
  const n = doc.lines.lineCount;
  if (!startsItem) {
    let run = false;
    for (let l = line - 1; l >= 0; l--) {
      if (deeperThan(doc, l, column)) {
        if (!run) l = (blockAbove(doc, l, column) ?? l - 1) + 1;
        run = true;
        continue;
      }
      run = false;
      const text = doc.lines.lineText(l);
      const s = shapeOf(text);
      if (s.blank) continue;
      if (s.col < column) break;
      if (s.col === column && s.key !== undefined) take(text, s);
      if (s.col === column && s.dash) break; // the entry's first line
      if (s.indent < column) break;
    }
  }
  let run = false;
  for (let l = line + 1; l < n; l++) {
    if (deeperThan(doc, l, column)) {
      if (!run) l = blockBelow(doc, l, column) ?? l;
      run = true;
      continue;
    }
    run = false;
    const text = doc.lines.lineText(l);
    const s = shapeOf(text);
    if (s.blank) continue;
    if (s.indent < column) break; // a line left of the mapping, or the next list entry's dash
    if (s.col === column && s.key !== undefined) take(text, s);
  }
  return { keys: out, values };
}

/**
 * A line that neither holds nor ends a mapping at `column`: its leading
 * spaces go past the column, or it is a list entry's `-` at the column (its
 * content stands right of it). The walks above pass over every line of a
 * long list's other entries: this reads a few characters in place, where
 * `shapeOf` would copy the line and match it.
 */
function deeperThan(doc: ParsedDocument, line: number, column: number): boolean {
  const text = doc.lines.text;
  let i = doc.lines.starts[line];
  const end = i + column;
  while (i < end && text.charCodeAt(i) === 32) i++;
  if (i < end) return false;
  const c = text.charCodeAt(i);
  if (c === 32) return true;
  if (c !== 45) return false;
  const next = text.charCodeAt(i + 1);
  return next === 32 || next === 10 || next === 13 || Number.isNaN(next);
}
