import type { TextEdit } from 'vscode-languageserver-types';
import { ParsedFile, type FileDocument } from '../model/parse';
import { comparePositions, shiftRange } from '../model/text';
import { CODES, type Severity } from '../rules/codes';
import { checkDocument } from './checkDocument';
import { isSuppressed, suppressionsOf } from './suppress';
import type { Finding, Fix, RuleSettings } from './types';

export interface CheckOptions {
  /** Severity per code; `off` silences it. */
  rules?: RuleSettings;
}

/**
 * The set of connector files the engine knows, by URI (or path: any string
 * that names a file uniquely). Pure: text in, findings out; no file system.
 * Setting a file's text re-parses only the YAML documents whose text changed.
 */
export class Workspace {
  private readonly files = new Map<string, ParsedFile>();

  setFile(uri: string, text: string): ParsedFile {
    const prev = this.files.get(uri);
    if (prev && prev.text === text) return prev;
    const file = new ParsedFile(text, prev);
    this.files.set(uri, file);
    return file;
  }

  removeFile(uri: string): boolean {
    return this.files.delete(uri);
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
    for (const fd of file.documents) {
      const sup = suppressionsOf(fd.doc);
      for (const f of this.documentFindings(uri, fd)) {
        if (isSuppressed(sup, f)) continue;
        const severity = effectiveSeverity(f.code, f.severity, options.rules);
        if (severity === 'off') continue;
        out.push(toFileCoordinates({ ...f, severity }, fd.line, uri));
      }
    }
    out.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
    return out;
  }

  /** Findings of one YAML document, document-local. The workspace rules join the single-document ones here. */
  protected documentFindings(_uri: string, fd: FileDocument): readonly Finding[] {
    return checkDocument(fd.doc);
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
function toFileCoordinates(f: Finding, line: number, _uri: string): Finding {
  if (line === 0) return f;
  return {
    ...f,
    range: shiftRange(f.range, line),
    related: f.related?.map((r) => (r.uri ? r : { ...r, range: shiftRange(r.range, line) })),
    fixes: f.fixes.map((fix): Fix => ({ ...fix, edits: shiftEdits(fix.edits, line) })),
  };
}

export { CODES };
