import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MAX_NESTING, nestingOverflow } from '../../server/src/model/depth';
import { ParsedDocument } from '../../server/src/model/parse';
import { check, lines } from '../helpers/engine';
import { ROOT } from '../helpers/paths';
import { join } from 'node:path';

/**
 * A document nested deeper than MAX_NESTING levels is refused before the yaml
 * package parses it (whose parse of 100,000 unmatched `[` took seconds, on
 * every keystroke): one yaml-syntax diagnostic, where the nesting goes too deep.
 */

const refused = `This YAML document is nested more than ${MAX_NESTING} levels deep and is not read.`;

function flowSequences(depth: number): string {
  return 'kind: SmtpConnector\naddressSpace: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n';
}

function blockMappings(depth: number): string {
  let text = '';
  for (let i = 0; i < depth; i++) text += ' '.repeat(i) + `k${i}:\n`;
  return text;
}

test('100,000 unmatched [ give one yaml-syntax diagnostic saying how deep is too deep, on the first bracket too many', () => {
  const text = 'kind: SmtpConnector\nname: x\naddressSpace: ' + '['.repeat(100_000) + '\n';
  const findings = check(text);
  assert.equal(findings.length, 1, JSON.stringify(findings));
  assert.equal(findings[0].code, 'yaml-syntax');
  assert.equal(findings[0].message, `YAML syntax error: ${refused}`);
  const column = 'addressSpace: '.length + MAX_NESTING - 1; // the top-level mapping is the first level
  assert.deepEqual(findings[0].range, { start: { line: 2, character: column }, end: { line: 2, character: column + 1 } });
});

test('the parse of a refused document is not attempted: no YAML, one error', () => {
  const doc = new ParsedDocument('{'.repeat(100_000));
  assert.equal(doc.yaml, undefined);
  assert.equal(doc.errors.length, 1);
  assert.equal(doc.errors[0].message, refused);
});

test('nesting up to the limit is read; one level more is refused (flow, block, compact sequences and keys)', () => {
  const cases: [string, (depth: number) => string][] = [
    ['flow sequences', (d) => flowSequences(d - 1)],
    ['flow mappings', (d) => 'a: ' + '{b: '.repeat(d - 1) + '1' + '}'.repeat(d - 1) + '\n'],
    ['indented mappings', blockMappings],
    ['compact sequences', (d) => '- '.repeat(d) + 'x\n'],
    ['explicit keys', (d) => '? '.repeat(d) + 'x\n'],
    ['flow inside block', (d) => blockMappings(d - 3) + ' '.repeat(d - 3) + 'v: [[x]]\n'],
    ['mappings in compact sequences', (d) => '- '.repeat(d - 1) + 'key: value\n'],
  ];
  for (const [label, make] of cases) {
    assert.equal(nestingOverflow(make(MAX_NESTING)), -1, `${label}: ${MAX_NESTING} levels are refused`);
    assert.notEqual(nestingOverflow(make(MAX_NESTING + 1)), -1, `${label}: ${MAX_NESTING + 1} levels are read`);
    assert.ok(
      new ParsedDocument(make(MAX_NESTING)).errors.every((e) => e.message !== refused),
      `${label}: the document at the limit is parsed`,
    );
  }
});

test('brackets and indentation in comments, quoted scalars, plain scalars and block scalars are not nesting', () => {
  const many = '['.repeat(200);
  const text = lines(
    `# ${many}`,
    'kind: SmtpConnector',
    `name: "${many} \\" ${many}"`,
    `administrativeGroup: '${many} '' ${many}'`,
    `routingGroup: a${many}`,
    'details:',
    '  adminNote: |',
    ...Array.from({ length: 100 }, (_, i) => '    ' + ' '.repeat(i) + '- [{'),
    `  other: [ "${many}", '${many}', x ] # ${many}`,
    '  multi: "first',
    ...Array.from({ length: 100 }, (_, i) => '    ' + ' '.repeat(i) + `${many}`),
    '    "',
  );
  assert.equal(nestingOverflow(text), -1);
});

test('document markers start the count again; CRLF and lone CR line breaks count as line breaks', () => {
  const deep = blockMappings(MAX_NESTING);
  assert.equal(nestingOverflow(`${deep}---\n${deep}`), -1);
  assert.equal(nestingOverflow(blockMappings(MAX_NESTING).replace(/\n/g, '\r\n')), -1);
  assert.equal(nestingOverflow(blockMappings(MAX_NESTING).replace(/\n/g, '\r')), -1);
  assert.notEqual(nestingOverflow(blockMappings(MAX_NESTING + 1).replace(/\n/g, '\r\n')), -1);
});

test('no example file comes near the limit', () => {
  for (const f of ['contoso.organization.yaml', 'north-america/boston/boston-to-seattle.connector.yaml']) {
    const text = readFileSync(join(ROOT, 'examples', f), 'utf8');
    assert.equal(nestingOverflow(text, 8), -1, f);
  }
});
