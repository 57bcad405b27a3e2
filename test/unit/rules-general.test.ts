import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check, expectOne, expectNone, applyFix, rangeOf, lines, crlf, codes } from '../helpers/engine';
import { fixture } from '../helpers/paths';
import { msg } from '../../server/src/rules/messages';
import { CODES } from '../../server/src/rules/codes';

const head = lines(
  'kind: SmtpConnector',
  'name: Paris to Boston',
  'administrativeGroup: First Administrative Group',
  'routingGroup: Paris',
  '',
);
const bridgeheads = ['  localBridgeheads:', '    - server: PAR-EX01', '      virtualServer: Default SMTP Virtual Server'];
const toBoston = lines('', 'connectedRoutingGroups:', '  - routingGroup: Boston', '    cost: 1');
const internet = lines('', 'addressSpace:', '  entries:', '    - type: SMTP', '      address: "*"', '      cost: 10');

/** The text and its CRLF twin, each with what a fix should turn it into. */
const both = (text: string, want: string) => [
  [text, want],
  [crlf(text), crlf(want)],
];

test('smart-host-required: on the general key when smartHosts is absent; "Use DNS" is offered, not preferred', () => {
  const text = head + lines('general:   # tab', '  delivery: smartHost   # forward', ...bridgeheads) + internet;
  const want = head + lines('general:   # tab', '  delivery: dns   # forward', ...bridgeheads) + internet;
  for (const [t, w] of both(text, want)) {
    const f = expectOne(check(t), {
      code: 'smart-host-required',
      severity: 'error',
      range: rangeOf(t, 'general'),
      message: msg.smartHostRequired(),
    });
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.preferred ?? false]),
      [[msg.fixUseDns(), false]],
    );
    assert.equal(applyFix(t, f, msg.fixUseDns()), w);
  }
});

test('smart-host-required: on the smartHosts key when the list is empty; not when a host is listed', () => {
  const text = head + lines('general:', "  delivery: 'smartHost'", '  smartHosts: []', ...bridgeheads) + internet;
  const f = expectOne(check(text), { code: 'smart-host-required', range: rangeOf(text, 'smartHosts'), message: msg.smartHostRequired() });
  assert.equal(applyFix(text, f, msg.fixUseDns()), text.replace("'smartHost'", "'dns'"));
  const ok = head + lines('general:', '  delivery: smartHost', '  smartHosts: [relay.contoso.com]', ...bridgeheads) + internet;
  expectNone(check(ok), 'smart-host-required');
});

test('smart-host-required stays silent when smartHosts has the wrong type (invalid-type says it once)', () => {
  const text = head + lines('general:', '  delivery: smartHost', '  smartHosts: 5', ...bridgeheads) + internet;
  const found = check(text);
  expectOne(found, { code: 'invalid-type', range: rangeOf(text, '5'), message: msg.invalidType('smartHosts', 'a list', 'a number') });
  expectNone(found, 'smart-host-required');
  expectNone(found, 'smart-hosts-ignored');
});

test('smart-hosts-ignored: on the list, related to a written delivery: dns; the fix sets smartHost', () => {
  const text = head + lines('general:', '  delivery: dns   # by MX', '  smartHosts:', '    - relay.contoso.com', ...bridgeheads) + internet;
  const want =
    head + lines('general:', '  delivery: smartHost   # by MX', '  smartHosts:', '    - relay.contoso.com', ...bridgeheads) + internet;
  for (const [t, w] of both(text, want)) {
    const f = expectOne(check(t), {
      code: 'smart-hosts-ignored',
      severity: 'warning',
      range: rangeOf(t, 'smartHosts'),
      message: msg.smartHostsIgnored(),
    });
    assert.deepEqual(f.related, [{ range: rangeOf(t, 'dns'), message: msg.smartHostsIgnoredDelivery }]);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.preferred ?? false]),
      [[msg.fixSetSmartHostDelivery(), false]],
    );
    assert.equal(applyFix(t, f, msg.fixSetSmartHostDelivery()), w);
  }
});

test('smart-hosts-ignored with delivery written after the list goes on delivery', () => {
  const text = head + lines('general:', '  smartHosts: [relay.contoso.com]', '  delivery: dns', ...bridgeheads) + internet;
  const f = expectOne(check(text), { code: 'smart-hosts-ignored', range: rangeOf(text, 'dns'), message: msg.smartHostsIgnored() });
  assert.deepEqual(f.related, [{ range: rangeOf(text, 'smartHosts'), message: msg.smartHostsIgnoredList }]);
});

test('smart-hosts-ignored with delivery left to its default inserts delivery: smartHost', () => {
  const text = head + lines('general:', '  # forwarded by the ISP', '  smartHosts:', '    - relay.contoso.com', ...bridgeheads) + internet;
  const want =
    head +
    lines('general:', '  # forwarded by the ISP', '  delivery: smartHost', '  smartHosts:', '    - relay.contoso.com', ...bridgeheads) +
    internet;
  for (const [t, w] of both(text, want)) {
    const f = expectOne(check(t), { code: 'smart-hosts-ignored', range: rangeOf(t, 'smartHosts'), message: msg.smartHostsIgnored() });
    assert.equal(f.related, undefined);
    assert.equal(applyFix(t, f, msg.fixSetSmartHostDelivery()), w);
  }
});

test('smart-hosts-ignored offers no fix when delivery is an alias (the fix would add a second delivery key)', () => {
  const text =
    head +
    lines('details:', '  adminNote: &by dns', 'general:', '  delivery: *by', '  smartHosts: [relay.contoso.com]', ...bridgeheads) +
    internet;
  const f = expectOne(check(text), { code: 'smart-hosts-ignored', range: rangeOf(text, 'smartHosts'), message: msg.smartHostsIgnored() });
  assert.deepEqual(f.fixes, []);
});

test('smart-hosts-ignored does not fire on an empty list or with delivery: smartHost', () => {
  expectNone(check(head + lines('general:', '  delivery: dns', '  smartHosts: []', ...bridgeheads) + internet), 'smart-hosts-ignored');
  expectNone(
    check(head + lines('general:', '  delivery: smartHost', '  smartHosts: [relay.contoso.com]', ...bridgeheads) + internet),
    'smart-hosts-ignored',
  );
});

test('dns-between-routing-groups: on a written delivery value, else the general key, else connectedRoutingGroups', () => {
  const written = head + lines('general:', '  delivery: dns', ...bridgeheads) + toBoston;
  expectOne(check(written), {
    code: 'dns-between-routing-groups',
    severity: 'warning',
    range: rangeOf(written, 'dns'),
    message: msg.dnsBetweenRoutingGroups(),
  });
  const dflt = head + lines('general:', ...bridgeheads) + toBoston;
  expectOne(check(dflt), { code: 'dns-between-routing-groups', range: rangeOf(dflt, 'general'), message: msg.dnsBetweenRoutingGroups() });
  const noGeneral = head + toBoston;
  expectOne(check(noGeneral), {
    code: 'dns-between-routing-groups',
    range: rangeOf(noGeneral, 'connectedRoutingGroups'),
    message: msg.dnsBetweenRoutingGroups(),
  });
});

test('dns-between-routing-groups does not fire for smart-host delivery, an Exchange 5.5 site only, or an unreadable delivery', () => {
  expectNone(
    check(head + lines('general:', '  delivery: smartHost', '  smartHosts: [bos-ex01.boston.contoso.com]', ...bridgeheads) + toBoston),
    'dns-between-routing-groups',
  );
  expectNone(
    check(head + lines('general:', ...bridgeheads, '', 'connectedRoutingGroups:', '  - exchange55Site: LEGACY', '    cost: 10')),
    'dns-between-routing-groups',
  );
  const wrong = head + lines('general:', '  delivery: DNS', ...bridgeheads) + toBoston;
  const found = check(wrong);
  expectOne(found, {
    code: 'invalid-value',
    range: rangeOf(wrong, 'DNS'),
    message: msg.invalidValue('delivery', 'DNS', ['dns', 'smartHost']),
  });
  expectNone(found, 'dns-between-routing-groups');
});

test('bridgehead-required: on the kind key without general, on general without the list, on an empty list', () => {
  const none = head + internet;
  expectOne(check(none), {
    code: 'bridgehead-required',
    severity: 'error',
    range: rangeOf(none, 'kind'),
    message: msg.bridgeheadRequired(),
  });
  const bare = head + lines('general:', '  delivery: dns') + internet;
  expectOne(check(bare), { code: 'bridgehead-required', range: rangeOf(bare, 'general'), message: msg.bridgeheadRequired() });
  const nothing = head + lines('general:') + internet;
  expectOne(check(nothing), { code: 'bridgehead-required', range: rangeOf(nothing, 'general'), message: msg.bridgeheadRequired() });
  const empty = head + lines('general:', '  localBridgeheads: []') + internet;
  expectOne(check(empty), { code: 'bridgehead-required', range: rangeOf(empty, 'localBridgeheads'), message: msg.bridgeheadRequired() });
  const blank = head + lines('general:', '  localBridgeheads:   # none yet') + internet;
  expectOne(check(blank), { code: 'bridgehead-required', range: rangeOf(blank, 'localBridgeheads'), message: msg.bridgeheadRequired() });
});

test('bridgehead-required does not fire with one bridgehead, nor on a general tab of the wrong type', () => {
  expectNone(check(head + lines('general:', ...bridgeheads) + internet), 'bridgehead-required');
  const wrong = head + lines('general: 5') + internet;
  const found = check(wrong);
  expectOne(found, { code: 'invalid-type', range: rangeOf(wrong, '5'), message: msg.invalidType('general', 'a mapping', 'a number') });
  assert.deepEqual(
    codes(found).filter((c) => CODES[c as keyof typeof CODES].scope === 'document'),
    ['invalid-type'],
  );
});

for (const [file, named] of [
  ['smart-host-required.connector.yaml', 'smart-host-required'],
  ['smart-hosts-ignored.connector.yaml', 'smart-hosts-ignored'],
  ['dns-between-routing-groups.connector.yaml', 'dns-between-routing-groups'],
  ['bridgehead-required.connector.yaml', 'bridgehead-required'],
]) {
  test(`the fixture ${file} shows ${named} and nothing else of one document`, () => {
    const text = readFileSync(fixture('mistakes', file), 'utf8');
    assert.equal(/^# Shows: (.*)$/m.exec(text)?.[1], named);
    const shown = [
      ...new Set(
        check(text)
          .filter((f) => CODES[f.code].scope === 'document' && f.severity !== 'information')
          .map((f) => f.code),
      ),
    ];
    assert.deepEqual(shown, [named]);
  });
}
