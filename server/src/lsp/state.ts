import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { Workspace } from '../engine/workspace';
import type { Position } from 'vscode-languageserver-types';
import type { ChangedWindow, ParsedFile } from '../model/parse';
import { PieceDocument } from './pieceDocument';

/**
 * From this size on, a file is large: its syntax and single-document
 * findings are published before its workspace findings, and a hover between
 * an edit and its check answers from the last check's parse.
 */
export const LARGE_FILE_CHARS = 128 * 1024;

/**
 * The texts the engine sees: an open document's text as the editor has it,
 * a closed file's text as it is on disk. The editor's text is fed to the
 * engine lazily, once per version, when a feature or the diagnostics need it;
 * the engine re-parses only the YAML documents whose text changed.
 */
export class ServerState {
  readonly ws = new Workspace();
  readonly documents = new TextDocuments<PieceDocument>({
    create: PieceDocument.create,
    update: (doc: PieceDocument, changes: TextDocumentContentChangeEvent[], version: number) => this.update(doc, changes, version),
  });
  /**
   * The open document (and its version) whose text the engine holds, and the
   * engine's file made from it; a reopened document is a new object.
   */
  private readonly synced = new Map<string, { doc: PieceDocument; version: number; file: ParsedFile }>();
  /**
   * Where each open document's text differs from the text the engine took
   * last, from the editor's change ranges (null: not known, a full-text
   * change). The engine then re-splits only around it.
   */
  private readonly windows = new Map<string, ChangedWindow | null>();
  /** Files read from disk (open or not), so that closing a document goes back to the disk text. */
  readonly onDisk = new Set<string>();
  /** Counts changes to the engine's texts: work started under an older value is stale. */
  generation = 0;
  /**
   * The URI each file goes by, per comparable form: the editor may spell a
   * file's URI differently from the one built from its path (`file:///c%3A/…`
   * against `file:///C:/…`); the editor's spelling wins, so that one file is
   * never two.
   */
  private readonly spelled = new Map<string, string>();
  /** Listeners told after the engine's text of a file changed. */
  private readonly listeners: ((uri: string) => void)[] = [];

  onTextChanged(l: (uri: string) => void): void {
    this.listeners.push(l);
  }

  isOpen(uri: string): boolean {
    return this.documents.get(uri) !== undefined;
  }

  version(uri: string): number | null {
    return this.documents.get(uri)?.version ?? null;
  }

  /** A large file whose workspace findings are pending: it is reported in two parts, and requests answer from its quick findings. */
  pendingLarge(uri: string): boolean {
    const file = this.ws.file(uri);
    return !!file && file.length >= LARGE_FILE_CHARS && this.ws.workspacePending(uri);
  }

  /** Brings the engine up to the editor's text of an open document; returns whether the text changed. */
  sync(uri: string): boolean {
    const doc = this.documents.get(uri);
    if (doc) this.adopt(uri);
    const held = this.synced.get(uri);
    if (!doc || (held?.doc === doc && held.version === doc.version)) return false;
    const before = this.ws.file(uri);
    // The window holds from the text the engine took last, if the engine still has that one.
    const window = held?.doc === doc && before === held.file ? this.windows.get(uri) : null;
    this.windows.delete(uri);
    // With the window, the engine reads the pieces around it; without, the whole text.
    const text = window ? doc : doc.getText();
    // A large file's documents are read into the index after its syntax and single-document findings are out.
    const after = this.ws.setFile(uri, text, window ?? undefined, text.length >= LARGE_FILE_CHARS);
    this.synced.set(uri, { doc, version: doc.version, file: after });
    if (before === after) return false;
    this.changed(uri);
    return true;
  }

  /** Applies the editor's changes one at a time, noting where the text changed. */
  private update(doc: PieceDocument, changes: TextDocumentContentChangeEvent[], version: number): PieceDocument {
    const uri = doc.uri;
    let w: ChangedWindow | null | undefined = this.windows.has(uri) ? this.windows.get(uri)! : undefined;
    for (const change of changes) {
      if ('range' in change) {
        const s = doc.offsetAt(change.range.start);
        const e = doc.offsetAt(change.range.end);
        const added = change.text.length;
        if (w !== null) w = widen(w, s, e, added);
      } else {
        w = null;
      }
      doc.update([change], version);
    }
    if (w !== undefined) this.windows.set(uri, w);
    return doc;
  }

  /**
   * Where a position of a large open document's text stands in the text
   * the engine last took, when the engine is behind it: lines before the
   * changed lines are the same, lines after them moved by as many lines as
   * the change added; a position inside the change has none (null). The
   * position itself when the engine is up to date, undefined when it is
   * behind on a small file, or without the change's place (bring it up to
   * date then: it is quick, or the only way).
   */
  settledPosition(uri: string, position: Position): Position | null | undefined {
    const doc = this.documents.get(uri);
    const held = this.synced.get(uri);
    if (!doc || held?.doc !== doc) return undefined;
    if (held.version === doc.version) return position;
    const window = this.windows.get(uri);
    const file = this.ws.file(uri);
    if (!window || !file || file !== held.file || file.length < LARGE_FILE_CHARS) return undefined;
    const first = doc.positionAt(window.start).line;
    const last = doc.positionAt(window.end).line;
    if (position.line < first) return position;
    if (position.line <= last) return null;
    const end = file.documents[file.documents.length - 1];
    const before = end.line + end.doc.lines.lineCount;
    return { line: position.line - (doc.lineCount - before), character: position.character };
  }

  /** Every open document brought up to date. */
  syncAll(): void {
    for (const d of this.documents.all()) this.sync(d.uri);
  }

  /** Counts the disk texts taken (and removals), so that a text read earlier cannot replace one taken since. */
  private diskClock = 0;
  private readonly diskTakenAt = new Map<string, number>();

  /** The disk clock now: a text read from now on is newer than every text taken so far. */
  diskTime(): number {
    return this.diskClock;
  }

  /**
   * A file's text from disk; ignored while the file is open (the editor's
   * text wins), and, for a text read at disk time `readAt` (the workspace
   * loader reads ahead), when a newer text or a removal came in since
   * (a watched-file change while the workspace loads).
   */
  setDisk(diskUri: string, text: string, readAt?: number): void {
    const uri = this.spelling(diskUri);
    if (readAt !== undefined && (this.diskTakenAt.get(uri) ?? 0) > readAt) return;
    this.diskTakenAt.set(uri, ++this.diskClock);
    this.onDisk.add(uri);
    if (this.isOpen(uri)) return;
    const before = this.ws.file(uri);
    if (this.ws.setFile(uri, text) !== before) this.changed(uri);
  }

  removeDisk(diskUri: string): void {
    const uri = this.spelling(diskUri);
    this.diskTakenAt.set(uri, ++this.diskClock);
    this.onDisk.delete(uri);
    if (this.isOpen(uri)) return;
    if (this.ws.removeFile(uri)) this.changed(uri);
  }

  /** A document was closed: forget its editor text; the caller reloads it from disk or drops it. */
  closed(uri: string): void {
    this.synced.delete(uri);
    this.windows.delete(uri);
  }

  /** Drops a file from the engine (a closed document with no file on disk). */
  drop(uri: string): void {
    this.synced.delete(uri);
    this.windows.delete(uri);
    if (this.ws.removeFile(uri)) this.changed(uri);
  }

  /** The URI a file goes by in the engine. */
  spelling(uri: string): string {
    const key = comparable(uri);
    const known = this.spelled.get(key);
    if (known) return known;
    this.spelled.set(key, uri);
    return uri;
  }

  /** An open document's URI becomes the file's spelling; a copy under another spelling leaves. */
  private adopt(uri: string): void {
    const key = comparable(uri);
    const known = this.spelled.get(key);
    if (known === uri) return;
    this.spelled.set(key, uri);
    if (known === undefined) return;
    if (this.onDisk.delete(known)) this.onDisk.add(uri);
    if (this.ws.removeFile(known)) this.changed(known);
  }

  private changed(uri: string): void {
    this.generation++;
    for (const l of this.listeners) l(uri);
  }
}

/** A file URI in a form that compares equal however it was spelled: decoded, with a lower-case drive letter. */
export function comparable(uri: string): string {
  let u = uri;
  try {
    u = decodeURIComponent(uri);
  } catch {
    // A malformed escape: compare as written.
  }
  return u.replace(/^file:\/\/\/([A-Za-z]):/, (_m, d: string) => `file:///${d.toLowerCase()}:`);
}

/**
 * The changed window after one more change (offsets `start`..`end` of the
 * current text replaced by `added` characters): what was unchanged before
 * and is untouched by this change stays unchanged.
 */
export function widen(w: ChangedWindow | undefined, start: number, end: number, added: number): ChangedWindow {
  const delta = added - (end - start);
  if (!w) return { start, end: start + added };
  return { start: Math.min(w.start, start), end: Math.max(w.end, end) + delta };
}
