import type { TextEdit } from 'vscode-languageserver-types';
import { ParsedFile, type FileDocument } from '../model/parse';
import { comparePositions, shiftRange } from '../model/text';
import type { Severity } from '../rules/codes';
import { checkDocument, reportRuleError } from './checkDocument';
import { WorkspaceIndex, type DocEntry } from '../workspace/index';
import { checkWorkspaceRules } from '../rules/workspace/index';
import { addFqdnFixes } from '../rules/workspace/fqdnFixes';
import { isSuppressed, suppressionsOf } from './suppress';
import type { Finding, Fix, RuleSettings } from './types';

export interface CheckOptions {
  /** Severity per code; `off` silences it. */
  rules?: RuleSettings;
}

/**
 * The set of connector files the engine knows, by URI (or path: any string
 * that names a file uniquely). Pure: text in, findings out; no file system.
 * Setting a file's text re-parses only the YAML documents whose text changed,
 * re-reads only those into the workspace index, and marks for checking again
 * only the documents whose workspace findings may depend on them.
 */
export class Workspace {
  private readonly files = new Map<string, ParsedFile>();
  /** Routing groups, servers, connectors and the organization, across every file. */
  readonly index = new WorkspaceIndex();
  /** URIs whose findings may have changed since takeAffected() was last called. */
  private readonly pending = new Set<string>();
  /** URIs whose findings the last setFile or removeFile may have changed (the file itself included). */
  lastAffected: ReadonlySet<string> = new Set();

  setFile(uri: string, text: string): ParsedFile {
    const prev = this.files.get(uri);
    if (prev && prev.text === text) {
      this.lastAffected = new Set();
      return prev;
    }
    const file = new ParsedFile(text, prev);
    this.files.set(uri, file);
    this.record(uri, this.index.update(uri, file).affected);
    return file;
  }

  removeFile(uri: string): boolean {
    const had = this.files.delete(uri);
    if (had) this.record(uri, this.index.update(uri, undefined).affected);
    else this.lastAffected = new Set();
    return had;
  }

  /** The URIs whose findings may have changed since the last call (to re-publish only those), and forgets them. */
  takeAffected(): string[] {
    const out = [...this.pending];
    this.pending.clear();
    return out;
  }

  private record(uri: string, affected: Set<DocEntry>): void {
    const uris = new Set<string>([uri]);
    for (const e of affected) uris.add(e.uri);
    this.lastAffected = uris;
    for (const u of uris) this.pending.add(u);
  }

  file(uri: string): ParsedFile | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  /** Every finding of one file, in file coordinates, ignore comments and settings applied, sorted by position. */
  findings(uri: string, options: CheckOptions = {}): Finding[] {
    const file = this.files.get(uri);
    if (!file) return [];
    const out: Finding[] = [];
    const entries = this.index.entries(uri);
    file.documents.forEach((fd, i) => {
      const sup = suppressionsOf(fd.doc);
      for (const f of this.documentFindings(uri, fd, entries[i])) {
        if (isSuppressed(sup, f)) continue;
        const severity = effectiveSeverity(f.code, f.severity, options.rules);
        if (severity === 'off') continue;
        out.push(toFileCoordinates({ ...f, severity }, fd.line));
      }
    });
    out.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
    return out;
  }

  /**
   * Findings of one YAML document, document-local: the single-document ones
   * (cached per text) with the fixes only the workspace can give, and the
   * workspace rules' (cached per document until a document they read changes).
   * Related information into other documents carries their URI and file lines.
   */
  protected documentFindings(uri: string, fd: FileDocument, known?: DocEntry): readonly Finding[] {
    const local = checkDocument(fd.doc);
    const entry = known?.doc === fd.doc ? known : this.index.entries(uri).find((e) => e.doc === fd.doc && e.line === fd.line);
    if (!entry) return local;
    if (!entry.cached) {
      this.index.checks++;
      const own = entry.model?.kind === 'SmtpConnector' ? addFqdnFixes(this.index, fd.doc, entry.model, local) : local;
      entry.cached = [...own, ...checkWorkspaceRules(this.index, entry, reportRuleError)];
    }
    return entry.cached.map(({ relatedIn, ...f }): Finding =>
      relatedIn
        ? { ...f, related: f.related!.map((r, i) => (relatedIn[i] ? { ...r, range: shiftRange(r.range, relatedIn[i]!.line) } : r)) }
        : f,
    );
  }
}

export function effectiveSeverity(code: string, dflt: Severity, rules: RuleSettings | undefined): Severity | 'off' {
  const s = rules?.[code];
  return s === 'off' || s === 'error' || s === 'warning' || s === 'information' || s === 'hint' ? s : dflt;
}

function shiftEdits(edits: TextEdit[], lines: number): TextEdit[] {
  return lines === 0 ? edits : edits.map((e) => ({ range: shiftRange(e.range, lines), newText: e.newText }));
}

/** Moves a document-local finding (and its fixes' edits of the same document) to file lines. */
function toFileCoordinates(f: Finding, line: number): Finding {
  if (line === 0) return f;
  return {
    ...f,
    range: shiftRange(f.range, line),
    related: f.related?.map((r) => (r.uri ? r : { ...r, range: shiftRange(r.range, line) })),
    fixes: f.fixes.map((fix): Fix => ({ ...fix, edits: shiftEdits(fix.edits, line) })),
  };
}
