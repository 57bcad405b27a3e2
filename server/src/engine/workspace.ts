import type { Range } from 'vscode-languageserver-types';
import { ParsedFile, type ChangedWindow, type FileDocument, type SourceText } from '../model/parse';
import { comparePositions, shiftRange } from '../model/text';
import type { Severity } from '../rules/codes';
import { checkDocument, reportRuleError } from './checkDocument';
import { WorkspaceIndex, rangeAt, type DocEntry, type WsFinding } from '../workspace/index';
import { checkWorkspaceRules, workspaceReads } from '../rules/workspace/index';
import { addFqdnFixes } from '../rules/workspace/fqdnFixes';
import { isSuppressed, suppressionsOf } from './suppress';
import type { Finding, RuleSettings } from './types';
import { withoutNoOpFixes } from './noOpFixes';
import { moveFinding } from './moveFinding';

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
/** How many documents of a large file are read into the index at a time (Workspace.readAhead). */
export const READ_PART = 100;

export class Workspace {
  private readonly files = new Map<string, ParsedFile>();
  /** Routing groups, servers, connectors and the organization, across every file. */
  private readonly built = new WorkspaceIndex(workspaceReads);
  /** Files whose latest text the index has not read yet (set with `indexLater`). */
  private readonly unread = new Set<string>();
  /** Of those, files being read a part at a time (readAhead): how many of their first documents the index holds. */
  private readonly partlyRead = new Map<string, number>();
  /** URIs whose findings may have changed since takeAffected() was last called. */
  private readonly pending = new Set<string>();
  /** URIs whose findings the last setFile or removeFile may have changed (the file itself included). */
  lastAffected: ReadonlySet<string> = new Set();

  /** The index of every file, each read at its latest text (a file set with `indexLater` is read now). */
  get index(): WorkspaceIndex {
    for (const uri of this.unread) {
      this.unread.delete(uri);
      this.partlyRead.delete(uri);
      const file = this.files.get(uri);
      // The index holds an older version than the one the file's splice is from: it re-reads by document.
      if (file) this.record(uri, this.built.update(uri, file).affected);
    }
    return this.built;
  }

  /**
   * Sets a file's text. `window`, when the caller knows it (the editor's
   * change ranges), says where the text differs from the file's current
   * text, so that finding the changed documents costs nothing. With
   * `indexLater` the index reads the new text only when it is next used:
   * `quickFindings` (syntax and single-document findings) does not use it,
   * so a large file shows those before its documents are read into the index.
   * The text may come in pieces (a SourceText) with its window: then only the
   * text around the window is read.
   */
  setFile(uri: string, text: string | SourceText, window?: ChangedWindow, indexLater = false): ParsedFile {
    const prev = this.files.get(uri);
    if (prev && typeof text === 'string' && prev.hasText(text)) {
      this.lastAffected = new Set();
      return prev;
    }
    const file = new ParsedFile(text, prev, window);
    this.files.set(uri, file);
    if (indexLater) {
      this.unread.add(uri);
      this.record(uri, new Set());
    } else {
      this.partlyRead.delete(uri);
      const spliced = prev !== undefined && !this.unread.delete(uri);
      this.record(uri, this.index.update(uri, file, spliced).affected);
    }
    return file;
  }

  removeFile(uri: string): boolean {
    this.unread.delete(uri);
    this.partlyRead.delete(uri);
    const had = this.files.delete(uri);
    if (had) this.record(uri, this.index.update(uri, undefined).affected);
    else this.lastAffected = new Set();
    return had;
  }

  /** The URIs whose findings may have changed since the last call (to re-publish only those), and forgets them. */
  takeAffected(): string[] {
    void this.index; // files not read yet are read now: who they affect is known then
    const out = [...this.pending];
    this.pending.clear();
    return out;
  }

  private record(uri: string, affected: Set<string>): void {
    const uris = new Set<string>([uri, ...affected]);
    this.lastAffected = uris;
    for (const u of uris) this.pending.add(u);
  }

  file(uri: string): ParsedFile | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  /**
   * Every finding of one file, in file coordinates, ignore comments and
   * settings applied, sorted by position. Each document's list is kept
   * (document-local, sorted) until its text, its workspace findings or the
   * settings change; the file's list is those lists joined in document
   * order, each moved to its document's current line.
   */
  findings(uri: string, options: CheckOptions = {}): Finding[] {
    return this.collect(uri, options, false);
  }

  /**
   * Does a document of the file wait for its workspace findings (its text,
   * or a document it reads, changed since they were computed)? `findings`
   * computes them; `quickFindings` does not.
   */
  /**
   * For a file not read into the index yet (set with `indexLater`), works
   * out for up to `budget` documents from `from` on what reading them into
   * the index needs (WorkspaceIndex.warm). A file the index has never held
   * (a large file just opened) is read into it a part at a time as well
   * (READ_PART documents), so that no step holds the thread for the whole
   * file; reading the rest at the end is short. Returns where to go on, or
   * -1 when the file is read (or was read already).
   */
  readAhead(uri: string, budget: number, from = 0): number {
    const file = this.files.get(uri);
    if (!file || !this.unread.has(uri)) return -1;
    const docs = file.documents;
    let i = from;
    for (; i < docs.length && budget > 0; i++, budget--) this.built.warm(docs[i].doc);
    if (i < docs.length) {
      const linked = this.partlyRead.get(uri) ?? (this.built.hasFile(uri) ? undefined : 0);
      if (linked !== undefined && i - linked >= READ_PART) {
        this.record(uri, this.built.update(uri, file, false, i).affected);
        this.partlyRead.set(uri, i);
      }
      return i;
    }
    void this.index;
    return -1;
  }

  /** Files set with `indexLater` that the index has not read yet. */
  unreadFiles(): string[] {
    return [...this.unread];
  }

  workspacePending(uri: string): boolean {
    return this.unread.has(uri) || this.built.entries(uri).some((e) => e.cached === undefined);
  }

  /**
   * The file's findings without running a workspace rule: a document whose
   * workspace findings are pending gives its syntax and single-document
   * findings, and keeps its previous workspace findings if its own text did
   * not change (a document it reads did); every other document its full list.
   * What a large file shows first, before `findings` has the rest.
   */
  quickFindings(uri: string, options: CheckOptions = {}): Finding[] {
    return this.collect(uri, options, true);
  }

  /**
   * The findings of the documents of a file that overlap lines `from` to
   * `to`, in file coordinates, in order: what the quick fixes at a place
   * need, without working out the rest of the file. With `quick`, as
   * `quickFindings` gives them: no workspace rule runs, and a file not read
   * into the index is not read.
   */
  findingsAt(uri: string, from: number, to: number, options: CheckOptions = {}, quick = false): Finding[] {
    const file = this.files.get(uri);
    if (!file) return [];
    const out: Finding[] = [];
    const entries = (quick ? this.built : this.index).entries(uri);
    const docs = file.documents;
    for (let i = 0; i < docs.length && docs[i].line <= to; i++) {
      if (i + 1 < docs.length && docs[i + 1].line < from) continue;
      this.placeDocument(out, uri, docs[i], entries[i], options, quick);
    }
    return out;
  }

  /**
   * The findings of one YAML document of a file (the `index`-th), as
   * `quickFindings` gives them, in file coordinates: what a hover on a name
   * defined there lists, without walking the file's other documents or
   * running a pending workspace check.
   */
  quickDocumentFindings(uri: string, index: number, options: CheckOptions = {}): Finding[] {
    const fd = this.files.get(uri)?.documents[index];
    if (!fd) return [];
    const entry = this.built.entries(uri)[index];
    const list = this.documentResult(uri, fd, entry, options, true);
    return [...placed(list, fd.line, entry?.doc === fd.doc ? entry : undefined)];
  }

  /**
   * Computes the workspace findings of at most `budget` documents of a file
   * that wait for them, from the `from`-th document on, and returns where to
   * go on from (-1: no document after `from` waits any more). A caller that
   * yields between calls lets requests and newer edits through while a large
   * file's workspace findings are worked out; what is done stays done.
   */
  prepare(uri: string, budget: number, from = 0): number {
    const file = this.files.get(uri);
    if (!file) return -1;
    const entries = this.index.entries(uri);
    for (let i = from; i < entries.length; i++) {
      const e = entries[i];
      if (e.cached !== undefined || !e.model) continue;
      if (budget-- <= 0) return i;
      this.documentFindings(file.documents[i], e);
    }
    return -1;
  }

  private collect(uri: string, options: CheckOptions, quick: boolean): Finding[] {
    const file = this.files.get(uri);
    if (!file) return [];
    const out: Finding[] = [];
    // Quick findings do not read the file into the index: entries of an older version are matched by document.
    const entries = (quick ? this.built : this.index).entries(uri);
    const docs = file.documents;
    for (let i = 0; i < docs.length; i++) this.placeDocument(out, uri, docs[i], entries[i], options, quick);
    return out;
  }

  /** Adds one document's findings, in file coordinates, to `out`. */
  private placeDocument(
    out: Finding[],
    uri: string,
    fd: FileDocument,
    known: DocEntry | undefined,
    options: CheckOptions,
    quick: boolean,
  ): void {
    const list = this.documentResult(uri, fd, known, options, quick);
    if (list.length === 0) return;
    const entry = known?.doc === fd.doc ? known : undefined;
    // A document just read into the index keeps the findings it placed before it had an entry.
    if (entry && !entry.placed) entry.placed = kept<Pick<DocEntry, 'placed'>>(fd, UNINDEXED_PLACED)?.placed;
    for (const f of placed(list, fd.line, entry ?? holder(fd))) out.push(f);
  }

  /** One document's findings, document-local, ignore comments and settings applied, sorted; cached on its index entry. */
  private documentResult(
    uri: string,
    fd: FileDocument,
    known: DocEntry | undefined,
    options: CheckOptions,
    quick = false,
  ): readonly WsFinding[] {
    const entries = (quick ? this.built : this.index).entries(uri);
    // A file read in part has no entry past its part: nothing to look for there (a search per document was quadratic).
    const entry =
      known?.doc === fd.doc
        ? known
        : known === undefined && this.partlyRead.has(uri)
          ? undefined
          : entries.find((e) => e.doc === fd.doc && e.line === fd.line);
    // Quick: a document whose workspace findings are pending, or computed but never listed yet (a large file's
    // check works them out in slices between edits), shows what the client has: its previous full list, or what
    // it alone says. The full list comes with `findings`.
    if (quick && entry && (entry.cached === undefined || entry.result === undefined)) {
      const before = entry.result;
      if (before && before.rules === options.rules) return before.findings;
      const local = checkDocument(fd.doc);
      // Before the document had an entry (a large file read into the index in parts), it kept the same list itself:
      // the quick report then goes on with the same finding objects, and the server converts none of them again.
      const known = entry.quick ?? kept<DocEntry['quick']>(fd, UNINDEXED_RESULT);
      if (known && known.own === local && known.rules === options.rules) return (entry.quick = known).findings;
      entry.quick = { own: local, rules: options.rules, findings: applySettings(fd, local, options) };
      return entry.quick.findings;
    }
    const own = this.documentFindings(fd, entry);
    if (!entry) {
      // No entry (a large file not read into the index yet, or only in part): the document keeps the list itself, so
      // that a quick report during the reading converts only what changed.
      const kept = fd.doc.cache.get(UNINDEXED_RESULT) as { own: readonly WsFinding[]; rules: unknown; findings: WsFinding[] } | undefined;
      if (kept && kept.own === own && kept.rules === options.rules) return kept.findings;
      const findings = applySettings(fd, own, options);
      fd.doc.cache.set(UNINDEXED_RESULT, { own, rules: options.rules, findings });
      return findings;
    }
    const hit = entry?.result;
    if (hit && hit.own === own && hit.rules === options.rules) return hit.findings;
    const findings = applySettings(fd, own, options);
    if (entry) entry.result = { own, rules: options.rules, findings };
    return findings;
  }

  /**
   * Findings of one YAML document, document-local: the single-document ones
   * (cached per text) with the fixes only the workspace can give, and the
   * workspace rules' (cached per document until a document they read changes).
   */
  private documentFindings(fd: FileDocument, entry: DocEntry | undefined): readonly WsFinding[] {
    if (entry?.cached) return entry.cached;
    const local = checkDocument(fd.doc);
    if (!entry) return local;
    this.index.checks++;
    const own = entry.model?.kind === 'SmtpConnector' ? addFqdnFixes(this.index, fd.doc, entry.model, local) : local;
    entry.cached = withoutNoOpFixes(fd.doc, [...own, ...checkWorkspaceRules(this.index, entry, reportRuleError)]);
    this.index.checked(entry);
    return entry.cached;
  }
}

/** A document's findings with its ignore comments and the rule settings applied, sorted by position. */
function applySettings(fd: FileDocument, own: readonly WsFinding[], options: CheckOptions): WsFinding[] {
  // Most documents have nothing to report: their ignore comments need not be read (a scan of the text, a set and a map each).
  if (own.length === 0) return [];
  const sup = suppressionsOf(fd.doc);
  const findings: WsFinding[] = [];
  for (const f of own) {
    if (isSuppressed(sup, f)) continue;
    const severity = effectiveSeverity(f.code, f.severity, options.rules);
    if (severity === 'off') continue;
    findings.push(severity === f.severity ? f : { ...f, severity });
  }
  findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  return findings;
}

/**
 * A document's findings in file coordinates. Kept on the document's entry
 * while its list and line are the same, so that an edit elsewhere in a large
 * file builds nothing new for it (and the server can keep what it made of
 * the same finding objects); not kept when related information points into
 * other documents, which may have moved.
 */
/** Keys of what a document without an index entry keeps in its cache in place of the entry. */
const UNINDEXED_RESULT = 'unindexed-result';
const UNINDEXED_PLACED = 'unindexed-placed';

/** What a document kept in its cache while it had no index entry. */
function kept<T>(fd: FileDocument, key: string): T | undefined {
  return fd.doc.cache.get(key) as T | undefined;
}

/** Where a document without an index entry keeps its placed findings. */
function holder(fd: FileDocument): Pick<DocEntry, 'placed'> {
  let h = fd.doc.cache.get(UNINDEXED_PLACED) as Pick<DocEntry, 'placed'> | undefined;
  if (!h) fd.doc.cache.set(UNINDEXED_PLACED, (h = { placed: undefined }));
  return h;
}

function placed(list: readonly WsFinding[], line: number, entry: Pick<DocEntry, 'placed'> | undefined): readonly Finding[] {
  const kept = entry?.placed;
  if (kept && kept.from === list && kept.line === line) return kept.findings;
  const findings = list.map((f) => toFileCoordinates(resolveRelated(f), line));
  if (entry && !list.some((f) => f.relatedIn)) entry.placed = { from: list, line, findings };
  return findings;
}

/** Related information into other documents: the place in the target's current model, moved to its current file line. */
function resolveRelated(f: WsFinding): Finding {
  const { relatedIn, relatedPath, ...rest } = f;
  if (!relatedIn) return rest;
  return {
    ...rest,
    related: rest.related!.map((r, i) => {
      const target = relatedIn[i];
      if (!target) return r;
      const range = (relatedPath?.[i] && (rangeAt(target.model, relatedPath[i]!) as Range | undefined)) || r.range;
      return { ...r, range: shiftRange(range, target.line) };
    }),
  };
}

export function effectiveSeverity(code: string, dflt: Severity, rules: RuleSettings | undefined): Severity | 'off' {
  const s = rules?.[code];
  return s === 'off' || s === 'error' || s === 'warning' || s === 'information' || s === 'hint' ? s : dflt;
}

/** Moves a document-local finding (and its fixes' edits of the same document) to file lines. */
function toFileCoordinates(f: Finding, line: number): Finding {
  return moveFinding(f, line);
}
