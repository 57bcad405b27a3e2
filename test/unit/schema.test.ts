import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, expectOne, expectNone, applyFix, rangeOf, lines, crlf } from '../helpers/engine';
import { msg } from '../../server/src/rules/messages';

const base = lines(
  'kind: SmtpConnector',
  'name: Paris to Boston # the link',
  'administrativeGroup: First Administrative Group',
  'routingGroup: Paris',
);

test('cost-range fires on a cost above 100 and clamps it, keeping the comment', () => {
  for (const eol of ['lf', 'crlf']) {
    let text = base + lines('connectedRoutingGroups:', '  - routingGroup: Boston', '    cost: 150   # too much', '', '# end');
    if (eol === 'crlf') text = crlf(text);
    const f = expectOne(check(text), { code: 'cost-range', severity: 'error', range: rangeOf(text, '150'), message: msg.costRange('150') });
    assert.equal(f.fixes[0].title, 'Set cost to 100');
    const fixed = applyFix(text, f);
    assert.equal(fixed, text.replace('150', '100'));
  }
});

test('cost-range does not fire on 1 and 100; invalid-type fires on text', () => {
  const ok = base + lines('connectedRoutingGroups:', '  - routingGroup: Boston', '    cost: 100', '  - routingGroup: Rome', '    cost: 1');
  expectNone(check(ok), 'cost-range');
  const bad = base + lines('connectedRoutingGroups:', '  - routingGroup: Boston', '    cost: cheap');
  expectNone(check(bad), 'cost-range');
  expectOne(check(bad), { code: 'invalid-type', range: rangeOf(bad, 'cheap'), message: msg.invalidType('cost', 'a whole number', 'text') });
});

test('duplicate-key on the later key, with the first as related information', () => {
  const text = base + lines('name: Again');
  const f = expectOne(check(text), {
    code: 'duplicate-key',
    severity: 'error',
    range: rangeOf(text, 'name', 1),
    message: msg.duplicateKey('name'),
  });
  assert.deepEqual(f.related?.[0].range, rangeOf(text, 'name', 0));
  assert.equal(applyFix(text, f, msg.fixRemoveDuplicateKey('name')), base);
});

test('unknown-field renames to the closest key', () => {
  const text = base + lines('general:', '  delivrey: dns  # typo');
  const f = expectOne(check(text), {
    code: 'unknown-field',
    severity: 'warning',
    range: rangeOf(text, 'delivrey'),
    message: msg.unknownField('delivrey', "'general'", 'delivery'),
  });
  assert.equal(applyFix(text, f), text.replace('delivrey', 'delivery'));
});

test('missing-field at the kind key; unknown-kind with a fix', () => {
  const text = lines('kind: SmtpConnector', 'name: x', 'administrativeGroup: A');
  expectOne(check(text), {
    code: 'missing-field',
    range: rangeOf(text, 'kind'),
    message: msg.missingField('routingGroup', 'the SmtpConnector document'),
  });
  const k = lines('kind: smtpconnector', 'name: x');
  const f = expectOne(check(k), { code: 'unknown-kind', range: rangeOf(k, 'smtpconnector'), message: msg.unknownKind('smtpconnector') });
  assert.equal(applyFix(k, f), k.replace('smtpconnector', 'SmtpConnector'));
});
