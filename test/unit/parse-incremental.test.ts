import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParsedFile } from '../../server/src/model/parse';

// A new version of a file re-splits only around the change; its documents
// must be exactly those of a fresh parse, whatever the edit.
const PIECES = [
  '---\n',
  '...\n',
  '--- # c\n',
  'a: 1\n',
  '# note\n',
  '\n',
  'b:\n  - x\n',
  'k: |\n  ---\n',
  '---',
  '..',
  'c: 2\r\n',
  'd: 3\r',
  '\ufeff',
];

function randomText(rnd: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rnd() * PIECES.length)];
  return s.replace(/(?!^)\ufeff/g, '');
}

function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x80000000;
  };
}

const shape = (f: ParsedFile) => f.documents.map((d) => ({ text: d.doc.text, line: d.line, offset: d.offset }));

test('after any edit, the documents (text, line, offset) are those of a fresh parse, with or without the changed window', () => {
  const rnd = rng(7);
  for (let round = 0; round < 1500; round++) {
    const before = randomText(rnd, 1 + Math.floor(rnd() * 12));
    const start = Math.floor(rnd() * (before.length + 1));
    const end = Math.min(before.length, start + Math.floor(rnd() * 12));
    const inserted = randomText(rnd, Math.floor(rnd() * 3));
    const after = before.slice(0, start) + inserted + before.slice(end);
    const prev = new ParsedFile(before);
    const fresh = shape(new ParsedFile(after));
    const what = JSON.stringify({ before, start, end, inserted });
    assert.deepEqual(shape(new ParsedFile(after, prev)), fresh, `compared: ${what}`);
    assert.deepEqual(shape(new ParsedFile(after, prev, { start, end: start + inserted.length })), fresh, `window: ${what}`);
  }
});

test('an edit inside one document of many re-splits it with its neighbours, re-parses it alone, and moves the later ones', () => {
  const docs = Array.from({ length: 50 }, (_, i) => `---\nname: c${i}\ncost: ${i}\n`);
  const prev = new ParsedFile(docs.join(''));
  const at = prev.documents[25].offset + 'name: c25\n'.length + 4; // in "cost: 25"
  const next = prev.text.slice(0, at) + '\n# inserted\n' + prev.text.slice(at);
  const file = new ParsedFile(next, prev, { start: at, end: at + '\n# inserted\n'.length });
  // Re-split from the document before to the one after; only the edited one is parsed again.
  assert.deepEqual(file.splice, { from: 24, removed: 3, added: 3, lineDelta: 2 });
  const reparsed = file.documents.flatMap((d, i) => (d.doc !== prev.documents[i].doc ? [i] : []));
  assert.deepEqual(reparsed, [25]);
  assert.equal(file.documents[49].line, prev.documents[49].line + 2);
  assert.equal(file.documents[49].offset, prev.documents[49].offset + '\n# inserted\n'.length);
});
