import { isMap, isPair, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ParsedDocument } from './parse';

/**
 * Shortcuts for the line walks of locate.ts through a long document. Walking
 * up or down for the line that holds a mapping, or for the keys beside one,
 * passes over every line of the block collections in between: thousands in a
 * connector with a long address-space list. The parse says where each block
 * collection starts and ends, so the walks can step over them at once.
 *
 * Only for a document that parsed without error, where YAML guarantees what
 * the walks would have found line by line: every line inside a block
 * collection at a column stands right of it, but a list's dashes (which may
 * stand at their key's column), comments and blank lines; none of these
 * holds or ends a mapping at that column. Short documents are walked line by
 * line: it is quick.
 */

/** Documents with fewer lines are walked line by line. */
export const JUMP_FROM_LINES = 256;

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

/** The block collections (outermost first) holding an offset, with the item of each that holds it. */
function collectionsAt(doc: ParsedDocument, offset: number): { node: Collection; item: number }[] {
  const out: { node: Collection; item: number }[] = [];
  if (doc.errors.length > 0 || doc.lines.lineCount < JUMP_FROM_LINES) return out;
  let node: unknown = doc.yaml?.contents;
  while ((isMap(node) || isSeq(node)) && !node.flow) {
    const items = node.items as unknown[];
    // The last item starting at or before the offset, then whether it reaches it.
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((itemStart(items[mid]) ?? Infinity) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const item = items[lo];
    const start = itemStart(item);
    const end = itemEnd(item);
    if (start === undefined || end === undefined || start > offset || offset >= end) break;
    out.push({ node, item: lo });
    node = isMap(node) ? (item as { value?: unknown }).value : item;
  }
  return out;
}

function itemStart(item: unknown): number | undefined {
  const n = (isPair(item) ? item.key : item) as Node | null | undefined;
  return n?.range?.[0];
}

function itemEnd(item: unknown): number | undefined {
  if (isPair(item)) return ((item.value ?? item.key) as Node | null)?.range?.[1];
  return (item as Node | null)?.range?.[1];
}

const lineOf = (doc: ParsedDocument, offset: number) => doc.lines.position(offset).line;
const columnOf = (doc: ParsedDocument, offset: number) => doc.lines.position(offset).character;

/** Offset of a line's first character that is not a space, or undefined on a blank line. */
function contentStart(doc: ParsedDocument, line: number): number | undefined {
  const text = doc.lines.text;
  const end = doc.lines.lineEnd(line);
  let i = doc.lines.starts[line];
  while (i < end && text.charCodeAt(i) === 32) i++;
  return i < end ? i : undefined;
}

/**
 * The outermost block collection at `column` holding a line, and the part of
 * it that holds the line: for a mapping, the pair whose value holds it (from
 * its key's line to its value's end); for a list, the whole list. Every line
 * of that part after its first stands right of the column, or is a dash,
 * comment or blank line.
 */
function blockAt(doc: ParsedDocument, line: number, column: number): { first: number; last: number } | undefined {
  const at = contentStart(doc, line);
  if (at === undefined) return undefined;
  for (const { node, item } of collectionsAt(doc, at)) {
    const start = isMap(node) ? itemStart(node.items[item]) : node.range?.[0];
    const end = isMap(node) ? itemEnd(node.items[item]) : node.range?.[1];
    if (start === undefined || end === undefined || columnOf(doc, start) !== column) continue;
    return { first: lineOf(doc, start), last: lineOf(doc, Math.max(start, end - 1)) };
  }
  return undefined;
}

/** Walking up from a line at or right of `column`: the first line of its block at that column, when above it. */
export function blockAbove(doc: ParsedDocument, line: number, column: number): number | undefined {
  const b = blockAt(doc, line, column);
  return b && b.first < line ? b.first : undefined;
}

/** Walking down from a line right of `column`: the last line of its block at that column, when below it. */
export function blockBelow(doc: ParsedDocument, line: number, column: number): number | undefined {
  const b = blockAt(doc, line, column);
  return b && b.last > line ? b.last : undefined;
}
