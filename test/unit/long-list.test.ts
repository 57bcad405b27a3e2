import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, type YAMLSeq } from 'yaml';
import { ParsedFile, type ParsedDocument } from '../../server/src/model/parse';
import { Workspace } from '../../server/src/engine/workspace';
import { extract } from '../../server/src/model/extract';
import { entryWork } from '../../server/src/model/entryMemo';

// A large document's long list: an edit inside its entries re-parses only
// those entries. Whatever the edit, the result must be the one a parse of
// the whole text gives: the same nodes (kind, range, value) and the same
// findings.

const GROUP = [
  'kind: RoutingGroup',
  'name: Paris',
  'administrativeGroup: Europe',
  'servers:',
  '  - name: PARIS-EX01',
  '    fqdn: paris-ex01.contoso.com',
].join('\n');

/**
 * Most entries are valid; some say something, so that what the rules say of
 * an entry is compared too: an inner wildcard (a fix), an invalid address, a
 * duplicate of the entry before (related information, a fix), no address (on
 * the whole entry), and an empty entry (on the list's key, outside it).
 */
function entry(k: number): string {
  if (k === 250) return `    -\n`;
  const cost = `      cost: ${1 + (k % 100)}\n`;
  if (k % 37 === 0) return `    - type: SMTP\n      address: "lab.*.d${k}.partner.example"\n${cost}`;
  if (k % 53 === 0) return `    - type: SMTP\n      address: "*.d${k - 1}.partner.example"\n${cost}`;
  if (k % 71 === 0) return `    - type: SMTP\n      address: "not an address ${k}"\n${cost}`;
  if (k % 97 === 0) return `    - type: SMTP\n${cost}`;
  return plainEntry(k);
}

function plainEntry(k: number): string {
  return `    - type: SMTP\n      address: "*.d${k}.partner.example"\n      cost: ${1 + (k % 100)}\n`;
}

function largeConnector(entries: number, entryOf = entry): string {
  const head = [
    'kind: SmtpConnector',
    'name: Paris Internet',
    'administrativeGroup: Europe',
    'routingGroup: Paris',
    'general:',
    '  delivery: dns',
    'addressSpace:',
    '  scope: organization',
    '  entries:',
    '',
  ].join('\n');
  let body = '';
  for (let k = 1; k <= entries; k++) body += entryOf(k);
  return `${head}${body}contentRestrictions:\n  maxMessageSizeKB: 10240\n`;
}

function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x80000000;
  };
}

/** The node tree as data: kinds, ranges, values; comments are not part of it (nothing reads them from nodes). */
function dump(node: unknown): unknown {
  if (node == null) return null;
  if (isPair(node)) return ['pair', dump(node.key), dump(node.value)];
  if (isScalar(node)) return ['scalar', node.range, node.value, node.type ?? null, node.tag ?? null, node.anchor ?? null];
  if (isAlias(node)) return ['alias', node.range, node.source];
  if (isMap(node) || isSeq(node))
    return [isMap(node) ? 'map' : 'seq', node.range, !!node.flow, node.tag ?? null, node.anchor ?? null, node.items.map(dump)];
  return ['?'];
}

const shape = (d: ParsedDocument) => ({ tree: dump(d.yaml?.contents), range: d.yaml?.range ?? null, errors: d.errors });

/** A model as data: its values and ranges, each yaml node it holds by its kind and range. */
function modelShape(v: unknown): unknown {
  if (isNode(v) || isPair(v)) return ['node', dump(v)];
  if (Array.isArray(v)) return v.map(modelShape);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, modelShape(x)]));
  return v;
}

/** The entries list of the connector (the file's second document), when it reads as one. */
function entriesOf(file: ParsedFile): YAMLSeq | undefined {
  const seq = file.documents[1]?.doc.root?.getIn(['addressSpace', 'entries'], true);
  return isSeq(seq) ? seq : undefined;
}

type Edit = { start: number; end: number; text: string };

/** Offsets where lines start inside the connector's entries. */
function entryLineStarts(text: string): number[] {
  const out: number[] = [];
  const from = text.indexOf('  entries:\n');
  const to = text.indexOf('contentRestrictions:');
  if (from < 0 || to < 0) return out;
  for (let i = text.indexOf('\n', from) + 1; i > 0 && i < to; i = text.indexOf('\n', i) + 1) out.push(i);
  return out;
}

const HOSTILE = ['"', "'", '[', '{', '&a ', '*a', ': ', '- ', '\t', '#', '|', '>', '---\n', '...\n', '\r', '%', '  ', '? '];

/**
 * A random edit among the entries: values, comments, whole entries, joined
 * lines, stray characters, indentation. Those that break the list are taken
 * out again by the next edit (`undo`), so that the list is often whole and valid.
 */
function randomEdit(rnd: () => number, text: string): { edit: Edit; undo: boolean } {
  const lines = entryLineStarts(text);
  const at = lines[Math.floor(rnd() * lines.length)] ?? text.length;
  const pick = Math.floor(rnd() * 7);
  if (pick === 0) {
    const c = text.indexOf('cost: ', at) + 'cost: '.length;
    return { edit: { start: c, end: text.indexOf('\n', c), text: String(Math.floor(rnd() * 200)) }, undo: false };
  }
  if (pick === 1)
    return {
      edit: { start: at, end: at, text: rnd() < 0.5 ? '    # note\n' : '      # exconn-disable-next-line cost-range\n' },
      undo: false,
    };
  if (pick === 2) return { edit: { start: at, end: at, text: entry(90000 + Math.floor(rnd() * 1000)) }, undo: false };
  if (pick === 3) {
    const next = text.indexOf('\n    - ', at + 1);
    return { edit: { start: at, end: next < 0 ? at : next + 1, text: '' }, undo: false };
  }
  if (pick === 4) {
    const nl = text.indexOf('\n', at);
    return { edit: { start: nl, end: nl + 1, text: '' }, undo: true };
  }
  if (pick === 5) return { edit: { start: at, end: at + 2, text: '' }, undo: true };
  const col = at + Math.floor(rnd() * 12);
  return { edit: { start: col, end: col, text: HOSTILE[Math.floor(rnd() * HOSTILE.length)] }, undo: true };
}

const apply = (text: string, e: Edit) => text.slice(0, e.start) + e.text + text.slice(e.end);

test('after any edit inside a long list, the document and its findings are those of a parse of the whole text', () => {
  const rnd = rng(11);
  const uri = 'file:///w/paris.connector.yaml';
  const ws = new Workspace();
  let text = `${GROUP}\n---\n${largeConnector(500)}`;
  ws.setFile(uri, text);
  let spliced = 0;
  for (let step = 0; step < 60; step++) {
    const { edit, undo } = randomEdit(rnd, text);
    const edits = undo ? [edit, { start: edit.start, end: edit.start + edit.text.length, text: text.slice(edit.start, edit.end) }] : [edit];
    for (const e of edits) {
      const before = entriesOf(ws.file(uri)!)?.items[0];
      text = apply(text, e);
      const file = ws.setFile(uri, text, { start: e.start, end: e.start + e.text.length });
      if (before && entriesOf(file)?.items[0] === before) spliced++;
      const fresh = new Workspace();
      const whole = fresh.setFile(uri, text);
      const what = `step ${step}: ${JSON.stringify(e)}`;
      assert.equal(file.documents.length, whole.documents.length, what);
      for (let d = 0; d < whole.documents.length; d++) {
        assert.deepEqual(shape(file.documents[d].doc), shape(whole.documents[d].doc), what);
        assert.deepEqual(modelShape(extract(file.documents[d].doc)), modelShape(extract(whole.documents[d].doc)), what);
      }
      assert.deepEqual(ws.findings(uri), fresh.findings(uri), what);
    }
  }
  // The splice, not only the whole parse, was compared.
  assert.ok(spliced > 20, `only ${spliced} edits re-parsed a part of the list`);
});

test('an edit of one entry re-parses that entry alone: the other entries keep their nodes, later ones moved', () => {
  const uri = 'file:///w/paris.connector.yaml';
  const ws = new Workspace();
  const text = `${GROUP}\n---\n${largeConnector(600)}`;
  const first = ws.setFile(uri, text);
  const old = [...entriesOf(first)!.items];
  const at = text.indexOf('cost: ', text.indexOf('"*.d300.partner.example"')) + 'cost: '.length;
  const next = text.slice(0, at) + '150\n      # a comment' + text.slice(text.indexOf('\n', at));
  const file = ws.setFile(uri, next, { start: at, end: at + '150\n      # a comment'.length });
  const items = entriesOf(file)!.items;
  assert.equal(items.length, 600);
  assert.equal(items[0], old[0]);
  assert.equal(items[298], old[298]);
  assert.notEqual(items[299], old[299]);
  assert.equal(items[300], old[300]);
  // The entry after the edit moved with the text: its range is where its text now is.
  const moved = (items[300] as { range: number[] }).range;
  const doc = file.documents[1];
  assert.equal(next.slice(doc.offset + moved[0], doc.offset + moved[0] + 'type: SMTP'.length), 'type: SMTP');
  const costs = ws.findings(uri).filter((f) => f.code === 'cost-range');
  assert.equal(costs.length, 1);
  assert.equal(costs[0].range.start.line, next.slice(0, at).split('\n').length - 1);
});

test('an edit inside one entry works out that entry alone: the model and the checks keep what they had of the others', () => {
  const uri = 'file:///w/paris.connector.yaml';
  const ws = new Workspace();
  let text = `${GROUP}\n---\n${largeConnector(600, plainEntry)}`;
  const work = (step: () => void) => {
    const before = entryWork.computed;
    step();
    return entryWork.computed - before;
  };
  const opened = work(() => {
    ws.setFile(uri, text);
    ws.findings(uri);
  });
  // Each reader of the list (the model, the rules) worked out every entry once.
  const readers = opened / 600;
  assert.ok(Number.isInteger(readers) && readers >= 3, `opened: ${opened}`);
  const edit = (start: number, end: number, insert: string) =>
    work(() => {
      text = text.slice(0, start) + insert + text.slice(end);
      ws.setFile(uri, text, { start, end: start + insert.length });
      ws.findings(uri);
    });
  // A value: the entry is worked out again, once per reader.
  const cost = text.indexOf('cost: ', text.indexOf('"*.d300.partner.example"')) + 'cost: '.length;
  assert.equal(edit(cost, text.indexOf('\n', cost), '150'), readers);
  // A line more in the entry: every later entry moves, and is not worked out again.
  const address = text.indexOf('"*.d200.partner.example"');
  assert.equal(edit(address, address, '"*.d200.partner.example"\n      # was:\n      address: '), readers);
  // Two new entries: those two, and the entry they were written before (its line start was part of the change).
  const at = text.indexOf('    - type: SMTP\n      address: "*.d400.partner.example"');
  assert.equal(edit(at, at, plainEntry(9001) + plainEntry(9002)), 3 * readers);
  // What they say is what a whole check says: the kept results moved with their entries.
  const fresh = new Workspace();
  fresh.setFile(uri, text);
  assert.deepEqual(ws.findings(uri), fresh.findings(uri));
  const costs = ws.findings(uri).filter((f) => f.code === 'cost-range');
  assert.equal(costs.length, 1);
  assert.equal(costs[0].range.start.line, text.slice(0, text.indexOf('cost: 150')).split('\n').length - 1);
  // An edit outside the list parses the document whole: every entry is worked out again.
  const name = text.indexOf('Paris Internet');
  assert.equal(edit(name, name + 'Paris'.length, 'Lyon'), 602 * readers);
});
