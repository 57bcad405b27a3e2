import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/engine/workspace';
import { applyEdits } from '../../server/src/engine/applyEdits';
import { fixFile, MAX_FIX_PASSES } from '../../server/src/engine/fixAll';
import { lines } from '../helpers/engine';

/**
 * Characters JavaScript's \s counts as blank are content to YAML (NBSP, the
 * line and paragraph separators, a BOM inside the text, ideographic space…).
 * A fix must cover them as YAML reads them, and a fix that changes nothing is
 * never offered, whichever rule builds it.
 */

// Not YAML white space (only space and tab are) nor a YAML line break (only LF and CR are).
const JS_BLANKS = ['\u00a0', '\u2028', '\u2029', '\ufeff', '\u3000', '\u1680', '\u2003', '\u202f', '\u205f', '\u000b', '\u000c', '\u0085'];

function connector(ch: string): string {
  return lines(
    'kind: SmtpConnector',
    'name: Boston to Seattle',
    'administrativeGroup: North America',
    'routingGroup: Boston',
    `general${ch}:`,
    `  delivery${ch}: smartHost`,
    '  smartHosts: [sea-ex01.seattle.contoso.com]',
    `connectionTime${ch}: always`,
    `details: {adminNote: x${ch}}`,
  );
}

/** Every fix of every finding of the text changes the text. */
function assertEveryFixChanges(text: string, label: string): number {
  const ws = new Workspace();
  ws.setFile('a.connector.yaml', text);
  let fixes = 0;
  for (const f of ws.findings('a.connector.yaml'))
    for (const fix of f.fixes) {
      fixes++;
      assert.notEqual(applyEdits(text, fix.edits), text, `${label}: ${f.code} "${fix.title}" changes nothing`);
    }
  return fixes;
}

test('no finding offers a fix that changes nothing, whatever JavaScript-blank character ends a key or a value', () => {
  for (const ch of JS_BLANKS) {
    const label = `U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    assert.ok(assertEveryFixChanges(connector(ch), label) > 0, `${label}: the document has fixes`);
  }
});

test('the rename of a key ending in NBSP takes the NBSP away', () => {
  const text = connector('\u00a0');
  const ws = new Workspace();
  ws.setFile('a.connector.yaml', text);
  const rename = ws.findings('a.connector.yaml').find((f) => f.code === 'unknown-field' && f.message.includes('general'));
  assert.ok(rename, 'general\\u00a0 is an unknown key');
  const fix = rename.fixes.find((x) => x.title.includes("'general'"));
  assert.ok(fix, JSON.stringify(rename.fixes.map((x) => x.title)));
  assert.ok(applyEdits(text, fix.edits).includes('\ngeneral:\n'));
});

test('--fix settles before its pass limit on such files', () => {
  for (const ch of JS_BLANKS) {
    const ws = new Workspace();
    ws.setFile('a.connector.yaml', connector(ch));
    const { applied } = fixFile(ws, 'a.connector.yaml');
    const again = fixFile(ws, 'a.connector.yaml');
    assert.equal(
      again.applied,
      0,
      `U+${ch.charCodeAt(0).toString(16)}: still fixing after ${applied} fixes and a second run (limit ${MAX_FIX_PASSES})`,
    );
  }
});
