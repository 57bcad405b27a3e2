import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNode, isPair, parseDocument } from 'yaml';
import { MAX_PLAIN_DEPTH, keyScanned, parsePlainYaml, plainParses } from '../../server/src/model/plainYaml';
import { MAX_NESTING, nestingOverflow, nestingScans } from '../../server/src/model/depth';
import { PARSE_OPTIONS } from '../../server/src/model/longList';
import { splitDocuments } from '../../server/src/model/split';
import { ParsedFile } from '../../server/src/model/parse';
import { checkDocument } from '../../server/src/engine/checkDocument';
import { generateOrganization } from '../../bench/workspace-gen';
import { ROOT } from '../helpers/paths';
import { seededRandom } from '../helpers/random';

/**
 * The fast path for plain YAML (model/plainYaml.ts) against the `yaml`
 * package: wherever it takes a text, the tree is the package's, node for
 * node (class, range, value, source, type, every other own property), and
 * the package reports no error or warning for it.
 */

/** Where two trees differ, as a path, or undefined when they are the same. */
function difference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${String(a)} ≠ ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: another class`;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    if (a.length !== bs.length) return `${path}: ${a.length} items ≠ ${bs.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], bs[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const own = (o: object) => [...Object.keys(o), ...Object.getOwnPropertySymbols(o).map(String)].filter((k) => k !== 'schema').sort();
  const ka = own(a);
  const kb = own(b);
  if (ka.join() !== kb.join()) return `${path}: properties ${ka.join()} ≠ ${kb.join()}`;
  for (const k of Object.keys(a)) {
    if (k === 'schema') continue;
    const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

/** The fast path's tree equals the package's wherever the fast path takes the text; true when it took it. */
function assertSame(text: string): boolean {
  const fast = parsePlainYaml(text, PARSE_OPTIONS);
  if (!fast) return false;
  const full = parseDocument(text, PARSE_OPTIONS);
  assert.deepEqual([full.errors.length, full.warnings.length], [0, 0], `the package has errors for ${JSON.stringify(text)}`);
  assert.ok(isNode(fast.contents));
  const d =
    difference(fast.contents, full.contents) ??
    difference(fast.range, full.range, '$range') ??
    difference(fast.commentBefore, full.commentBefore, '$commentBefore') ??
    difference(fast.directives.docStart, full.directives.docStart, '$docStart');
  assert.equal(d, undefined, `${JSON.stringify(text)}: ${d}`);
  return true;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

/** Every document of the repository's fixtures and examples, and of a generated organization. */
function corpus(): string[] {
  const files = [...yamlFiles(join(ROOT, 'test', 'fixtures')), ...yamlFiles(join(ROOT, 'examples')), ...generateOrganization(40).values()];
  return files.flatMap((f) => splitDocuments(f).map((s) => s.text));
}

test('the fast path gives the yaml package’s tree for every document of the fixtures, examples and a generated organization', () => {
  let taken = 0;
  const docs = corpus();
  for (const text of docs) if (assertSame(text)) taken++;
  // Generated connector files are plain: the fast path must take them, not just agree where it does.
  assert.ok(taken >= 100, `only ${taken} of ${docs.length} documents took the fast path`);
});

test('small texts at the edges of the subset: the same tree, or the package parses', () => {
  const cases = [
    'a: 1',
    'a: 1\n',
    'a: b\nc: d',
    'a:\n  b: c\n',
    'a:\n- b\n- c\n',
    'a:\n- b\nc: d\n',
    'a:\n  - b\n  - c\nd: e\n',
    '- a\n- b\n',
    '- a: 1\n  b: 2\n- c: 3\n',
    '- a:\n  - b\n',
    '- a:\n    b: c\n',
    '- a:\n  - b\n  c: d\n',
    'a:\n  - b\n  c: d\n',
    'a: b\n- c\n',
    `${'k'.repeat(1000)}: v\n`,
    `${'k'.repeat(1100)}: v\n`,
    `- ${'k'.repeat(1100)}: v\n`,
    `a: ${'v'.repeat(5000)}\n`,
    'a: b:c\n',
    // Keys the core schema reads as booleans or null are not strings.
    'true: x\n',
    'null: y\n',
    'False: 1\n',
    '- NULL: a\n',
    'a:\n  TRUE: b\n',
    'a: http://x/y\n',
    'a: 10:30\n',
    'a: 012\n',
    'a: 123456789012345\n',
    'a: 1234567890123456\n',
    'a: 1.5\n',
    'a: true\n',
    'a: null\n',
    'a: ~\n',
    'a: -\n',
    'a: -b\n',
    'a: b -\n',
    'a: b :c\n',
    'a: b:\n',
    'a:\n',
    'a: b\n  c\n',
    'a: b\n c: d\n',
    'a:\n  b: c\n d: e\n',
    '- a\n  - b\n',
    '- - a\n',
    '-a\n',
    'a: 1\n\nb: 2\n',
    'a: 1 \n',
    ' a: 1\n',
    '---\na: 1\n',
    'a: 1\n...\n',
    'a: 1\r\n',
    'a:\tb\n',
    'a: b # c\n',
    'a: "b"\n',
    'a: [b]\n',
    'a: *b\n',
    'a: !b c\n',
    '? a\n: b\n',
    'a b: c\n',
    'a: b\nb: c\na: d\n',
    'a: Zürich\n',
    'a: "*"\n',
    "a: '*'\n",
    'a: "b: c"\n',
    'a: "b\\"c"\n',
    "a: 'b''c'\n",
    'a: "b" c\n',
    'a: b"c\n',
    '- "b"\n',
    '"a": b\n',
    'a: ""\n',
    'a: b*c\n',
    'a: *\n',
    '- *a\n',
    '',
    '\n',
    '\n\n',
    // Booleans, comment lines and a marker at the top, flow lists as values.
    'a: false\nb: True\nc: FALSE\nd: tRUE\n',
    '# c\nk: v\n',
    '# one\n# two: [x]\nk: v\n',
    '#c\nk: v\n',
    '#\nk: v\n',
    '# c \nk: v\n',
    '# c\n\nk: v\n',
    '# c\n- a\n',
    '# c\n',
    '# c',
    '# é\nk: v\n',
    '# c\r\nk: v\n',
    '---\nk: v\n',
    '---\n# c\n# d\nk: v\nx: y\n',
    '---\n- a\n',
    '---\n# c\n- a\n',
    '--- \nk: v\n',
    '--- k\n',
    '# c\n---\nk: v\n',
    'k: v\n# c\n',
    'k:\n  # c\n  a: b\n',
    'a: [high, normal]\nb: 1\n',
    'a: ["Mon-Fri 18:00-07:00", \'Sat\']\n',
    'a: []\n',
    'a: [ ]\n',
    'a: [ x ]\n',
    'a: [ "b" , \'c\' ]\n',
    'a: [x,y]\n',
    'a: [1, 2, true, x y]\n',
    'x:\n  a: [b, c]\n  d: e\n',
    'a: [b, ]\n',
    'a: [, b]\n',
    'a: [b,, c]\n',
    'a: [b] c\n',
    'a: [b]c\n',
    'a: [b\n',
    'a: b]\n',
    'a: b[c]\n',
    'a: [[b]]\n',
    'a: [b: c]\n',
    'a: [b:c]\n',
    'a: [-b, -]\n',
    'a: [- b]\n',
    'a: [? b]\n',
    'a: [*b]\n',
    'a: ["b", c"d]\n',
    'a: ["b" c]\n',
    'a: ["b\\"c"]\n',
    "a: ['b''c']\n",
    'a: [null, 1.5, ~]\n',
    'a: [b]\n',
    'a: [b]',
    '- [a, b]\n',
    '- a: [b]\n',
    '[a]: b\n',
    // Blank lines between entries: the package marks the node after them.
    'a: 1\n\nb: 2\n',
    'a: 1\n\n\nb: 2\n',
    'a:\n  b: c\n\nd: e\n',
    'a:\n  b: c\n\n  d: e\n',
    'a:\n  - x\n\n  - y\nd: e\n',
    'a:\n  - x\n\nb: 1\n',
    'l:\n  - a: 1\n\n  - b: 2\n',
    'l:\n  - a: 1\n\n    b: 2\n',
    'a:\n\n  b: c\n',
    'a:\n\n  - x\n',
    'a:\n\n- x\n',
    '- a\n\n- b\n',
    'a: 1\nb: 2\n\n',
    'a: 1\nb: 2\n\n\n',
    'a: b\n\n  c\n',
    '- a\n\n  b\n',
    'a: [b]\n\n  c\n',
    'a: 1\n  \nb: 2\n',
    '\na: 1\n',
    '---\n\na: 1\n',
    '# c\n\na: 1\n',
    '---\n# c\n\na: 1\n',
    '# c\nk: v\n\nx: y\n\n',
    // Comment lines between entries: to the node after them when indented as it, else the package's parse.
    'a: 1\n# c\nb: 2\n',
    'a:\n  b: c\n# d\nd: e\n',
    'a:\n  b: c\n  # d\nd: e\n',
    'a:\n    b: c\n  # d\nd: e\n',
    'l:\n  - x\n  # c\n  - y\n',
    'l:\n  - a: 1\n    # c\n  - b: 2\n',
    'l:\n  - a: 1\n  # c\n  - b: 2\n',
    'l:\n  - a: 1\n    # c\n    b: 2\n',
    'a: 1\n# c\n\nb: 2\n',
    'a: 1\n\n# c\n# d\nb: 2\n',
    'a: 1\n# c\n\n# d\nb: 2\n',
    'a: 1\n# c\n  # d\nb: 2\n',
    'a:\n  # c\n  b: 1\n',
    'a:\n# c\n  b: 1\n',
    'a:\n- x\n# c\nb: 1\n',
    'a:\n- x\n# c\n- y\n',
    'a:\n  b:\n    c: 1\n  # x\n  d: 2\n',
    'a: 1\n#\nb: 2\n',
    'a: 1\n# é\nb: 2\n',
    'a: 1\n# c #d: [x]\nb: 2\n',
    'a: 1\n# c\n',
    // A comment after a value on its line: the node's comment, its range past the line's end.
    'a: b # c\nd: e\n',
    'a: b  #  c\n',
    'a: b #c',
    'a: b #\n',
    'a: b # c # d\n',
    'a: "b" # c\nd: e\n',
    "a: 'b c' # d\n",
    'a: "b # c"\n',
    'a: "b # c" # d\n',
    'a: [b] # c\n',
    'a: [b, "c"]  # d\ne: f\n',
    'a: [b # c]\n',
    'l:\n  - x # c\n  - y\n',
    'l:\n  - a: 1 # c\n    b: 2\n',
    'a: # c\n  b: 1\n',
    'a: #c\n',
    'a: b # c\n  # d\ne: f\n',
    'a: b # c\n# d\ne: f\n',
    'a: b # c\n\ne: f\n',
    'a:\n  x: b # c\ne: f\n',
    'a:\n  x: b # c\n# d\ne: f\n',
    'a: b # c\n\n',
    'a: 10 # c\n',
    'a: true # c\n',
    'a: b # c: d\n',
    'a: b # [c]\n',
    '- # c\n',
    // A comment after a key whose value is below it: the comment before that collection.
    'a: # c\n  b: 1\n',
    'a:   # c\n  - x\n',
    'a: # c\n  # d\n  b: 1\n',
    'a: # c\n\n  b: 1\n',
    'a: # c\n- x\n',
    'l:\n  - a: # c\n      b: 1\n',
    'a: # c\nb: 1\n',
    'a: #\n  b: 1\n',
    'a: # c\n',
    'a: # c\n  b: # d\n    e: f # g\n',
    'a:# c\n  b: 1\n',
    // Flow mappings as values.
    'a: { b: c, d: 1 }\n',
    'a: {b: c}\n',
    'a: {}\n',
    'a: { }\n',
    'a: { b: "c d" }  # x\n',
    "a: { b: 'c', d: true, e: 12 }\ne: f\n",
    'x:\n  a: { b: c }\n  d: e\n',
    'a: { b: c, }\n',
    'a: { b }\n',
    'a: { b: }\n',
    'a: { b:c }\n',
    'a: { b:cd, e: f }\n',
    'a: { b : c }\n',
    'a: { b: c: d }\n',
    'a: { b: [c] }\n',
    'a: { b: { c: d } }\n',
    'a: { true: c }\n',
    'a: { "b": c }\n',
    'a: { b c: d }\n',
    'a: { b: c } d\n',
    'a: { b: c\n',
    'a: b }\n',
    'a: b{c}\n',
    'a: [{ b: c }]\n',
    'a: [b}]\n',
    '- { b: c }\n',
    '{ b: c }: d\n',
    'a: { b: 10:30 }\n',
    'a: { b: c # d }\n',
    'a: b#c\n',
    'a: b #c\n',
    'a: "b#c"\n',
    'a: [b#c]\n',
    'a: [b, #c]\n',
    'a: ["#"]\n',
    '- #c\n',
    'a#: b\n',
  ];
  for (const text of cases) assertSame(text);
  assert.equal(parsePlainYaml('a: 1\n', PARSE_OPTIONS)?.contents?.toJSON().a, 1);
  // What a connector file holds is taken: booleans, flow lists, a marker and comments at the top.
  const connector = '---\n# Connector 7\nallowRelay: false\nallowedTypes: [system, nonSystem]\nschedule: ["Mon-Fri 18:00-07:00"]\n';
  assert.deepEqual(parsePlainYaml(connector, PARSE_OPTIONS)?.contents?.toJSON(), {
    allowRelay: false,
    allowedTypes: ['system', 'nonSystem'],
    schedule: ['Mon-Fri 18:00-07:00'],
  });
  for (const inside of [
    'a: { b: c, d: 1 }\n',
    'a: {}\n',
    'a: # c\n  b: 1\n',
    'a: b # c\n',
    'l:\n  - x # c\n  - y: [z] # d\n',
    'a: 1\n# c\nb: 2\n',
    'l:\n  - a: 1\n  # c\n  - b: 2\n',
    'a: 1\n\nb: 2\n',
    'a:\n  - x\n\nb: 1\n\n',
    'a: true\n',
    '# c\nk: v\n',
    '---\n# c\nk: v\n',
    'a: [b, 1]\n',
    'a: []\n',
  ])
    assert.ok(assertSame(inside), JSON.stringify(inside));
  for (const outside of [
    'a: { b: c, }\n',
    'a: { b: { c: d } }\n',
    'a: # c\n\n  b: 1\n',
    'a: b #\n',
    'a: 1\n# c\n',
    'a:\n  b: c\n  # d\nd: e\n',
    'a: 1\n  \nb: 2\n',
    '\na: 1\n',
    '---\n---\na: 1\n',
    'a: 1\r\n',
    'a: "b\\n"\n',
    'a: b\n  c\n',
    'a: ~\n',
    'k: v\n# c\n',
    'a: [b, ]\n',
    'a: [b:c]\n',
  ])
    assert.equal(parsePlainYaml(outside, PARSE_OPTIONS), undefined, JSON.stringify(outside));
});

test('mutations of plain documents: wherever the fast path takes one, the same tree as the package', () => {
  const random = seededRandom(11);
  const pieces = [' ', '  ', '\n', '- ', ': ', ':', '-', 'a', '7', 'x: y\n', '\n  ', '\n- ', '.', '~', '0x1', 'true', '"', "'", '*'];
  pieces.push(
    '[',
    ']',
    ', ',
    ',',
    '#',
    '# ',
    '\n#',
    '---\n',
    'false',
    '[a, b]',
    '\n# c\n',
    '\n\n',
    '\n  # c\n',
    '\n    # c\n  ',
    '# c\n',
    ' # c',
    ' #c',
    '  # c: [d]',
    '{',
    '}',
    '{ a: b }',
    ': ',
  );
  const plain = corpus().filter((t) => parsePlainYaml(t, PARSE_OPTIONS));
  let taken = 0;
  let withComments = 0;
  for (let n = 0; n < 4000; n++) {
    let text = plain[Math.floor(random() * plain.length)];
    for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
      const at = Math.floor(random() * (text.length + 1));
      const cut = random() < 0.4 ? Math.floor(random() * 4) : 0;
      const piece = random() < 0.7 ? pieces[Math.floor(random() * pieces.length)] : '';
      text = text.slice(0, at) + piece + text.slice(at + cut);
    }
    if (assertSame(text)) {
      taken++;
      if (/\n *#/.test(text)) withComments++;
      // What the fast path takes is never refused for its nesting (the parse does not measure it then).
      assert.equal(nestingOverflow(text), -1, JSON.stringify(text));
    }
  }
  assert.ok(taken > 500, `only ${taken} mutations took the fast path`);
  assert.ok(withComments > 50, `only ${withComments} mutations with a comment line took the fast path`);
});

test('a workspace of generated files is parsed by the fast path, with the same findings as the package’s parse', () => {
  const files = [...generateOrganization(10).values()];
  const before = plainParses;
  const scans = nestingScans;
  const fast = files.map((t) => new ParsedFile(t));
  assert.equal(plainParses - before, files.length);
  assert.equal(nestingScans - scans, 0, 'no nesting scan for what the fast path takes');
  for (const [i, file] of fast.entries()) {
    const doc = file.documents[0].doc;
    assert.ok(isPair((doc.yaml?.contents as { items: unknown[] }).items[0]));
    // The package's parse of the same text, through the same rules.
    const full = parseDocument(files[i], PARSE_OPTIONS);
    assert.equal(difference(doc.yaml!.contents, full.contents), undefined);
    assert.ok(Array.isArray(checkDocument(doc)));
  }
});

test('a long list of lines without a colon: each line is looked at once for a key, not to the next colon of the text', () => {
  const text = 'list:\n' + Array.from({ length: 5000 }, (_, i) => `  - item ${i}`).join('\n') + '\nlast: x\n';
  const before = keyScanned;
  const doc = parsePlainYaml(text, PARSE_OPTIONS);
  assert.ok(doc);
  assert.equal((doc.contents as { items: unknown[] }).items.length, 2);
  assert.ok(keyScanned - before <= text.length, `${keyScanned - before} characters looked at for ${text.length}`);
});

test('nesting: the fast path takes documents up to MAX_PLAIN_DEPTH collections deep, far from MAX_NESTING; deeper ones are measured and parsed as before', () => {
  /** `depth` collections nested, as mappings, as lists of mappings (`- key:`) or as lists of lists below keys. */
  const nested = (depth: number, shape: 'map' | 'item' | 'list'): string => {
    const lines: string[] = [];
    let indent = '';
    for (let d = 1; d < depth; d++) {
      if (shape === 'map') {
        lines.push(`${indent}k${d}:`);
        indent += '  ';
      } else if (shape === 'item') {
        lines.push(`${indent}- k${d}:`);
        indent += '    ';
        d++;
      } else {
        lines.push(`${indent}k${d}:`, `${indent}- k${d}b: x`, `${indent}  k${d}c:`);
        indent += '    ';
        d++;
      }
    }
    lines.push(`${indent}leaf: x`);
    return lines.join('\n') + '\n';
  };
  for (const shape of ['map', 'item', 'list'] as const)
    for (let depth = 2; depth <= 2 * MAX_NESTING; depth += 1) {
      const text = nested(depth, shape);
      const overflow = nestingOverflow(text);
      const scans = nestingScans;
      const file = new ParsedFile(text);
      const taken = parsePlainYaml(text, PARSE_OPTIONS) !== undefined;
      if (taken) {
        assertSame(text);
        assert.equal(overflow, -1, `${shape} ${depth}: taken, and within MAX_NESTING`);
        assert.equal(nestingScans, scans, `${shape} ${depth}: no scan`);
      } else assert.equal(nestingScans - scans, 1, `${shape} ${depth}: measured`);
      if (depth <= 10) assert.ok(taken, `${shape} ${depth}: taken`);
      if (depth > 2 * MAX_PLAIN_DEPTH) assert.ok(!taken, `${shape} ${depth}: too deep for the fast path`);
      // Too deep to parse: refused as before, by the scan.
      assert.equal(file.documents[0].doc.yaml === undefined, overflow >= 0, `${shape} ${depth}`);
    }
});
