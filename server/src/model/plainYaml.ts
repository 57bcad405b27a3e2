import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node, type ParsedNode } from 'yaml';

/**
 * A fast path for the plainest YAML: block mappings and block lists of
 * one-line plain or simply quoted scalars, one-line flow lists and mappings
 * of such scalars as a key's value (`allowedTypes: [system, nonSystem]`,
 * `connectedRoutingGroup: { routingGroup: Boston }`), a document marker and
 * comment lines at the top of the document (`---`, `# Connector 7: Tokyo to
 * Toronto`), blank lines and comment lines between entries (a comment
 * indented as the entry after it), a comment after a value on its line
 * (`cost: 10 # the backup link`) or after a key whose value is below it
 * (`outboundSecurity: # basic`), with no other marker or comment, anchor,
 * tag, block scalar, tab or carriage return, in printable ASCII. That is
 * what a generated or tidy connector file is, and the `yaml` package's
 * general parser spent about a third of a millisecond on each such
 * 350-character file (its lexer steps a generator per token): half the
 * server's thread when loading a workspace of 2,500 files, and most of the
 * garbage. This builds the same tree from the package's own node classes
 * (same ranges, values, types, comments), or gives up (undefined) at the
 * first thing outside that subset, and the caller parses with the package as
 * before; test/unit/plain-yaml.test.ts holds the two equal on every fixture
 * and on mutations of them.
 */
export function parsePlainYaml(text: string, options: object): Document.Parsed<ParsedNode> | undefined {
  // A document of a file after its first starts with its marker line (model/split.ts).
  const marker = text.startsWith('---\n') ? 4 : 0;
  const body = afterComments(text, marker);
  if (body < 0) return undefined;
  PLAIN_TEXT.lastIndex = body;
  if (!PLAIN_TEXT.test(text)) return undefined;
  const doc = new Document(undefined, options) as Document.Parsed<ParsedNode>;
  const reader = new PlainReader(text, doc.schema);
  const root = reader.document(body);
  if (!root) return undefined;
  if (body > marker) {
    // The comment lines above the content, each without its `#`: the package gives them to the root after a
    // marker, to the first key without one.
    if (!(root instanceof YAMLMap)) return undefined;
    const comment = text
      .slice(marker, body - 1)
      .split('\n')
      .map((line) => line.slice(1))
      .join('\n');
    if (marker) root.commentBefore = comment;
    else (root.items[0].key as Scalar).commentBefore = comment;
  }
  if (marker) doc.directives.docStart = true;
  doc.contents = root as ParsedNode;
  doc.range = [marker ? 0 : body, reader.contentEnd, text.length];
  plainParses++;
  return doc;
}

/**
 * Where the content starts after the comment lines from `at` on (`at` without
 * any), or -1 when one of them is outside the subset: an empty `#`, a
 * trailing space or tab, a carriage return, or a comment that is all the text.
 */
function afterComments(text: string, at: number): number {
  while (text.charCodeAt(at) === HASH) {
    const end = text.indexOf('\n', at);
    if (end < 0 || end === at + 1) return -1;
    const last = text.charCodeAt(end - 1);
    if (last === SPACE || last === TAB) return -1;
    for (let i = at; i < end; i++) if (text.charCodeAt(i) === CR) return -1;
    at = end + 1;
  }
  return at;
}

/** How many documents the fast path parsed, and how many characters it looked at for keys' colons (the tests count them). */
export let plainParses = 0;
export let keyScanned = 0;

/**
 * Printable ASCII and line feeds, without the characters that start anchors,
 * tags, block scalars, directives or complex keys, or that YAML reserves (an
 * alias's star is refused where a plain scalar starts; brackets and braces
 * anywhere but around a flow collection, `#` anywhere but where a comment
 * starts). Sticky: it is tried from where the comment lines at the top end,
 * which may hold any character.
 */
const PLAIN_TEXT = /[\n\x20\x22-\x24\x27-\x3d\x41-\x5d\x5e\x5f\x61-\x7b\x7d\x7e]+$/y;

/** A key: a plain scalar without a space; NOT_STRING tells those that are not strings (`true:`, `null:`). */
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const NOT_STRING =
  /^(?:~|[Nn]ull|NULL)?$|^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$|^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$|^0o[0-7]+$|^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$/;
/** A quoted value on one line without escapes: `"*"`, `'*'`. */
const QUOTED = /^(?:"[^"\\]*"|'[^']*')$/;
/** Refused in a block scalar: brackets and braces (it may be read as a flow collection) and `#` (a comment may start there). */
const BRACKET_OR_HASH = /[[\]{}#]/;
/** What a flow collection's plain item may not hold or start with (an indicator, a quote, a colon, a bracket or brace, a `#`). */
const FLOW_REFUSED = /^[-?:,*]|[:"'[\]{}#]/;
/** What the core schema reads as a boolean (`allowRelay: false`). */
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** A whole number the core schema reads as an integer, small enough to be exact. */
const SMALL_INT = /^[0-9]{1,15}$/;

const MAX_KEY = 1000;
/**
 * Collections nested deeper than this leave the fast path. The text's nesting
 * is then measured (model/depth.ts) before the package parses it; a document
 * the fast path takes nests far less than MAX_NESTING (each of its levels is
 * a collection of the tree), so it needs no such scan.
 */
export const MAX_PLAIN_DEPTH = 24;
const TAB = 9;
const CR = 13;
const SPACE = 32;
const DQUOTE = 0x22;
const HASH = 0x23;
const SQUOTE = 0x27;
const COMMA = 0x2c;
const DASH = 45;
const COLON = 58;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

class PlainReader {
  /** Where each line starts and ends (its line feed, or the end of the text), and its indentation. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly indents: number[] = [];
  /** Whether a blank line comes before each line (the package marks the node that starts there: `spaceBefore`). */
  private readonly blankBefore: boolean[] = [];
  /** The comment lines before a line, without their `#` (the package gives them to the node that starts there). */
  private readonly commentsBefore = new Map<number, string>();
  /** Whether the content holds a `#` at all: only then is a line looked at for a comment after its value. */
  private hashes = false;
  /** The line being read. */
  private at = 0;
  /** Collections open around the one being read. */
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly schema: Document['schema'],
  ) {}

  /** The document's root collection, from offset `body`, or undefined when the text is outside the subset. */
  document(body: number): YAMLMap | YAMLSeq | undefined {
    if (!this.splitLines(body) || this.indents[0] !== 0) return undefined;
    this.hashes = this.text.includes('#', body);
    const root = this.collection(0, body);
    return root && this.at === this.starts.length ? root : undefined;
  }

  /**
   * The lines with content: without trailing spaces or a document marker.
   * Between two of them may come empty lines, then comment lines indented as
   * the next one (where the package gives them to the node that starts
   * there, not to a collection that ends before it); they are skipped and
   * noted.
   */
  private splitLines(body: number): boolean {
    const text = this.text;
    let blank = false;
    let comment: string[] | undefined;
    let commentIndent = 0;
    for (let start = body; start < text.length;) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      if (end === start && this.starts.length > 0) {
        if (comment) return false; // a blank line after a comment stays in the package's comment
        blank = true;
        start = end + 1;
        continue;
      }
      let indent = start;
      while (indent < end && text.charCodeAt(indent) === SPACE) indent++;
      if (indent === end || text.charCodeAt(end - 1) === SPACE) return false;
      if (text.charCodeAt(indent) === HASH) {
        if (this.starts.length === 0 || end === indent + 1 || (comment && commentIndent !== indent - start)) return false;
        (comment ??= []).push(text.slice(indent + 1, end));
        commentIndent = indent - start;
        start = end + 1;
        continue;
      }
      if (comment) {
        if (commentIndent !== indent - start) return false;
        this.commentsBefore.set(this.starts.length, comment.join('\n'));
        comment = undefined;
      }
      if (indent === start && (text.startsWith('---', start) || text.startsWith('...', start))) return false;
      this.starts.push(start);
      this.ends.push(end);
      this.indents.push(indent - start);
      this.blankBefore.push(blank);
      blank = false;
      start = end + 1;
    }
    // Comments after the last content line are the document's (`comment`): outside the subset.
    return this.starts.length > 0 && !comment;
  }

  /** Marks the node that starts line `line` with the blank and comment lines before it, as the package does. */
  private markBefore(node: Node, line: number): void {
    if (this.blankBefore[line]) node.spaceBefore = true;
    const comment = this.commentsBefore.get(line);
    if (comment !== undefined) node.commentBefore = comment;
  }

  /** Where the content read so far ends: after the line feed of its last line (blank lines after it are not its). */
  get contentEnd(): number {
    return Math.min(this.ends[this.at - 1] + 1, this.text.length);
  }

  private isItem(offset: number): boolean {
    return this.text.charCodeAt(offset) === DASH && this.text.charCodeAt(offset + 1) === SPACE;
  }

  /** The length of a key at `offset` followed by a colon and a space or the line's end, else -1. */
  private keyLength(offset: number, end: number): number {
    // The colon is looked for on this line only: a search to the next colon anywhere made a long list of
    // colon-free lines quadratic.
    let colon = offset;
    while (colon < end && this.text.charCodeAt(colon) !== COLON) colon++;
    keyScanned += colon - offset;
    if (colon >= end) return -1;
    if (colon + 1 < end && this.text.charCodeAt(colon + 1) !== SPACE) return -1;
    // YAML limits an implicit key to 1,024 characters (the package reports an error past it).
    if (colon - offset > MAX_KEY) return -1;
    const key = this.text.slice(offset, colon);
    return KEY.test(key) && !NOT_STRING.test(key) ? colon - offset : -1;
  }

  /** The node of a key `source` at `offset`, which KEY takes and NOT_STRING does not. */
  private plainKey(source: string, offset: number): Scalar {
    const key = new Scalar(source);
    key.range = [offset, offset + source.length, offset + source.length];
    key.source = source;
    key.type = 'PLAIN';
    return key;
  }

  /** A list or a mapping whose first entry starts at `offset`, column `column` of the current line. */
  private collection(column: number, offset: number): YAMLMap | YAMLSeq | undefined {
    if (this.isItem(offset)) return this.list(column, offset);
    if (this.keyLength(offset, this.ends[this.at]) > 0) return this.mapping(column, offset);
    return undefined;
  }

  // A list or a mapping counts itself in `depth` while it is read. Undefined gives up the whole document, so the
  // count is restored only when one was read.
  private list(column: number, offset: number): YAMLSeq | undefined {
    if (this.depth++ === MAX_PLAIN_DEPTH) return undefined;
    const seq = new YAMLSeq(this.schema);
    const start = offset;
    for (;;) {
      const content = offset + 2;
      const line = this.at;
      const end = this.ends[line];
      if (content >= end || this.isItem(content)) return undefined;
      let item: Node | undefined;
      if (this.keyLength(content, end) > 0) item = this.mapping(column + 2, content);
      else {
        item = this.lineValue(content, end, false);
        this.at++;
        if (item && this.at < this.starts.length && this.indents[this.at] > column) return undefined;
      }
      if (!item) return undefined;
      if (seq.items.length > 0) this.markBefore(item, line);
      seq.items.push(item);
      // The list ends at a line less indented, or at its own column without a dash (the rest of a mapping
      // whose value it is); the caller decides whether that line is in place.
      if (this.at === this.starts.length || this.indents[this.at] < column) break;
      if (this.indents[this.at] > column) return undefined;
      offset = this.starts[this.at] + column;
      if (!this.isItem(offset)) break;
    }
    seq.range = [start, this.contentEnd, this.contentEnd];
    this.depth--;
    return seq;
  }

  private mapping(column: number, offset: number): YAMLMap | undefined {
    if (this.depth++ === MAX_PLAIN_DEPTH) return undefined;
    const map = new YAMLMap(this.schema);
    const start = offset;
    for (;;) {
      const end = this.ends[this.at];
      const length = this.keyLength(offset, end);
      if (length <= 0) return undefined;
      const key = this.plainKey(this.text.slice(offset, offset + length), offset);
      if (map.items.length > 0) this.markBefore(key, this.at);
      let value: Node | undefined;
      let after = offset + length + 1;
      while (after < end && this.text.charCodeAt(after) === SPACE) after++;
      if (after < end && this.text.charCodeAt(after) !== HASH) {
        value = this.lineValue(after, end, true);
        this.at++;
        if (value && this.at < this.starts.length && this.indents[this.at] > column) return undefined;
      } else {
        // "key:" with the value below: a nested collection, or a list at the key's own column. A comment after
        // the colon (`key: # note`) is the package's comment before that collection.
        const comment = after < end ? this.text.slice(after + 1, end) : undefined;
        if (comment === '') return undefined;
        this.at++;
        if (this.at === this.starts.length) return undefined;
        const indent = this.indents[this.at];
        const below = this.starts[this.at] + indent;
        const line = this.at;
        if (indent > column) value = this.collection(indent, below);
        else if (indent === column && this.isItem(below)) value = this.list(column, below);
        if (value) this.markBefore(value, line);
        if (value && comment !== undefined) {
          if (this.blankBefore[line]) return undefined; // the package keeps the blank line in the comment
          value.commentBefore = value.commentBefore === undefined ? comment : `${comment}\n${value.commentBefore}`;
        }
      }
      if (!value) return undefined;
      map.items.push(new Pair(key, value));
      if (this.at === this.starts.length || this.indents[this.at] < column) break;
      offset = this.starts[this.at] + column;
      if (this.indents[this.at] !== column || this.isItem(offset)) return undefined;
    }
    map.range = [start, this.contentEnd, this.contentEnd];
    this.depth--;
    return map;
  }

  /**
   * The value that fills the rest of a line from `offset` (its line feed at
   * `end`): a scalar, or a flow collection where `flow` allows one. A comment after
   * it (` # note`) is kept as the package keeps it: the node's `comment`, the
   * node's range running past the line's end; the value ends before the
   * spaces in front of the `#`.
   */
  private lineValue(offset: number, end: number, flow: boolean): Scalar | YAMLSeq | YAMLMap | undefined {
    const text = this.text;
    let valueEnd = end;
    let comment: string | undefined;
    if (this.hashes)
      for (let i = offset + 1; i < end; i++)
        if (text.charCodeAt(i) === HASH && text.charCodeAt(i - 1) === SPACE) {
          if (i + 1 === end) return undefined; // an empty comment
          comment = text.slice(i + 1, end);
          valueEnd = i - 1;
          while (text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
          break;
        }
    const nodeEnd = end < text.length ? end + 1 : end;
    const node =
      flow && (text.charCodeAt(offset) === OPEN || text.charCodeAt(offset) === OPEN_BRACE)
        ? this.flowCollection(offset, valueEnd, nodeEnd)
        : this.scalar(offset, valueEnd, nodeEnd);
    if (node && comment !== undefined) node.comment = comment;
    return node;
  }

  /** A scalar from `offset` to `end`, its node ending at `nodeEnd` (past the line feed). */
  private scalar(offset: number, end: number, nodeEnd: number): Scalar | undefined {
    const source = this.text.slice(offset, end);
    const first = source.charCodeAt(0);
    if (first === DQUOTE || first === SQUOTE) return this.quoted(source, offset, end, nodeEnd);
    if (first === SPACE || first === DASH || first === COLON || first === 0x3f /* ? */ || first === 0x2c /* , */ || first === 0x2a /* * */)
      return undefined;
    if (source.includes(': ') || source.charCodeAt(source.length - 1) === COLON || BRACKET_OR_HASH.test(source)) return undefined;
    return plain(source, offset, end, nodeEnd);
  }

  /**
   * A flow list or mapping on one line, `[a, "b c", 'd']`, `{ routingGroup:
   * Boston }`, `[]` or `{}`, that ends at `end`: plain items without a colon,
   * quote, bracket, brace or `#`, quoted ones as in block context, keys as in
   * block context followed by a colon and a space. Each item's range ends
   * after the spaces before its comma.
   */
  private flowCollection(offset: number, end: number, nodeEnd: number): YAMLSeq | YAMLMap | undefined {
    const text = this.text;
    const isMap = text.charCodeAt(offset) === OPEN_BRACE;
    const close = isMap ? CLOSE_BRACE : CLOSE;
    if (text.charCodeAt(end - 1) !== close) return undefined;
    const collection = isMap ? new YAMLMap(this.schema) : new YAMLSeq(this.schema);
    collection.flow = true;
    for (let at = offset + 1; at < end - 1;) {
      while (text.charCodeAt(at) === SPACE) at++;
      let key: Scalar | undefined;
      if (isMap) {
        let colon = at;
        while (colon < end && text.charCodeAt(colon) !== COLON) colon++;
        if (colon >= end - 1 || text.charCodeAt(colon + 1) !== SPACE) return undefined;
        const name = text.slice(at, colon);
        if (!KEY.test(name) || NOT_STRING.test(name)) return undefined;
        key = this.plainKey(name, at);
        at = colon + 2;
        while (text.charCodeAt(at) === SPACE) at++;
      }
      const first = text.charCodeAt(at);
      let itemEnd: number;
      let next: number;
      if (first === DQUOTE || first === SQUOTE) {
        itemEnd = text.indexOf(text[at], at + 1) + 1;
        if (itemEnd <= 0 || itemEnd >= end) return undefined;
        next = itemEnd;
        while (text.charCodeAt(next) === SPACE) next++;
      } else {
        next = at;
        while (next < end && text.charCodeAt(next) !== COMMA && text.charCodeAt(next) !== close) next++;
        itemEnd = next;
        while (itemEnd > at && text.charCodeAt(itemEnd - 1) === SPACE) itemEnd--;
      }
      const sep = text.charCodeAt(next);
      // Each item is followed by a comma and another item, or by the bracket that ends the line.
      if (next >= end || (sep === close && next !== end - 1) || (sep !== close && sep !== COMMA)) return undefined;
      const item = this.flowItem(at, itemEnd, next);
      if (!item) return undefined;
      if (key) (collection as YAMLMap).items.push(new Pair(key, item));
      else (collection as YAMLSeq).items.push(item);
      if (sep === close) break;
      at = next + 1;
      while (text.charCodeAt(at) === SPACE) at++;
      if (at >= end - 1) return undefined; // `[a, ]`: the package reads no item there
    }
    collection.range = [offset, end, nodeEnd];
    return collection;
  }

  private flowItem(offset: number, end: number, after: number): Scalar | undefined {
    const source = this.text.slice(offset, end);
    const first = source.charCodeAt(0);
    if (first === DQUOTE || first === SQUOTE) return this.quoted(source, offset, end, after);
    return source.length === 0 || FLOW_REFUSED.test(source) ? undefined : plain(source, offset, end, after);
  }

  /** A quoted scalar: always a string, its source the text between the quotes. */
  private quoted(source: string, offset: number, end: number, nodeEnd: number): Scalar | undefined {
    if (!QUOTED.test(source)) return undefined;
    const node = new Scalar(source.slice(1, -1));
    node.range = [offset, end, nodeEnd];
    node.source = node.value as string;
    node.type = source.charCodeAt(0) === DQUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    return node;
  }
}

/** A plain scalar `source` at `offset`..`end`, its node ending at `nodeEnd`: an integer, a boolean, a string, or undefined for what the core schema reads otherwise. */
function plain(source: string, offset: number, end: number, nodeEnd: number): Scalar | undefined {
  let node: Scalar;
  if (SMALL_INT.test(source)) node = new Scalar(parseInt(source, 10));
  else if (BOOLEAN.test(source)) node = new Scalar(source.charCodeAt(0) === 0x74 /* t */ || source.charCodeAt(0) === 0x54 /* T */);
  else if (NOT_STRING.test(source)) return undefined;
  else node = new Scalar(source);
  node.range = [offset, end, nodeEnd];
  node.source = source;
  node.type = 'PLAIN';
  return node;
}
