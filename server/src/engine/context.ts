import type { Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/parse';
import type { KindName } from '../model/catalog';
import { firstContentLine, keyRange, nodeRange } from '../model/access';
import { CODES, type Code } from '../rules/codes';
import { entrySlot, perEntry, type EntrySlot } from '../model/entryMemo';
import type { Finding, Fix, Related } from './types';
import { moveFinding, rangesOf } from './moveFinding';

/** What a rule reported on one list entry, kept per entry on a large document's long list. */
export type EntryFindings = EntrySlot<Finding[]>;

/** A rule's own slot for what it reports per list entry (`DocContext.eachEntry`). */
export function entryFindings(): EntryFindings {
  return entrySlot(
    (list, lines) => (list.length ? list.map((f) => moveFinding(f, lines)) : list),
    (list) => list.flatMap((f) => [...rangesOf(f)]),
  );
}

/** What a single-document rule sees: one parsed document of a known kind, and a way to report. */
export class DocContext {
  readonly findings: Finding[] = [];

  constructor(
    readonly doc: ParsedDocument,
    readonly root: YAMLMap,
    readonly kind: KindName,
  ) {}

  report(code: Code, range: Range, message: string, extra?: { fixes?: Fix[]; related?: Related[] }): void {
    this.findings.push({
      code,
      severity: CODES[code].severity,
      range,
      message,
      fixes: extra?.fixes ?? [],
      ...(extra?.related?.length ? { related: extra.related } : {}),
    });
  }

  /**
   * Checks each item of a list, in order. What `check` reports on an item may
   * read the item and the document around the list, never another item: on a
   * large document's long list an item unchanged since an earlier version
   * reports what it reported then, moved to its line, without being checked.
   */
  eachEntry(seq: YAMLSeq, slot: EntryFindings, check: (item: unknown, index: number) => void): void {
    const reported = perEntry(this.doc, seq, slot, (item, index) => {
      const before = this.findings.length;
      check(item, index);
      return before === this.findings.length ? NONE : this.findings.splice(before);
    });
    for (const list of reported) for (const f of list) this.findings.push(f);
  }

  range(node: { range?: [number, number, number] | null } | null | undefined): Range {
    return nodeRange(this.doc, node);
  }

  keyRange(pair: Pair): Range {
    return keyRange(this.doc, pair);
  }

  /** Where a fault of the whole document goes when it has no `kind` key. */
  firstLineRange(): Range {
    return firstContentLine(this.doc);
  }
}

const NONE: Finding[] = [];

/** A rule over one document: it reads the document and reports; its quick fixes are built beside it. */
export interface DocumentRule {
  /** The kinds it applies to. */
  kinds: readonly KindName[];
  check(ctx: DocContext): void;
}
