import { isScalar, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { trimEnd, isNull } from './access';

/**
 * Minimal text edits on one document, computed from source offsets. Nothing
 * outside the edited span changes: comments, order, quoting, blank lines and
 * the file's line endings stay as they were.
 */

export function replaceSpan(doc: ParsedDocument, start: number, end: number, newText: string): TextEdit {
  return { range: doc.range(start, end), newText };
}

/** Replace a node's value text (its trailing comment stays). */
export function replaceNode(doc: ParsedDocument, node: Node, newText: string): TextEdit {
  const [start, end] = node.range!;
  return replaceSpan(doc, start, trimEnd(doc.text, start, end), newText);
}

const PLAIN_SAFE = /^[A-Za-z0-9_.\/\\][A-Za-z0-9_.\/\\ @()+-]*$/;

/** How a string value is written: in the quotes the old value used, or plain when plain is safe. */
export function scalarText(value: string, like?: Node | null): string {
  const style = isScalar(like) ? like.type : undefined;
  if (style === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (
    style === Scalar.QUOTE_DOUBLE ||
    !PLAIN_SAFE.test(value) ||
    /^(true|false|null|~|[-+]?[0-9.]+([eE][-+]?\d+)?)$/i.test(value) ||
    value.endsWith(' ')
  ) {
    return JSON.stringify(value);
  }
  return value;
}

/** Replace a scalar with a new string value, in its own quoting style. */
export function replaceScalar(doc: ParsedDocument, node: Node, value: string): TextEdit {
  return replaceNode(doc, node, scalarText(value, node));
}

function lineStartOf(doc: ParsedDocument, offset: number): number {
  return doc.lines.starts[doc.lines.position(offset).line];
}

/**
 * Delete the whole lines from the one holding `start` to the one holding the
 * last character before `end`, comments on them included.
 */
export function deleteLines(doc: ParsedDocument, start: number, end: number): TextEdit {
  const first = doc.lines.position(start).line;
  const last = doc.lines.position(Math.max(start, trimEnd(doc.text, start, end) - 1)).line;
  const from = doc.lines.starts[first];
  if (last + 1 < doc.lines.lineCount) return replaceSpan(doc, from, doc.lines.starts[last + 1], '');
  // The last line of the document has no line break of its own: take the one before.
  const prevEnd = first > 0 ? doc.lines.lineEnd(first - 1) : from;
  return replaceSpan(doc, prevEnd, doc.text.length, '');
}

/** Does the node sit alone on its lines (a block collection entry), so that whole lines can go? */
function ownsLines(doc: ParsedDocument, start: number): boolean {
  const ls = lineStartOf(doc, start);
  return /^[\s-]*$/.test(doc.text.slice(ls, start));
}

/** Remove one key and its value from a mapping. */
export function removePair(doc: ParsedDocument, map: YAMLMap, pair: Pair): TextEdit {
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const start = key.range![0];
  const end = value?.range ? Math.max(value.range[1], key.range![1]) : key.range![1];
  if (!map.flow && ownsLines(doc, start)) return deleteLines(doc, start, end);
  return removeFlowEntry(doc, start, end);
}

/** Remove one entry of a sequence. */
export function removeItem(doc: ParsedDocument, seq: YAMLSeq, index: number): TextEdit {
  const node = seq.items[index] as Node;
  const [start, end] = node.range!;
  if (!seq.flow && ownsLines(doc, start)) {
    // A block entry whose dash shares a line with nothing else but its value: drop its lines.
    return deleteLines(doc, start, end);
  }
  return removeFlowEntry(doc, start, end);
}

/** Remove an entry of a flow collection with the comma that separates it from its neighbour. */
function removeFlowEntry(doc: ParsedDocument, start: number, end: number): TextEdit {
  const t = doc.text;
  const e = trimEnd(t, start, end);
  let j = e;
  while (j < t.length && (t[j] === ' ' || t[j] === '\t')) j++;
  if (t[j] === ',') {
    j++;
    while (j < t.length && (t[j] === ' ' || t[j] === '\t')) j++;
    return replaceSpan(doc, start, j, '');
  }
  let s = start;
  let i = start - 1;
  while (i >= 0 && (t[i] === ' ' || t[i] === '\t')) i--;
  if (t[i] === ',') s = i;
  return replaceSpan(doc, s, e, '');
}

/** Indentation (column) of a block mapping's keys. */
export function mapIndent(doc: ParsedDocument, map: YAMLMap): number {
  const first = map.items[0]?.key as Node | undefined;
  const off = first?.range?.[0] ?? map.range?.[0] ?? 0;
  return doc.lines.position(off).character;
}

/** Text of a value written after "key:": a string, or a block list whose entries may span lines. */
function valueLines(value: string | string[], indent: number, eol: string): string {
  if (typeof value === 'string') return ` ${value}`;
  const pad = ' '.repeat(indent + 2);
  // An entry may span lines ("name: x\nfqdn: y"): its later lines line up under the first.
  return value.map((v) => `${eol}${pad}- ${v.split('\n').join(`${eol}${pad}  `)}`).join('');
}

/**
 * Insert "key: value" into a mapping: after `after` when given, else after its
 * last entry. A list value is written as a block list.
 */
export function insertPair(doc: ParsedDocument, map: YAMLMap, key: string, value: string | string[], after?: Pair | 'start'): TextEdit {
  const eol = doc.eol;
  if (map.flow) {
    const close = trimEnd(doc.text, map.range![0], map.range![1]) - 1; // the "}"
    const inline = typeof value === 'string' ? value : `[${value.join(', ')}]`;
    const empty = map.items.length === 0;
    return replaceSpan(doc, close, close, `${empty ? '' : ', '}${key}: ${inline}`);
  }
  const indent = mapIndent(doc, map);
  const line = ' '.repeat(indent) + key + ':' + valueLines(value, indent, eol);
  if (after === 'start' && map.items.length > 0) {
    const at = lineStartOf(doc, (map.items[0].key as Node).range![0]);
    return replaceSpan(doc, at, at, line + eol);
  }
  const anchor = (after && after !== 'start' ? after : map.items[map.items.length - 1]) as Pair | undefined;
  if (!anchor) {
    const at = map.range?.[0] ?? 0;
    return replaceSpan(doc, at, at, line + eol);
  }
  const k = anchor.key as Node;
  const v = anchor.value as Node | null;
  const end = v?.range ? Math.max(v.range[1], k.range![1]) : k.range![1];
  const lastLine = doc.lines.position(Math.max(k.range![0], trimEnd(doc.text, k.range![0], end) - 1)).line;
  const at = doc.lines.lineEnd(lastLine);
  return replaceSpan(doc, at, at, eol + line);
}

/** Set a key of a mapping to a value: replace the value when the key is there, else insert it. */
export function setValue(
  doc: ParsedDocument,
  map: YAMLMap,
  key: string,
  value: string,
  pair: Pair | undefined,
  after?: Pair | 'start',
): TextEdit {
  if (!pair) return insertPair(doc, map, key, value, after);
  const v = pair.value as Node | null;
  if (v && !isNull(v) && v.range) return replaceNode(doc, v, value);
  // "key:" with nothing after it: write the value after the colon.
  const keyEnd = (pair.key as Node).range![1];
  const colon = doc.text.indexOf(':', keyEnd);
  const at = colon === -1 ? keyEnd : colon + 1;
  return replaceSpan(doc, at, at, ` ${value}`);
}
