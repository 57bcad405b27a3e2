import type { Range } from 'vscode-languageserver-types';
import { CODES, type Code } from '../codes';
import type { Fix } from '../../engine/types';
import { pathTo, type DocEntry, type WorkspaceIndex, type WsFinding } from '../../workspace/index';
import type { DocumentModel } from '../../model/extract';

/** Related information in a workspace finding: a place in any document of the workspace. */
export interface WsRelated {
  entry: DocEntry;
  range: Range;
  message: string;
}

/** What a workspace rule sees: one document with its model, the whole index, and a way to report. */
export class WsContext<M extends DocumentModel = DocumentModel> {
  readonly findings: WsFinding[] = [];

  constructor(
    readonly index: WorkspaceIndex,
    readonly entry: DocEntry & { model: M },
  ) {}

  get model(): M {
    return this.entry.model;
  }

  get doc() {
    return this.entry.doc;
  }

  get uri() {
    return this.entry.uri;
  }

  /** Does a file by this URI or path exist in the workspace? Fixes that create files never overwrite one. */
  exists(uri: string): boolean {
    return this.index.hasFile(uri);
  }

  report(code: Code, range: Range, message: string, extra?: { fixes?: Fix[]; related?: WsRelated[] }): void {
    const related = extra?.related ?? [];
    this.findings.push({
      code,
      severity: CODES[code].severity,
      range,
      message,
      fixes: extra?.fixes ?? [],
      ...(related.length
        ? {
            related: related.map((r) => ({ uri: r.entry.uri, range: r.range, message: r.message })),
            relatedIn: related.map((r) => r.entry),
            relatedPath: related.map((r) => pathTo(r.entry.model, r.range)),
          }
        : {}),
    });
  }
}

export interface WorkspaceRule<M extends DocumentModel = DocumentModel> {
  /** The kind, or kinds, of document it checks. */
  kind: M['kind'] | readonly M['kind'][];
  /**
   * The dependency keys (workspace/keys.ts) of everything `check` reads of
   * other documents for this model: when a document providing one changes,
   * this document is checked again. A read left out leaves findings stale;
   * the equivalence test (test/unit/workspace-equivalence.test.ts) finds it.
   */
  reads(model: M): string[];
  check(ctx: WsContext<M>): void;
}
