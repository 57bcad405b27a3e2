import { parseDocument, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type ParsedNode, type YAMLSeq } from 'yaml';
import { MAX_NESTING, nestingOverflow } from './depth';
import { hasLoneCr, type LineIndex } from './text';
import { walkNodes } from './walk';
import type { EntryKept } from './entryMemo';

/**
 * A large YAML document is mostly one long list (a connector with thousands
 * of address spaces): an edit inside one entry re-parses that entry alone
 * and splices it into the previous parse, instead of parsing megabytes again.
 *
 * It is only done where the result is the one a parse of the whole text
 * gives: the previous parse had no error, no anchor and no alias; the
 * entries re-parsed start on lines whose `-` stands at the list's column, as
 * does the unchanged entry after them; and the re-parsed text, a document of
 * its own, is a block list of entries at that column without error, anchor
 * or alias. A block list's entry cannot reach past the next `-` at the list's
 * column, so each entry reads the same on its own as in the whole document.
 * Anything else is parsed whole.
 */

/** Documents shorter than this are parsed whole: it is quick. */
export const LONG_DOCUMENT_CHARS = 32 * 1024;
/** A list is worth splitting from this many entries. */
const MIN_ENTRIES = 32;

/** The long list of a parsed document, and where each of its entries starts. */
export interface LongList {
  seq: YAMLSeq<ParsedNode>;
  /** Column of the list's `-` indicators. */
  column: number;
  /** Offset of the line start of each entry's `-` line, in document order. */
  starts: number[];
  /** The line of each entry's `-`. */
  lines: number[];
  /** What was worked out from each entry (entryMemo.ts): kept while the entry is, nothing for a re-parsed one. */
  kept: EntryKept[];
  /** Collections around the list (for the nesting limit). */
  depth: number;
}

/** Parse options: the same for a whole document and for a run of entries. */
export const PARSE_OPTIONS = {
  uniqueKeys: false, // duplicate keys are reported as duplicate-key, not as a syntax error
  // Aliases are never expanded (toJS is not called), so an alias bomb costs nothing.
  prettyErrors: false,
} as const;

/** The longest block list of a whole-parsed document without errors, anchors or aliases, when it is long enough. */
export function findLongList(text: string, lines: LineIndex, root: Node | null): LongList | undefined {
  // Lone carriage returns break lines for LSP, not for YAML: the entries' lines would not be YAML's.
  if (text.length < LONG_DOCUMENT_CHARS || hasLoneCr(text)) return undefined;
  let best: { seq: YAMLSeq<ParsedNode>; depth: number } | undefined;
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (node == null) continue;
    if (isPair(node)) {
      stack.push({ node: node.key, depth }, { node: node.value, depth });
      continue;
    }
    if (isAlias(node) || (node as Node).anchor) return undefined;
    if (isMap(node) || isSeq(node)) {
      if (isSeq(node) && !node.flow && node.items.length >= MIN_ENTRIES && node.items.length > (best?.seq.items.length ?? 0))
        best = { seq: node as YAMLSeq<ParsedNode>, depth };
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  if (!best?.seq.range) return undefined;
  const column = lines.position(best.seq.range[0]).character;
  const starts: number[] = [];
  const entryLines: number[] = [];
  for (const item of best.seq.items) {
    const at = dashLine(text, lines, item, column);
    if (at === undefined) return undefined;
    starts.push(at.start);
    entryLines.push(at.line);
  }
  return { seq: best.seq, column, starts, depth: best.depth, lines: entryLines, kept: new Array<EntryKept>(starts.length) };
}

/** The line (and its start) of an entry whose `-` stands at `column` of its first line, after spaces only. */
function dashLine(text: string, lines: LineIndex, item: unknown, column: number): { line: number; start: number } | undefined {
  const range = (item as Node | null)?.range;
  if (!range) return undefined;
  const { line } = lines.position(range[0]);
  const start = lines.starts[line];
  if (text.charCodeAt(start + column) !== 45 /* - */) return undefined;
  for (let i = start; i < start + column; i++) if (text.charCodeAt(i) !== 32) return undefined;
  return { line, start };
}

/**
 * The previous parse brought to the new text by re-parsing only the entries
 * of its long list that the change touched, or undefined when that is not
 * sure to give what a whole parse gives. `start`..`end` is where the new
 * text differs from the old (document offsets in the new text), `delta` how
 * much longer the new text is. The previous parse's nodes are taken over and
 * moved: it must not be used afterwards.
 */
export function reparseEntries(
  previous: { text: string; yaml: Document.Parsed<ParsedNode>; list: LongList },
  text: string,
  lines: LineIndex,
  change: { start: number; end: number; delta: number },
): LongList | undefined {
  const { list } = previous;
  const { starts, column } = list;
  const oldEnd = change.end - change.delta;
  // The entries from `i` (starting at or before the change) up to `j` (the first entry after it, unchanged).
  // (An insertion at an entry's line start goes before that entry: it is re-parsed with it.)
  const i = upperBound(starts, change.start) - 1;
  const j = lowerBound(starts, oldEnd === change.start ? oldEnd + 1 : oldEnd);
  if (i < 0 || j >= starts.length || j <= i) return undefined;
  const from = starts[i];
  const to = starts[j] + change.delta;
  // The entry after the change must still start a line.
  if (to > text.length || to <= from || text.charCodeAt(to - 1) !== 10) return undefined;
  const chunk = text.slice(from, to);
  if (hasLoneCr(chunk)) return undefined;
  if (nestingOverflow(chunk, MAX_NESTING - list.depth - 1) >= 0) return undefined;
  let parsed: Document.Parsed<ParsedNode>;
  try {
    parsed = parseDocument(chunk, PARSE_OPTIONS) as Document.Parsed<ParsedNode>;
  } catch {
    return undefined;
  }
  const seq = parsed.contents;
  if (parsed.errors.length || !isSeq(seq) || seq.flow || seq.items.length === 0) return undefined;
  if (!movable(seq, from)) return undefined;
  const entryStarts: number[] = [];
  const entryLines: number[] = [];
  for (const item of seq.items) {
    const at = dashLine(text, lines, item, column);
    if (at === undefined) return undefined;
    entryStarts.push(at.start);
    entryLines.push(at.line);
  }
  if (entryStarts[0] !== from) return undefined;
  // Sure now: the nodes after the change move by delta, and the new entries replace the old.
  shiftAfter(previous.yaml, starts[j], change.delta);
  const items = seq.items as ParsedNode[];
  list.seq.items.splice(i, j - i, ...items);
  const moved = starts.slice(j).map((s) => s + change.delta);
  // The entry after the change starts the line after the re-parsed ones end.
  const lineDelta = lines.position(to).line - list.lines[j];
  return {
    seq: list.seq,
    column,
    depth: list.depth,
    starts: [...starts.slice(0, i), ...entryStarts, ...moved],
    lines: [...list.lines.slice(0, i), ...entryLines, ...list.lines.slice(j).map((l) => l + lineDelta)],
    kept: [...list.kept.slice(0, i), ...new Array<EntryKept>(items.length), ...list.kept.slice(j)],
  };
}

/** Moves a parsed run of entries to offset `by` of the document; false when it holds an anchor or an alias. */
function movable(root: Node, by: number): boolean {
  return walkNodes(root, (n) => {
    if (isAlias(n) || n.anchor) return 'stop';
    if (n.range) n.range = [n.range[0] + by, n.range[1] + by, n.range[2] + by];
    if (!isMap(n) && !isSeq(n) && !isScalar(n)) return 'stop';
  });
}

/**
 * Adds `delta` to every offset at or after `from` in the document (nodes wholly
 * before it are skipped). The range arrays are changed in place: each node has
 * its own, and new ones for every node after an edit in the middle of a large
 * list would be tens of thousands of allocations per keystroke, all kept.
 */
function shiftAfter(doc: Document.Parsed<ParsedNode>, from: number, delta: number): void {
  if (delta === 0) return;
  const shift = (r: [number, number, number]) => {
    if (r[0] >= from) r[0] += delta;
    if (r[1] >= from) r[1] += delta;
    if (r[2] >= from) r[2] += delta;
  };
  if (doc.range) shift(doc.range);
  walkNodes(doc.contents, (n) => {
    if (!n.range || n.range[2] < from) return 'skip';
    shift(n.range);
  });
}

/** The number of sorted values at or below `x`. */
function upperBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The number of sorted values below `x`. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
