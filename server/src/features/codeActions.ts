import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Workspace, CheckOptions } from '../engine/workspace';
import type { Finding, Fix } from '../engine/types';
import { pickFixes, MAX_FIX_PASSES } from '../engine/fixAll';
import { applyEdits } from '../engine/applyEdits';
import { LineIndex, comparePositions } from '../model/text';
import type { Caps } from './caps';
import { toDiagnostic } from './diagnostics';
import { baseName, freeFileName } from '../workspace/paths';

export const FIX_ALL_KIND = 'source.fixAll.exconn';

/** The command of a fix that creates a file: the editor runs it after the edit, and the server shows the file (lsp/showCreated.ts). */
export const SHOW_CREATED_FILE = 'exconn.showCreatedFile';

export interface CodeActionRequest {
  uri: string;
  range: Range;
  /** The diagnostics the client sends in the context; quick fixes attach to them. */
  diagnostics: Diagnostic[];
  only?: string[];
  /** The open document's version, for versioned edits. */
  version?: number | null;
  /**
   * Answer the quick fixes from the quick findings (a large file whose
   * workspace findings are pending): no workspace rule runs for them, as no
   * hover does. A fix-all works out every finding all the same.
   */
  quick?: boolean;
}

/** Does something exist by this URI where the engine cannot see (on disk)? The server answers; the engine never asks the file system. */
export type ExistsOutside = (uri: string) => boolean;

/**
 * Quick fixes of the findings in range, the preferred one marked, and the
 * fix-all source action. A fix that creates a file whose name is taken (in the
 * workspace or, as `exists` says, on disk) creates `-2`, `-3`… instead.
 */
export function codeActions(
  ws: Workspace,
  req: CodeActionRequest,
  options: CheckOptions,
  caps: Caps,
  exists: ExistsOutside = () => false,
): CodeAction[] {
  const file = ws.file(req.uri);
  if (!file) return [];
  const wants = (kind: string) => !req.only || req.only.some((o) => kind === o || kind.startsWith(o + '.'));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    // Only the documents at the place: a large file's findings in full were seconds at 5,000 connectors just opened.
    const findings = ws.findingsAt(req.uri, req.range.start.line, req.range.end.line, options, req.quick);
    for (const f of findings) {
      if (!intersects(f.range, req.range)) continue;
      const diag = req.diagnostics.find((d) => d.code === f.code && sameRange(d.range, f.range)) ?? toDiagnostic(f, req.uri, caps);
      for (const found of f.fixes) {
        const fix = withFreeNames(found, (u) => ws.file(u) !== undefined || exists(u));
        if (!fix) continue;
        const edit = fixEdit(req.uri, fix, req.version, caps);
        if (!edit) continue;
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diag],
          ...(fix.preferred ? { isPreferred: true } : {}),
          edit,
          ...(fix.create?.length
            ? { command: { title: 'Show the new file', command: SHOW_CREATED_FILE, arguments: [fix.create[0].uri] } }
            : {}),
        });
      }
    }
  }
  if (req.only && wants(FIX_ALL_KIND)) {
    const edit = fixAllEdit(ws, req.uri, options);
    if (edit) out.push({ title: 'Fix all safe problems (exconn)', kind: FIX_ALL_KIND, edit: wrap(req.uri, [edit], req.version, caps) });
  }
  return out;
}

function intersects(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

function sameRange(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

function wrap(uri: string, edits: TextEdit[], version: number | null | undefined, caps: Caps): WorkspaceEdit {
  if (caps.documentChanges) return { documentChanges: [{ textDocument: { uri, version: version ?? null }, edits }] };
  return { changes: { [uri]: edits } };
}

/**
 * The fix with each file it creates moved to a free name, its title naming the
 * file it now creates; undefined when no name is free. The engine picked the
 * names from the files it knows; a file may exist that it does not (not a
 * connector file, outside its view, created since).
 */
function withFreeNames(fix: Fix, taken: (uri: string) => boolean): Fix | undefined {
  if (!fix.create?.length) return fix;
  let title = fix.title;
  const create = [];
  for (const c of fix.create) {
    const uri = freeFileName(c.uri, taken);
    if (!uri) return undefined;
    if (uri !== c.uri) title = title.split(baseName(c.uri)).join(baseName(uri));
    create.push({ ...c, uri });
  }
  return { ...fix, title, create };
}

/** A fix as a workspace edit; undefined when it creates files and the client cannot. */
export function fixEdit(uri: string, fix: Fix, version: number | null | undefined, caps: Caps): WorkspaceEdit | undefined {
  const creates = fix.create ?? [];
  if (creates.length && !caps.createFiles) return undefined;
  if (!caps.documentChanges) {
    const changes: Record<string, TextEdit[]> = {};
    if (fix.edits.length) changes[uri] = fix.edits;
    for (const o of fix.otherEdits ?? []) changes[o.uri] = [...(changes[o.uri] ?? []), ...o.edits];
    return { changes };
  }
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const c of creates) {
    // Should the file appear before the edit is applied, the client refuses the whole edit: the text is never inserted into it.
    documentChanges.push({ kind: 'create', uri: c.uri, options: { overwrite: false, ignoreIfExists: false } });
    documentChanges.push({
      textDocument: { uri: c.uri, version: null },
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: c.text }],
    });
  }
  if (fix.edits.length) documentChanges.push({ textDocument: { uri, version: version ?? null }, edits: fix.edits });
  for (const o of fix.otherEdits ?? []) documentChanges.push({ textDocument: { uri: o.uri, version: null }, edits: o.edits });
  return { documentChanges };
}

/**
 * Every preferred fix of the file, applied in passes as `--fix` does, as one
 * edit over the span that changed (so the rest of the text, and the editor's
 * markers in it, stay put). The workspace keeps the file's text.
 */
export function fixAllEdit(ws: Workspace, uri: string, options: CheckOptions): TextEdit | undefined {
  const original = ws.file(uri)?.text;
  if (original === undefined) return undefined;
  let text = original;
  try {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixes = pickFixes(text, ws.findings(uri, options));
      if (fixes.length === 0) break;
      text = applyEdits(
        text,
        fixes.flatMap((f) => f.edits),
      );
      ws.setFile(uri, text);
    }
  } finally {
    ws.setFile(uri, original);
  }
  if (text === original) return undefined;
  return spanEdit(original, text);
}

/** One edit that turns `a` into `b`, over the smallest span that differs. */
export function spanEdit(a: string, b: string): TextEdit {
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let ea = a.length;
  let eb = b.length;
  while (ea > start && eb > start && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) {
    ea--;
    eb--;
  }
  const lines = new LineIndex(a);
  return { range: lines.range(start, ea), newText: b.slice(start, eb) };
}

export type { Finding };
