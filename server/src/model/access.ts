import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';

/** Small readers over the yaml package's nodes; none of them expands aliases beyond one step. */

export type AnyNode = Node | null | undefined;

/** An alias stands for its anchored node: one step only, so an alias bomb costs nothing. */
export function resolve(doc: ParsedDocument, node: unknown): Node | undefined {
  if (node == null) return undefined;
  if (isAlias(node)) {
    // Linked once per parse: the yaml package's own resolve walks the whole document on every call.
    const target = doc.aliasTarget(node);
    return target && !isAlias(target) ? (target as Node) : undefined;
  }
  return node as Node;
}

export function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number' || typeof k.value === 'boolean')) return String(k.value);
  if (k == null) return undefined;
  return undefined;
}

/** Pairs of a mapping whose key is a plain text key. */
export function pairs(map: YAMLMap | undefined): Pair<Scalar, Node | null>[] {
  if (!map) return [];
  return map.items.filter((p): p is Pair<Scalar, Node | null> => isPair(p) && isScalar(p.key));
}

/** The first pair with that key (keys are case-sensitive). */
export function pairOf(map: YAMLMap | undefined, key: string): Pair<Scalar, Node | null> | undefined {
  if (!map) return undefined;
  for (const p of map.items) if (isPair(p) && isScalar(p.key) && String(p.key.value) === key) return p as Pair<Scalar, Node | null>;
  return undefined;
}

export function valueOf(doc: ParsedDocument, map: YAMLMap | undefined, key: string): Node | undefined {
  return resolve(doc, pairOf(map, key)?.value);
}

export function mapOf(doc: ParsedDocument, map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const v = valueOf(doc, map, key);
  return v && isMap(v) ? v : undefined;
}

export function seqOf(doc: ParsedDocument, map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
  const v = valueOf(doc, map, key);
  return v && isSeq(v) ? v : undefined;
}

/** A scalar's value as a string when it is a string scalar. */
export function stringValue(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

export function stringOf(doc: ParsedDocument, map: YAMLMap | undefined, key: string): string | undefined {
  return stringValue(valueOf(doc, map, key));
}

/** Items of a sequence, each resolved. */
export function items(doc: ParsedDocument, seq: YAMLSeq | undefined): Node[] {
  if (!seq) return [];
  const out: Node[] = [];
  for (const it of seq.items) {
    const r = resolve(doc, it);
    if (r) out.push(r);
  }
  return out;
}

/** Range of a node's value (without a trailing comment). */
export function nodeRange(doc: ParsedDocument, node: { range?: [number, number, number] | null } | null | undefined): Range {
  const r = node?.range;
  if (!r) return doc.range(0, 0);
  return doc.range(r[0], trimEnd(doc.text, r[0], r[1]));
}

/** Range of a pair's key. */
export function keyRange(doc: ParsedDocument, pair: Pair): Range {
  return nodeRange(doc, pair.key as Node);
}

/**
 * Offset just past the last non-blank character before end, blank as YAML
 * reads it: space, tab and line breaks. JavaScript's \s also takes NBSP,
 * U+2028, a BOM and more, which YAML keeps as content.
 */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isYamlBlank(text.charCodeAt(e - 1))) e--;
  return e;
}

/** Space, tab, LF, CR: YAML's white space and line breaks. */
export function isYamlBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Is this scalar a number that was written as a number (not a quoted string)? */
export function isNumberScalar(node: unknown): node is Scalar<number> {
  return isScalar(node) && typeof node.value === 'number';
}

export function isNull(node: unknown): boolean {
  return node == null || (isScalar(node) && node.value === null);
}

export function describe(node: unknown): string {
  if (node == null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'nothing';
    if (typeof v === 'number') return 'a number';
    if (typeof v === 'boolean') return 'a boolean';
    if (typeof v === 'string') return 'text';
  }
  if (isAlias(node)) return 'an alias';
  return 'a value of another kind';
}

/** The range of a document's first line with content (not a comment, marker or directive). */
export function firstContentLine(doc: ParsedDocument): Range {
  const lines = doc.lines;
  for (let l = 0; l < lines.lineCount; l++) {
    const t = lines.lineText(l);
    const trimmed = t.trim();
    if (trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith('---') && !trimmed.startsWith('%')) {
      const start = t.length - t.trimStart().length;
      return { start: { line: l, character: start }, end: { line: l, character: t.trimEnd().length } };
    }
  }
  return { start: { line: 0, character: 0 }, end: { line: 0, character: lines.lineText(0).length } };
}
