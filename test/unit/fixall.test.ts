import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, Fix } from '../../server/src/engine/types';
import { pickFixes, fixFile } from '../../server/src/engine/fixAll';
import { Workspace } from '../../server/src/engine/workspace';
import { r, lines } from '../helpers/engine';

const finding = (fix: Fix): Finding => ({ code: 'cost-range', severity: 'error', range: r(0, 0, 0), message: 'm', fixes: [fix] });
const edit = (line: number, from: number, to: number, newText = 'x') => ({ range: r(line, from, to), newText });

test('pickFixes takes preferred fixes whose edits do not touch one taken before, in order', () => {
  const text = 'aaaaaaaaaa\nbbbbbbbbbb\n';
  const a: Fix = { title: 'a', preferred: true, edits: [edit(0, 2, 4)] };
  const touching: Fix = { title: 'touching', preferred: true, edits: [edit(0, 4, 6)] }; // starts where a ends
  const inside: Fix = { title: 'inside', preferred: true, edits: [edit(0, 3, 3)] };
  const before: Fix = { title: 'before', preferred: true, edits: [edit(0, 0, 1)] };
  const otherLine: Fix = { title: 'other line', preferred: true, edits: [edit(1, 0, 10)] };
  const twoParts: Fix = { title: 'two parts', preferred: true, edits: [edit(0, 7, 8), edit(1, 5, 6)] }; // the second clashes
  const notPreferred: Fix = { title: 'offered only', edits: [edit(0, 9, 10)] };
  const creates: Fix = { title: 'creates', preferred: true, edits: [edit(0, 9, 10)], create: [{ uri: 'x', text: '' }] };
  const picked = pickFixes(text, [a, touching, inside, before, otherLine, twoParts, notPreferred, creates].map(finding));
  assert.deepEqual(
    picked.map((f) => f.title),
    ['a', 'before', 'other line'],
  );
});

test('pickFixes stays correct with thousands of fixes (each line its own edit, every other line clashing)', () => {
  const n = 5000;
  const text = 'x\n'.repeat(n);
  const fixes: Fix[] = [];
  for (let i = 0; i < n; i++) fixes.push({ title: `L${i}`, preferred: true, edits: [edit(i, 0, 1)] });
  for (let i = 0; i < n; i += 2) fixes.push({ title: `again ${i}`, preferred: true, edits: [edit(i, 1, 1)] });
  const picked = pickFixes(text, fixes.map(finding));
  assert.equal(picked.length, n);
  assert.ok(picked.every((f) => f.title.startsWith('L')));
});

test('fixFile applies passes until nothing is left; a second run changes nothing', () => {
  const text = lines(
    'kind: SmtpConnector',
    'name: Paris to Boston',
    'administrativeGroup: First Administrative Group',
    'routingGroup: Paris',
    'connectedRoutingGroups:',
    '  - routingGroup: Boston',
    '    cost: 0     # free?',
    '  - routingGroup: Rome',
    '    cost: 500',
  );
  const ws = new Workspace();
  ws.setFile('a.connector.yaml', text);
  const first = fixFile(ws, 'a.connector.yaml');
  assert.equal(first.text, text.replace('cost: 0 ', 'cost: 1 ').replace('cost: 500', 'cost: 100'));
  assert.ok(first.applied >= 2);
  const second = fixFile(ws, 'a.connector.yaml');
  assert.deepEqual(second, { text: first.text, applied: 0 });
});
