import type { YAMLSeq } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';

/**
 * What is worked out from one entry of a large document's long list (its
 * part of the model, what the rules say of it), kept from one version of the
 * document to the next, so that an edit costs the entries it touched and not
 * the whole list.
 *
 * An edit inside the long list re-parses only the entries it touched
 * (longList.ts): the list keeps every other entry's node, unchanged but for
 * its offsets, and what was kept with it. Any other edit parses the document
 * whole, with new nodes and nothing kept. So while an entry is kept, its
 * text is the same, and so is everything of the document outside the list:
 * a result kept with it holds, moved to the entry's new line. A result may
 * read the entry and the document around the list, never another entry.
 */
export interface EntrySlot<T> {
  /** The result moved down by `lines` (up when negative): the entry moved, its text did not. */
  move(value: T, lines: number): T;
  /** Every range the result holds; a result that points outside its entry's lines is not kept. */
  ranges(value: T): Iterable<Range>;
  /** Where an entry keeps this slot's result (`EntryKept`). */
  readonly id: number;
}

/** An entry's results by slot: each computed or moved for the entry standing at `line`. */
export type EntryKept = ({ line: number; value: unknown } | undefined)[] | undefined;

let slots = 0;

/** A kind of result kept per entry; each user has its own (a module constant). */
export function entrySlot<T>(move: EntrySlot<T>['move'], ranges: EntrySlot<T>['ranges']): EntrySlot<T> {
  return { move, ranges, id: slots++ };
}

/** A slot for results that hold no position (values and nodes only). */
export function valueSlot<T>(): EntrySlot<T> {
  return entrySlot(
    (v) => v,
    () => [],
  );
}

/** How many entry results were computed rather than kept (tests read it to prove that an edit works in proportion). */
export const entryWork = { computed: 0 };

/**
 * `compute` for each item of `seq`, in order. On the document's long list an
 * item whose result is kept gives that (moved to its line) instead; on any
 * other list every item is computed.
 */
export function perEntry<T>(
  doc: ParsedDocument,
  seq: YAMLSeq | undefined,
  slot: EntrySlot<T>,
  compute: (item: unknown, index: number) => T,
): T[] {
  if (!seq) return [];
  const items = seq.items;
  const list = doc.longList;
  if (list?.seq !== seq) return items.map(compute);
  const out: T[] = new Array<T>(items.length);
  for (let i = 0; i < items.length; i++) {
    const line = list.lines[i];
    const kept = list.kept[i]?.[slot.id];
    if (kept) {
      if (kept.line === line) out[i] = kept.value as T;
      else {
        const value = slot.move(kept.value as T, line - kept.line);
        list.kept[i]![slot.id] = { line, value };
        out[i] = value;
      }
      continue;
    }
    entryWork.computed++;
    const value = compute(items[i], i);
    if (within(doc, items[i], line, slot.ranges(value))) (list.kept[i] ??= [])[slot.id] = { line, value };
    out[i] = value;
  }
  return out;
}

/** Do the ranges lie on the entry's lines? */
function within(doc: ParsedDocument, item: unknown, first: number, ranges: Iterable<Range>): boolean {
  let last: number | undefined;
  for (const r of ranges) {
    last ??= doc.lines.position((item as { range?: number[] } | null)?.range?.[2] ?? 0).line;
    if (r.start.line < first || r.end.line > last) return false;
  }
  return true;
}
