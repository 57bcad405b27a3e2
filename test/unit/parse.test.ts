import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAlias, isMap, parseAllDocuments, parseDocument, type Pair } from 'yaml';
import { splitDocuments } from '../../server/src/model/split';
import { MAX_SYNTAX_ERRORS, ParsedDocument, ParsedFile } from '../../server/src/model/parse';
import { LineIndex, detectEol } from '../../server/src/model/text';
import { closest, editDistance } from '../../server/src/model/distance';
import { checkDocument } from '../../server/src/engine/checkDocument';
import { Workspace } from '../../server/src/engine/workspace';
import { lines } from '../helpers/engine';

/** The document splitter, the per-document parse and its reuse across versions, and the small text helpers. */

const texts = (t: string) => splitDocuments(t).map((s) => s.text);

/** Slices cover the file without gaps, and their offsets and lines say where they stand. */
function assertCovers(t: string): void {
  const slices = splitDocuments(t);
  assert.equal(slices.map((s) => s.text).join(''), t);
  const index = new LineIndex(t);
  for (const s of slices) {
    assert.equal(t.slice(s.offset, s.offset + s.text.length), s.text);
    assert.equal(index.position(s.offset).line, s.line);
    assert.equal(index.position(s.offset).character, 0);
  }
}

test('a file without markers is one document; an empty file is one empty document', () => {
  assert.deepEqual(texts('kind: X\nname: y\n'), ['kind: X\nname: y\n']);
  assert.deepEqual(splitDocuments(''), [{ offset: 0, line: 0, text: '' }]);
});

test('--- starts a document; the marker belongs to the document it starts', () => {
  const t = lines('kind: A', '---', 'kind: B', '--- # third', 'kind: C');
  assert.deepEqual(splitDocuments(t), [
    { offset: 0, line: 0, text: 'kind: A\n' },
    { offset: 8, line: 1, text: '---\nkind: B\n' },
    { offset: 20, line: 3, text: '--- # third\nkind: C\n' },
  ]);
  assertCovers(t);
});

test('comments, blank lines and directives before the first marker belong to the first document', () => {
  const t = lines('# Boston', '', '%YAML 1.2', '---', 'kind: A', '---', 'kind: B');
  assert.deepEqual(texts(t), [lines('# Boston', '', '%YAML 1.2', '---', 'kind: A'), lines('---', 'kind: B')]);
  assertCovers(t);
});

test('comments between documents stay with the document above the marker', () => {
  const t = lines('kind: A', '# about B', '---', 'kind: B');
  assert.deepEqual(texts(t), [lines('kind: A', '# about B'), lines('---', 'kind: B')]);
});

test('"..." ends a document; what follows it, directives included, starts the next', () => {
  const t = lines('kind: A', '...', '%YAML 1.2', '---', 'kind: B', '...');
  assert.deepEqual(texts(t), [lines('kind: A', '...'), lines('%YAML 1.2', '---', 'kind: B', '...')]);
  assertCovers(t);
});

test('a --- at column 0 inside a block scalar is a marker, as YAML says', () => {
  const t = lines('kind: A', 'details:', '  adminNote: |', '    line one', '---', '    line two');
  assert.deepEqual(texts(t), [lines('kind: A', 'details:', '  adminNote: |', '    line one'), lines('---', '    line two')]);
});

test('lines that only look like markers are content', () => {
  const t = lines('kind: A', '----', '---x', ' ---', 'a: "---"', '....');
  assert.deepEqual(texts(t), [t]);
});

test('markers are found with CRLF endings, with a tab after them, and right after a byte-order mark', () => {
  const t = 'kind: A\r\n---\r\nkind: B\r\n---\tx: 1\r\n';
  assert.deepEqual(texts(t), ['kind: A\r\n', '---\r\nkind: B\r\n', '---\tx: 1\r\n']);
  assertCovers(t);
  const bom = '\uFEFF# lead\n---\nkind: A\n---\nkind: B\n';
  assert.deepEqual(texts(bom), ['\uFEFF# lead\n---\nkind: A\n', '---\nkind: B\n']);
  assertCovers(bom);
});

test('a lone CR is a line break for positions (as LSP counts) but not for markers (as YAML reads)', () => {
  const t = 'kind: A\rname: x\n---\nkind: B\r\rname: y\n---\rkind: C\n';
  assert.deepEqual(
    splitDocuments(t).map((s) => [s.line, s.text]),
    [
      [0, 'kind: A\rname: x\n'],
      [2, '---\nkind: B\r\rname: y\n'],
      [6, '---\rkind: C\n'],
    ],
  );
  assertCovers(t);
  const index = new LineIndex('a\rb\r\nc\n');
  assert.deepEqual(index.starts, [0, 2, 5, 7]);
  assert.equal(index.lineText(0), 'a');
  assert.equal(index.lineText(1), 'b');
  assert.deepEqual(index.position(4), { line: 1, character: 1 }, 'between CR and LF is the end of the line');
});

test('a file that ends without a newline keeps its last line', () => {
  const t = 'kind: A\n---\nkind: B';
  assert.deepEqual(texts(t), ['kind: A\n', '---\nkind: B']);
  assertCovers(t);
});

test('the splitter finds the documents the yaml package finds in the whole file (seeded random files)', () => {
  let seed = 2003;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pieces = [
    'kind: A',
    'name: x',
    '---',
    '--- # c',
    '---\r',
    '...',
    '# comment',
    '',
    'note: |',
    '  text',
    '---',
    '  # text too',
    'list:',
    '  - a',
    'k: "multi',
    '  line"',
    '--- [1, 2]',
  ];
  const values = (docs: { toJS(): unknown }[]) => docs.map((d) => JSON.stringify(d.toJS() ?? null)).filter((v) => v !== 'null');
  let compared = 0;
  for (let n = 0; n < 1000; n++) {
    const ls: string[] = [];
    for (let i = Math.floor(rand() * 12); i > 0; i--) ls.push(pieces[Math.floor(rand() * pieces.length)]);
    const text = ls.join('\n') + (rand() < 0.5 ? '\n' : '');
    const whole = parseAllDocuments(text);
    // Only texts YAML accepts have documents to compare.
    if (!Array.isArray(whole) || whole.some((d) => d.errors.length)) continue;
    const slices = splitDocuments(text).map((sl) => parseDocument(sl.text));
    assert.deepEqual(
      slices.map((d) => d.errors.length),
      slices.map(() => 0),
      JSON.stringify(text),
    );
    assert.deepEqual(values(slices), values(whole), JSON.stringify(text));
    compared++;
  }
  assert.ok(compared > 300, `only ${compared} valid texts`);
});

test('a parsed document counts offsets and lines from its own first line', () => {
  const file = new ParsedFile(lines('kind: A', '---', 'kind: B', 'name: x'));
  const second = file.documents[1];
  assert.equal(second.line, 1);
  assert.equal(second.offset, 8);
  const root = second.doc.root!;
  const name = root.items[1] as Pair;
  assert.deepEqual(second.doc.range(...(name.key as { range: [number, number] }).range), {
    start: { line: 2, character: 0 },
    end: { line: 2, character: 4 },
  });
  assert.equal(file.documentAtLine(0), file.documents[0]);
  assert.equal(file.documentAtLine(1), second);
  assert.equal(file.documentAtLine(3), second);
});

test('unchanged documents keep their parse (the same object) in the next version; changed ones are parsed again', () => {
  const a = lines('kind: Organization', 'name: Contoso');
  const b = lines('---', 'kind: RoutingGroup', 'name: Boston');
  const c = lines('---', 'kind: RoutingGroup', 'name: Paris');
  const v1 = new ParsedFile(a + b + c);
  const v2 = new ParsedFile(a + b.replace('Boston', 'Bostn') + c, v1);
  assert.equal(v2.documents[0].doc, v1.documents[0].doc);
  assert.notEqual(v2.documents[1].doc, v1.documents[1].doc);
  assert.equal(v2.documents[2].doc, v1.documents[2].doc);

  // Lines added above a document move it, but its parse and its findings are reused.
  const v3 = new ParsedFile('# new first line\n' + a + b + c, v1);
  assert.notEqual(v3.documents[0].doc, v1.documents[0].doc);
  assert.equal(v3.documents[2].doc, v1.documents[2].doc);
  assert.equal(v3.documents[2].line, v1.documents[2].line + 1);
  assert.equal(checkDocument(v3.documents[2].doc), checkDocument(v1.documents[2].doc));
});

test('the workspace reuses parses when a file is set again', () => {
  const ws = new Workspace();
  const a = lines('kind: Organization', 'name: Contoso');
  const b = lines('---', 'kind: Organization', 'name: Fabrikam');
  const first = ws.setFile('x.organization.yaml', a + b);
  assert.equal(ws.setFile('x.organization.yaml', a + b), first, 'the same text is the same parse');
  const second = ws.setFile('x.organization.yaml', a + b + '# more\n');
  assert.equal(second.documents[0].doc, first.documents[0].doc);
  assert.notEqual(second.documents[1].doc, first.documents[1].doc);
});

test('an alias is linked to the last anchor of its name before it; one without an anchor is a syntax error', () => {
  const doc = new ParsedDocument(lines('a: &x 1', 'b: &x 2', 'c: *x'));
  assert.deepEqual(doc.errors, []);
  const root = doc.root!;
  const alias = (root.items[2] as Pair).value;
  assert.ok(isAlias(alias));
  assert.equal(doc.aliasTarget(alias), (root.items[1] as Pair).value);

  const bad = new ParsedDocument(lines('c: *x', 'a: &x 1'));
  assert.deepEqual(bad.errors, [
    {
      range: { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } },
      message: 'Unknown alias *x: no anchor &x is set before it.',
    },
  ]);
});

test('syntax errors: one per line, at most MAX_SYNTAX_ERRORS per document', () => {
  const tabs = new ParsedDocument('kind: A\n' + '\tx: 1\n'.repeat(3));
  assert.deepEqual(
    tabs.errors.map((e) => e.range.start),
    [1, 2, 3].map((line) => ({ line, character: 0 })),
  );
  const many = new ParsedDocument('kind: A\n' + '- x\n'.repeat(MAX_SYNTAX_ERRORS * 3));
  assert.equal(many.errors.length, MAX_SYNTAX_ERRORS);
  assert.equal(new Set(many.errors.map((e) => e.range.start.line)).size, MAX_SYNTAX_ERRORS);
});

test('a document is empty when it holds only markers, comments and blank lines', () => {
  for (const t of ['', '---\n', '# c\n\n', '---\n# c\n...\n']) assert.equal(new ParsedDocument(t).isEmpty, true, JSON.stringify(t));
  for (const t of ['kind: A\n', '--- x\n', '---\n[\n']) assert.equal(new ParsedDocument(t).isEmpty, false, JSON.stringify(t));
  assert.ok(isMap(new ParsedDocument('{}').root));
});

test('LineIndex: LSP positions in UTF-16 units, CRLF line ends, offsets clamped', () => {
  const t = 'a: 😀x\r\nb: 2\r\n';
  const index = new LineIndex(t);
  assert.equal(index.lineCount, 3);
  assert.deepEqual(index.position(t.indexOf('x')), { line: 0, character: 5 });
  assert.equal(index.lineText(0), 'a: 😀x');
  assert.equal(index.lineEnd(0), 6);
  assert.equal(index.offset({ line: 1, character: 99 }), t.indexOf('\r', 8));
  assert.equal(index.offset({ line: 9, character: 0 }), t.length);
  assert.equal(detectEol(t), '\r\n');
  assert.equal(detectEol('a\nb\r\n'), '\n');
});

test('closest: a case-only match first, else the nearest within the bound', () => {
  assert.deepEqual(closest('SMARTHOST', ['dns', 'smartHost'], 2), ['smartHost']);
  assert.deepEqual(closest('delivry', ['delivery', 'deliveryX'], 2), ['delivery']);
  assert.deepEqual(closest('zzz', ['dns', 'smartHost'], 2), []);
  assert.deepEqual(closest('2007', ['5.5', '2000', '2003'], 2), ['2000', '2003']);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3, 'bounded: stops past the bound');
});

test('a flood of stray brackets gives its first syntax errors, and the parse leaves the global stack-trace limit as it was (it lowers it to 0 meanwhile)', () => {
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 7;
    const doc = new ParsedDocument(`kind: SmtpConnector\nname: x\n${']'.repeat(5000)}\n`);
    assert.equal(Error.stackTraceLimit, 7);
    assert.ok(doc.errors.length >= 1 && doc.errors.length <= MAX_SYNTAX_ERRORS, `${doc.errors.length} errors`);
    assert.equal(doc.errors[0].range.start.line, 2);
  } finally {
    Error.stackTraceLimit = limit;
  }
});
