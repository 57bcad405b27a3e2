import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check, expectOne, expectNone, rangeOf, lines, codes, applyFix, bothEols } from '../helpers/engine';
import { fixture } from '../helpers/paths';
import { msg } from '../../server/src/rules/messages';
import { CODES } from '../../server/src/rules/codes';
import { isDomain, normalizeDomain, parseSmtpAddressSpace } from '../../server/src/model/domain';

const head = lines(
  'kind: SmtpConnector',
  'name: Paris Internet',
  'administrativeGroup: First Administrative Group',
  'routingGroup: Paris',
  '',
  'general:',
  '  delivery: smartHost',
  '  smartHosts: [bos-ex01.boston.contoso.com]',
  '  localBridgeheads:',
  '    - server: PAR-EX01',
  '      virtualServer: Default SMTP Virtual Server',
  '',
);

const documentCodes = (text: string) => codes(check(text)).filter((c) => CODES[c as keyof typeof CODES].scope === 'document');

test('domains: label rules of host names, not an address, one trailing dot ignored', () => {
  for (const ok of ['contoso.com', 'Boston.Contoso.COM.', 'local', 'xn--bcher-kva.example', 'a1.b2']) assert.ok(isDomain(ok), ok);
  for (const bad of [
    '',
    '.',
    'contoso..com',
    '-contoso.com',
    'contoso-.com',
    'con toso.com',
    'contoso_com.net',
    '10.1.0.10',
    'contoso.123',
    '*.contoso.com',
    '@contoso.com',
  ]) {
    assert.ok(!isDomain(bad), bad);
  }
  assert.equal(normalizeDomain('Boston.Contoso.COM.'), 'boston.contoso.com');
  assert.deepEqual(parseSmtpAddressSpace('*'), { domain: '', subdomains: true });
  assert.deepEqual(parseSmtpAddressSpace('*.Contoso.com'), { domain: 'contoso.com', subdomains: true });
  assert.deepEqual(parseSmtpAddressSpace('contoso.com'), { domain: 'contoso.com', subdomains: false });
  for (const bad of ['*contoso.com', '*.', '.*.com', 'lab.*', 'lab.*.', 'la b.*.com', 'mail@contoso.com', '**', ' contoso.com'])
    assert.equal(parseSmtpAddressSpace(bad), undefined, bad);
  // Labels before a wildcard: read up to the last wildcard (KB 244986), the domain as written.
  assert.deepEqual(parseSmtpAddressSpace('lab.*.Contoso.com'), { domain: 'contoso.com', subdomains: true, readAs: '*.Contoso.com' });
  assert.deepEqual(parseSmtpAddressSpace('a.*.b.*.contoso.com'), { domain: 'contoso.com', subdomains: true, readAs: '*.contoso.com' });
  assert.deepEqual(parseSmtpAddressSpace('*.*.com'), { domain: 'com', subdomains: true, readAs: '*.com' });
});

test('target-required: on the kind key when neither target is written', () => {
  const text = head;
  expectOne(check(text), { code: 'target-required', severity: 'error', range: rangeOf(text, 'kind'), message: msg.targetRequired() });
});

test('target-required: on an empty list that is written, or on the addressSpace key', () => {
  const emptyEntries = head + lines('addressSpace:', '  entries: []', '  scope: routingGroup');
  expectOne(check(emptyEntries), { code: 'target-required', range: rangeOf(emptyEntries, 'entries'), message: msg.targetRequired() });
  const emptyGroups = head + lines('connectedRoutingGroups:   # none yet');
  expectOne(check(emptyGroups), {
    code: 'target-required',
    range: rangeOf(emptyGroups, 'connectedRoutingGroups'),
    message: msg.targetRequired(),
  });
  const noEntries = head + lines('addressSpace:', '  allowRelay: false');
  expectOne(check(noEntries), { code: 'target-required', range: rangeOf(noEntries, 'addressSpace'), message: msg.targetRequired() });
});

test('target-required does not fire with an address space or a connected group, nor on a list of the wrong type', () => {
  expectNone(check(head + lines('addressSpace:', '  entries:', '    - type: SMTP', '      address: "*"')), 'target-required');
  expectNone(check(head + lines('connectedRoutingGroups:', '  - exchange55Site: LEGACY')), 'target-required');
  const wrong = head + lines('addressSpace:', '  entries: everything');
  assert.deepEqual(documentCodes(wrong), ['invalid-type']);
});

test('address-space-invalid fires on an SMTP address that is not *, a domain or *.domain', () => {
  for (const bad of ['*contoso.com', 'contoso..com', 'mail@contoso.com', '*.*', 'lab.*']) {
    const text = head + lines('addressSpace:', '  entries:', '    - type: SMTP', `      address: "${bad}"   # typo`, '      cost: 1');
    expectOne(check(text), {
      code: 'address-space-invalid',
      severity: 'error',
      range: rangeOf(text, `"${bad}"`),
      message: msg.addressSpaceInvalid(bad),
    });
  }
});

test('address-space-invalid does not fire on valid SMTP spaces or on other address types', () => {
  const text =
    head +
    lines(
      'addressSpace:',
      '  entries:',
      '    - { type: SMTP, address: "*", cost: 10 }',
      '    - type: SMTP',
      '      address: contoso.com',
      '    - type: SMTP',
      "      address: '*.fabrikam.com'",
      '    - type: X400',
      '      address: "c=US;a= ;p=Contoso;o=Exchange;"',
      '    - type: OTHER',
      '      address: anything at all',
    );
  expectNone(check(text), 'address-space-invalid');
  const numeric = head + lines('addressSpace:', '  entries:', '    - type: SMTP', '      address: 42');
  assert.deepEqual(documentCodes(numeric), ['invalid-type']);
});

test('address-space-inner-wildcard: labels before a wildcard, read as the wildcard; the fix writes it (preferred), LF and CRLF', () => {
  const entry = (address: string) =>
    lines('addressSpace:', '  entries:', '    - type: SMTP', `      address: ${address}   # the lab subdomains`, '      cost: 1');
  bothEols(head + entry('"lab.*.contoso.com"'), (text, eol) => {
    const f = expectOne(check(text), {
      code: 'address-space-inner-wildcard',
      severity: 'warning',
      range: rangeOf(text, '"lab.*.contoso.com"'),
      message: msg.addressSpaceInnerWildcard('lab.*.contoso.com', '*.contoso.com'),
    });
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].preferred, true);
    assert.equal(applyFix(text, f, msg.fixWriteAddressSpace('*.contoso.com')), eol(head + entry('"*.contoso.com"')));
  });
  expectNone(check(head + entry('"lab.*.contoso.com"')), 'address-space-invalid');
});

test('address-space-inner-wildcard near misses: a leading wildcard, a plain domain, and an unreadable address (address-space-invalid)', () => {
  for (const ok of ['"*.contoso.com"', 'lab.contoso.com', '"*"'])
    expectNone(
      check(head + lines('addressSpace:', '  entries:', '    - type: SMTP', `      address: ${ok}`)),
      'address-space-inner-wildcard',
    );
  const bad = head + lines('addressSpace:', '  entries:', '    - type: SMTP', '      address: "lab.*"');
  expectNone(check(bad), 'address-space-inner-wildcard');
  expectOne(check(bad), { code: 'address-space-invalid', range: rangeOf(bad, '"lab.*"'), message: msg.addressSpaceInvalid('lab.*') });
});

const connected = (...entry: string[]) => head + lines('connectedRoutingGroups:', ...entry);

test('routing-address-invalid fires on a routing address that is not a domain; not on a domain', () => {
  const text = connected('  - routingGroup: Boston', '    routingAddress: boston contoso.com', '    cost: 1');
  expectOne(check(text), {
    code: 'routing-address-invalid',
    severity: 'error',
    range: rangeOf(text, 'boston contoso.com'),
    message: msg.routingAddressInvalid('boston contoso.com'),
  });
  const ip = connected('  - routingGroup: Boston', '    routingAddress: "10.1.0.10"');
  expectOne(check(ip), {
    code: 'routing-address-invalid',
    range: rangeOf(ip, '"10.1.0.10"'),
    message: msg.routingAddressInvalid('10.1.0.10'),
  });
  expectNone(check(connected('  - routingGroup: Boston', '    routingAddress: boston.contoso.com')), 'routing-address-invalid');
  assert.deepEqual(documentCodes(connected('  - routingGroup: Boston', '    routingAddress: [boston.contoso.com]')), ['invalid-type']);
});

test('connected-group-invalid: both names, on the later key with the other as related information', () => {
  const text = connected('  - routingGroup: Boston', '    cost: 1', '    exchange55Site: LEGACY');
  const f = expectOne(check(text), {
    code: 'connected-group-invalid',
    severity: 'error',
    range: rangeOf(text, 'exchange55Site'),
    message: msg.connectedGroupBoth(),
  });
  assert.deepEqual(f.related, [{ range: rangeOf(text, 'routingGroup', 1), message: msg.connectedGroupBothOther }]);
});

test('connected-group-invalid: neither name, on the entry', () => {
  const text = connected('  - routingGroup: Boston', '  - administrativeGroup: First Administrative Group', '    cost: 5');
  expectOne(check(text), {
    code: 'connected-group-invalid',
    range: rangeOf(text, 'administrativeGroup: First Administrative Group\n    cost: 5'),
    message: msg.connectedGroupNeither(),
  });
});

test('connected-group-invalid: an empty name, on its value', () => {
  const text = connected('  - exchange55Site: ""', '    cost: 10');
  expectOne(check(text), {
    code: 'connected-group-invalid',
    range: rangeOf(text, '""'),
    message: msg.connectedGroupEmpty('exchange55Site'),
  });
  const spaces = connected("  - routingGroup: '  '", '    exchange55Site: LEGACY');
  expectOne(check(spaces), {
    code: 'connected-group-invalid',
    range: rangeOf(spaces, "'  '"),
    message: msg.connectedGroupEmpty('routingGroup'),
  });
});

test('connected-group-invalid does not fire on one name, nor when a name has the wrong type', () => {
  expectNone(check(connected('  - routingGroup: Boston', '  - exchange55Site: LEGACY')), 'connected-group-invalid');
  const wrong = connected('  - routingGroup: [Boston]');
  assert.deepEqual(documentCodes(wrong), ['invalid-type']);
});

for (const [file, named] of [
  ['target-required.connector.yaml', ['target-required']],
  ['address-space-invalid.connector.yaml', ['address-space-invalid']],
  ['address-space-inner-wildcard.connector.yaml', ['address-space-inner-wildcard']],
  ['connected-groups.connector.yaml', ['connected-group-invalid', 'routing-address-invalid']],
] as const) {
  test(`the fixture ${file} shows ${named.join(', ')} and nothing else of one document`, () => {
    const text = readFileSync(fixture('mistakes', file), 'utf8');
    assert.equal(/^# Shows: (.*)$/m.exec(text)?.[1], named.join(', '));
    const shown = [
      ...new Set(
        check(text)
          .filter((f) => CODES[f.code].scope === 'document' && f.severity !== 'information')
          .map((f) => f.code),
      ),
    ].sort();
    assert.deepEqual(shown, [...named]);
  });
}
