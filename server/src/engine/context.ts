import type { Pair, YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/parse';
import type { KindName } from '../model/catalog';
import { firstContentLine, keyRange, nodeRange } from '../model/access';
import { CODES, type Code } from '../rules/codes';
import type { Finding, Fix, Related } from './types';

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

/** A rule over one document: it reads the document and reports; its quick fixes are built beside it. */
export interface DocumentRule {
  /** The kinds it applies to. */
  kinds: readonly KindName[];
  check(ctx: DocContext): void;
}
