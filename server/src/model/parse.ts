import { parseDocument, isAlias, isMap, type Alias, type Document, type Node, type ParsedNode } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex, detectEol, ownCopy } from './text';
import { splitRegion } from './split';
import { MAX_NESTING, nestingOverflow } from './depth';
import { walkNodes } from './walk';
import { parsePlainYaml } from './plainYaml';
import { PARSE_OPTIONS, findLongList, reparseEntries, type LongList } from './longList';

export interface SyntaxError {
  range: Range;
  message: string;
}

/**
 * One YAML document of a file, parsed on its own. Everything in it is local to
 * the document: offsets and ranges count from the document's first line, so the
 * same text parses to the same object wherever it stands in the file, and a
 * cached parse (and the checks cached on it) stays valid when lines are added
 * above it.
 */
export class ParsedDocument {
  readonly lines: LineIndex;
  readonly yaml: Document.Parsed<ParsedNode> | undefined;
  readonly errors: SyntaxError[] = [];
  readonly eol: '\n' | '\r\n';
  /** Results that depend on this text alone, filled in by whoever computes them first. */
  readonly cache = new Map<string, unknown>();
  /** What each alias stands for: the last node anchored with its name before it. */
  private readonly aliases = new Map<Alias, Node>();
  /** The document's long list, whose entries an edit can re-parse alone (large documents only). */
  private list: LongList | undefined;

  /**
   * Parses a document's text. `edit`, when the text is an edit of a previous
   * version of the same document (`start`..`end` differs, `delta` more
   * characters), lets a large document re-parse only the entries of its
   * long list that the edit touched; the previous version is then used up.
   */
  constructor(
    readonly text: string,
    edit?: { previous: ParsedDocument; start: number; end: number; delta: number },
  ) {
    this.lines = new LineIndex(text);
    this.eol = detectEol(text);
    const prev = edit?.previous;
    if (prev?.list && prev.yaml && prev.errors.length === 0) {
      const list = reparseEntries({ text: prev.text, yaml: prev.yaml, list: prev.list }, text, this.lines, edit!);
      // Tried once: whether or not it worked, the previous parse's list is not offered again.
      prev.list = undefined;
      if (list) {
        this.yaml = prev.yaml;
        this.list = list;
        return;
      }
    }
    // Plain block YAML (most connector files) has a fast path that builds the same tree (model/plainYaml.ts); what it
    // takes nests too little for the nesting check below.
    let parsed: Document.Parsed<ParsedNode> | undefined;
    try {
      parsed = parsePlainYaml(text, PARSE_OPTIONS);
    } catch {
      parsed = undefined; // the package's parse says what is wrong
    }
    const tooDeep = parsed ? -1 : nestingOverflow(text);
    if (tooDeep >= 0) {
      // Refused before parsing: deep nesting makes the parse slow, and nothing in a connector file nests so deep.
      this.errors.push({ range: this.lines.range(tooDeep, tooDeep + 1), message: nestedTooDeep() });
      this.yaml = undefined;
      return;
    }
    // Each syntax error is an Error, and capturing its stack trace is most of the parse's cost when a line holds
    // thousands of stray brackets (100,000 "]" took seconds): no stack is captured, nothing reads one.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      parsed ??= parseDocument(text, PARSE_OPTIONS) as Document.Parsed<ParsedNode>;
    } catch (e) {
      // The composer recurses: absurd nesting can exhaust the stack.
      const why = e instanceof RangeError ? TOO_DEEP : `The document cannot be read: ${String(e)}`;
      this.errors.push({ range: this.lines.range(0, Math.min(text.length, this.lines.lineEnd(0))), message: why });
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.yaml = parsed;
    const found: { start: number; end: number; message: string }[] = [];
    for (const err of parsed?.errors ?? [])
      found.push({ start: err.pos[0], end: Math.max(err.pos[0], err.pos[1]), message: cleanMessage(err.message) });
    if (parsed) forgetErrorObjects(parsed);
    // The yaml package accepts an alias to an anchor that is not set before it; YAML does not.
    if (parsed && text.includes('*')) {
      const unresolved = this.linkAliases(parsed.contents as Node | null);
      if (found.length === 0) for (const u of unresolved) found.push(u);
    }
    if (found.length > 0) for (const e of this.oneErrorPerLine(found)) this.errors.push(e);
    if (parsed && this.errors.length === 0) this.list = findLongList(text, this.lines, parsed.contents as Node | null);
  }

  /**
   * The document's long list while this is its latest version: its entries keep
   * their nodes through edits of other entries (see entryMemo.ts).
   */
  get longList(): LongList | undefined {
    return this.list;
  }

  /** The node an alias stands for, one step (an alias never points at another alias). */
  aliasTarget(alias: Alias): Node | undefined {
    return this.aliases.get(alias);
  }

  /**
   * Walks the document in source order (with its own stack: no recursion, so
   * deep nesting cannot overflow) and links each alias to the last anchor of
   * its name before it. Returns an error for each alias without one.
   */
  private linkAliases(root: Node | null): { start: number; end: number; message: string }[] {
    const errors: { start: number; end: number; message: string }[] = [];
    const anchors = new Map<string, Node>();
    walkNodes(root, (node) => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) this.aliases.set(node, target);
        else {
          const [start, end] = node.range ?? [0, 0];
          errors.push({
            start,
            end: trimEndOffset(this.text, start, end),
            message: `Unknown alias *${node.source}: no anchor &${node.source} is set before it.`,
          });
        }
        return 'skip';
      }
      if (node.anchor) anchors.set(node.anchor, node);
    });
    return errors;
  }

  /**
   * One fault often makes the yaml package report several errors on one line;
   * the first says most. An error at the very end of the document (an
   * unclosed bracket) is moved onto its last character, so it shows on this
   * document rather than on the next one's first line. Past MAX_SYNTAX_ERRORS
   * the rest is noise that follows from the first ones.
   */
  private oneErrorPerLine(found: { start: number; end: number; message: string }[]): SyntaxError[] {
    const out: SyntaxError[] = [];
    const lines = new Set<number>();
    const contentEnd = trimEndOffset(this.text, 0, this.text.length);
    for (const e of [...found].sort((a, b) => a.start - b.start)) {
      let { start, end } = e;
      if (start >= contentEnd && contentEnd > 0) {
        start = contentEnd - 1;
        end = contentEnd;
      }
      const line = this.lines.position(start).line;
      if (lines.has(line)) continue;
      lines.add(line);
      out.push({ range: this.lines.range(start, end), message: e.message });
      if (out.length === MAX_SYNTAX_ERRORS) break;
    }
    return out;
  }

  /** The document's top-level mapping, when it is one. */
  get root() {
    const c = this.yaml?.contents;
    return c && isMap(c) ? c : undefined;
  }

  /** Nothing but comments, blank lines and markers. */
  get isEmpty(): boolean {
    return this.errors.length === 0 && (this.yaml?.contents == null || isNullScalar(this.yaml.contents));
  }

  range(start: number, end: number): Range {
    return this.lines.range(start, end);
  }
}

/**
 * The yaml package reports errors and warnings as Error objects, and each keeps
 * the stack it was created on until someone reads it: the frames of whoever
 * called the parser, with their closures. Kept on a parse, they would tie this
 * version of a file to the one that was being replaced when it was parsed, that
 * one to the one before, and so on: memory growing with every keystroke. The
 * parse keeps the errors as plain data (`errors`) and drops the objects.
 */
function forgetErrorObjects(parsed: Document.Parsed<ParsedNode>): void {
  parsed.errors = [];
  parsed.warnings = [];
}

function isNullScalar(node: unknown): boolean {
  const n = node as { value?: unknown; source?: string; range?: number[] };
  return n != null && n.value === null && (n.source === undefined || n.source === '') && !!n.range && n.range[0] === n.range[1];
}

/** Offset past the last character before end that is not YAML white space or a line break. */
function trimEndOffset(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && (text[e - 1] === ' ' || text[e - 1] === '\t' || text[e - 1] === '\n' || text[e - 1] === '\r')) e--;
  return e;
}

/** Syntax errors reported per document at most. */
export const MAX_SYNTAX_ERRORS = 100;

const TOO_DEEP = 'The document nests too deeply to be read.';

function nestedTooDeep(): string {
  return `This YAML document is nested more than ${MAX_NESTING} levels deep and is not read.`;
}

function cleanMessage(m: string): string {
  // The yaml package turns its own stack overflow into an error message.
  if (m.includes('Maximum call stack size exceeded')) return TOO_DEEP;
  // The yaml package appends " at line X, column Y" on some messages; the range already says where.
  return m.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

export interface FileDocument {
  doc: ParsedDocument;
  /** 0-based line of the document's first line in the file. */
  line: number;
  /** Offset of the document in the file. */
  offset: number;
}

/** Where a text differs from the previous version: `text[0, start)` and `text[end, length)` are as they were. */
export interface ChangedWindow {
  start: number;
  end: number;
}

/** Which documents a new version replaced: `removed` of the previous version's from `from` on, by `added` new ones. */
export interface DocumentSplice {
  from: number;
  removed: number;
  added: number;
  /** How far the documents after the replaced ones moved, in lines. */
  lineDelta: number;
}

/**
 * A file's text that need not be one string: the server keeps a large open
 * document's text in pieces, so that an edit does not build the whole text
 * again. A ParsedFile reads it only while it is made, never later.
 */
export interface SourceText {
  readonly length: number;
  /** The characters from `start` to `end`, as one string. */
  slice(start: number, end: number): string;
  charCodeAt(offset: number): number;
}

/**
 * A file's documents. A new version re-splits and re-parses only the
 * documents around the change (found from the editor's change ranges, or by
 * comparing the documents' texts), keeps the others' parses, and gives the
 * documents after the change their new line and offset. Nothing of the
 * previous version is kept but its documents' parses, and nothing kept for a
 * version reaches an earlier one (the parses hold no yaml Error objects, whose
 * stacks would).
 *
 * Given the text in pieces (a SourceText) with the changed window, the new
 * version reads only the text of the documents around the change; its whole
 * text is then joined from its documents' texts when someone asks for it.
 */
export class ParsedFile {
  readonly documents: FileDocument[];
  readonly eol: '\n' | '\r\n';
  /** What changed from the previous version (all documents when there was none). */
  readonly splice: DocumentSplice;
  /** The text's length in UTF-16 code units. */
  readonly length: number;
  /** The whole text, when it was given as one string or has been joined since. */
  private whole: string | undefined;

  constructor(source: string | SourceText, previous?: ParsedFile, window?: ChangedWindow) {
    // Without a previous version and a window, the documents are found by comparing whole texts.
    const text = typeof source === 'string' || !previous || !window ? wholeText(source) : source;
    if (typeof text === 'string') this.whole = text;
    this.length = text.length;
    const old = previous?.documents ?? [];
    const delta = text.length - (previous?.length ?? 0);
    const { keep, tail } = previous ? unchanged(old, text, delta, window) : { keep: 0, tail: 0 };
    // The documents from `from` (a boundary: its first line is unchanged) to the first unchanged one after the change.
    const from = Math.max(0, keep - 1);
    const to = old.length - tail;
    const start = from < old.length ? old[from].offset : 0;
    const end = tail > 0 ? old[to].offset + delta : text.length;
    const reuse = new Map<string, ParsedDocument>();
    for (let i = from; i < to; i++) reuse.set(old[i].doc.text, old[i].doc);
    // Only the region's text is read: from the pieces, one short string.
    const region = typeof text === 'string' ? text : text.slice(start, end);
    const at = typeof text === 'string' ? 0 : start;
    // A plain loop, no closure over `reuse` (the previous version's parses): see forgetErrorObjects.
    const parsed: FileDocument[] = [];
    for (const sl of splitRegion(region, start - at, end - at, from < old.length ? old[from].line : 0, start === 0)) {
      const offset = sl.offset + at;
      const slice = { offset, text: sl.text };
      const doc = reuse.get(sl.text) ?? new ParsedDocument(ownCopy(sl.text), editOf(old, from, to, slice, window, delta));
      parsed.push({ doc, line: sl.line, offset });
    }
    const lineDelta = tail > 0 ? lineAfter(parsed) - old[to].line : 0;
    const documents = old.slice(0, from);
    for (const d of parsed) documents.push(d);
    for (let i = to; i < old.length; i++) {
      const d = old[i];
      documents.push(lineDelta === 0 && delta === 0 ? d : { doc: d.doc, line: d.line + lineDelta, offset: d.offset + delta });
    }
    this.documents = documents;
    // Every document but the last ends with a line break: the first document holds the file's first one.
    this.eol = detectEol(documents[0].doc.text);
    this.splice = { from, removed: to - from, added: parsed.length, lineDelta };
  }

  /** The whole text (joined from the documents' texts the first time it is asked for, when it came in pieces). */
  get text(): string {
    if (this.whole === undefined) {
      let joined = '';
      for (const d of this.documents) joined += d.doc.text;
      this.whole = ownCopy(joined);
      ParsedFile.joins++;
    }
    return this.whole;
  }

  /** Whether the file's text is `text`, without joining a text in pieces unless the lengths are equal. */
  hasText(text: string): boolean {
    return this.length === text.length && this.text === text;
  }

  /** How many whole texts were joined from pieces (the tests count them: an edit must not need one). */
  static joins = 0;

  /** The document holding a 0-based file line. */
  documentAtLine(line: number): FileDocument | undefined {
    const docs = this.documents;
    let lo = 0;
    let hi = docs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (docs[mid].line <= line) lo = mid;
      else hi = mid - 1;
    }
    return docs[lo];
  }
}

/**
 * How many of the previous version's documents are unchanged at the start
 * (same text, same place) and at the end (same text, moved by `delta`). With
 * a changed window, found by offsets; without, by comparing texts.
 */
function unchanged(old: FileDocument[], text: string | SourceText, delta: number, window?: ChangedWindow): { keep: number; tail: number } {
  const n = old.length;
  const endOf = (i: number) => (i + 1 < n ? old[i + 1].offset : text.length - delta);
  let keep = 0;
  if (window) {
    // Documents ending at or before the window's start.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (endOf(mid) <= window.start) lo = mid + 1;
      else hi = mid;
    }
    keep = lo;
  } else {
    const whole = text as string; // without a window the text is one string (see the constructor)
    while (keep < n && endOf(keep) <= whole.length && whole.startsWith(old[keep].doc.text, old[keep].offset)) keep++;
  }
  // The split restarts at the last document kept: its first line must be whole (text appended to a last line changes it).
  while (keep > 0 && old[keep - 1].doc.text.indexOf('\n') === -1) keep--;
  const floor = keep > 0 ? endOf(keep - 1) : 0;
  let tail = 0;
  if (window) {
    const oldEnd = window.end - delta;
    let lo = keep;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (old[mid].offset >= oldEnd) hi = mid;
      else lo = mid + 1;
    }
    while (lo < n && !atLineStart(text, old[lo].offset + delta)) lo++;
    tail = n - lo;
  } else {
    const whole = text as string;
    const same = (d: FileDocument) => atLineStart(whole, d.offset + delta) && whole.startsWith(d.doc.text, d.offset + delta);
    while (tail < n - keep && same(old[n - 1 - tail])) tail++;
  }
  // The first unchanged document after the change starts a document only if the one before it is unchanged too
  // (its first line may follow a changed "..."), and it must lie after the documents kept at the start.
  tail = Math.max(0, tail - 1);
  while (tail > 0 && old[n - tail].offset + delta < floor) tail--;
  return { keep, tail };
}

/**
 * When a new document is an edit of a previous one (same place, the change
 * window inside both), the previous one and the window in document offsets.
 */
function editOf(
  old: FileDocument[],
  from: number,
  to: number,
  slice: { offset: number; text: string },
  window: ChangedWindow | undefined,
  delta: number,
): { previous: ParsedDocument; start: number; end: number; delta: number } | undefined {
  if (!window || window.start < slice.offset || window.end > slice.offset + slice.text.length) return undefined;
  for (let i = from; i < to; i++) {
    const d = old[i];
    if (d.offset === slice.offset && d.doc.text.length + delta === slice.text.length)
      return { previous: d.doc, start: window.start - slice.offset, end: window.end - slice.offset, delta };
  }
  return undefined;
}

/** Text after the change is the same, but is it still read line by line from the same places? */
function atLineStart(text: string | SourceText, offset: number): boolean {
  return offset === 0 || (offset > 0 && text.charCodeAt(offset - 1) === 10);
}

/** A text given in pieces, as one string. */
function wholeText(source: string | SourceText): string {
  return typeof source === 'string' ? source : source.slice(0, source.length);
}

/** The file line at offset `end`, where the last of `region`'s documents ends. */
function lineAfter(region: FileDocument[]): number {
  const last = region[region.length - 1];
  return last.line + last.doc.lines.lineCount - 1;
}
