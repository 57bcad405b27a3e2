import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParsedDocument } from '../../server/src/model/parse';
import { locate } from '../../server/src/model/locate';
import { JUMP_FROM_LINES } from '../../server/src/model/blockJump';
import { seededRandom } from '../helpers/random';

// In a long document that parsed without error, locate's walks step over
// whole block collections (model/blockJump.ts) instead of reading each line.
// What they find must be what the line-by-line walk finds, which a document
// with an error still uses.

/** The same text, walked line by line: a document with an error makes no jump. */
function lineByLine(text: string): ParsedDocument {
  const doc = new ParsedDocument(text);
  doc.errors.push({ range: doc.lines.range(0, 0), message: 'walk line by line' });
  return doc;
}

/** A long connector-like document: lists at and right of their key's column, comments and blank lines at odd columns, block scalars, flow collections. */
function longDocument(seed: number): string {
  const r = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const out = ['kind: SmtpConnector', 'name: Long', '# a comment', 'general:', '  delivery: dns', 'addressSpace:', '  entries:'];
  let i = 0;
  while (out.length < JUMP_FROM_LINES * 2) {
    i++;
    const entry = pick([
      [`    - type: SMTP`, `      address: "d${i}.example"`, `      cost: ${i}`],
      [`    -`, `      type: X400`, `      address: |`, `        line one`, `        line two`, `      cost: 2`],
      [`    # between entries`, `    - { type: SMTP, address: "f${i}.example", cost: 3 }`],
      [`    - type: SMTP`, ``, `      address: "e${i}.example"`, `# at column 0`, `      cost: 4`],
      [`    - type: SMTP`, `      nested:`, `      - a`, `      - b: 1`, `        c: [1,`, `          2]`],
    ]);
    out.push(...entry);
    // Now and then other keys beside the list, a list at its key's column, and a new list for the entries that follow.
    if (r() < 0.05) out.push(`  other${i}: ${i}`, '  atColumn:', '  - x', '  - y: 1', '    z: 2', `  more${i}:`);
  }
  out.push('list:', '- a', '- b: 1', '  c:', '  - x', '  - y', 'advanced:', '  outboundSecurity:', '    tls: true', '    # last', '');
  return out.join('\n');
}

test('in a long document, locate finds what the line-by-line walk finds, at every line and column', () => {
  for (const seed of [1, 2, 3]) {
    const text = longDocument(seed);
    const fast = new ParsedDocument(text);
    assert.deepEqual(fast.errors, [], `seed ${seed}: the document parses`);
    const slow = lineByLine(text);
    for (let line = 0; line < fast.lines.lineCount; line++) {
      const length = fast.lines.lineText(line).length;
      for (let character = 0; character <= length + 2; character++) {
        const offset = fast.lines.offset({ line, character });
        assert.deepEqual(locate(fast, offset), locate(slow, offset), `seed ${seed}, line ${line + 1}, column ${character + 1}`);
      }
    }
  }
});

/** Counts the reads of the document's line starts: each line looked at reads at least one. */
function countingReads(doc: ParsedDocument): { reads: number } {
  const counter = { reads: 0 };
  const starts = doc.lines.starts;
  Object.defineProperty(doc.lines, 'starts', {
    value: new Proxy(starts, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) counter.reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    }),
  });
  return counter;
}

test('at the end of a list of 20,000 entries, locate looks at a few lines, not at every entry', () => {
  const entries = Array.from({ length: 20_000 }, (_, i) => `    - type: SMTP\n      address: "d${i}.example"\n      cost: ${i % 100}`);
  const text = ['kind: SmtpConnector', 'name: Long', 'addressSpace:', '  entries:', ...entries, 'advanced:', '  tls: true', ''].join('\n');
  const positions = [
    { line: 4 + 3 * 19_999 + 2, character: 8 }, // the last entry's cost
    { line: 4 + 3 * 19_999, character: 6 }, // the last entry's first key, after its dash
    { line: 4 + 3 * 20_000, character: 2 }, // `advanced:` at the top level, below the list
  ];
  const fast = new ParsedDocument(text);
  const slow = lineByLine(text);
  const fastReads = countingReads(fast);
  const slowReads = countingReads(slow);
  for (const p of positions) {
    fastReads.reads = 0;
    slowReads.reads = 0;
    const found = locate(fast, fast.lines.offset(p));
    assert.deepEqual(found, locate(slow, slow.lines.offset(p)));
    assert.ok(slowReads.reads > 20_000, `the line-by-line walk looks at every entry (${slowReads.reads} reads)`);
    assert.ok(fastReads.reads < 500, `${fastReads.reads} reads at line ${p.line + 1}`);
  }
  assert.deepEqual(locate(fast, fast.lines.offset(positions[0])).path, ['addressSpace', 'entries']);
  assert.deepEqual(locate(fast, fast.lines.offset(positions[2])).siblings, ['addressSpace', 'name', 'kind']);
});
