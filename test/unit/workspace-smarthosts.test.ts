import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, expectNone, applyFix, rangeOf, lines } from '../helpers/engine';
import { checkIn, routingGroup, connector } from '../helpers/workspace';
import { msg } from '../../server/src/rules/messages';

const paris = routingGroup('Paris', [{ name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com', ip: '10.2.0.10' }]);
const boston = routingGroup('Boston', [
  { name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com', ip: '10.1.0.10' },
  { name: 'BOS-EX02', fqdn: 'bos-ex02.boston.contoso.com' },
]);
const back = connector({
  name: 'Boston to Paris',
  from: 'Boston',
  to: ['Paris'],
  bridgehead: 'BOS-EX02',
  smartHosts: ['par-ex01.paris.contoso.com'],
});
const org = (c: string) => ({
  'paris.routinggroup.yaml': paris,
  'boston.routinggroup.yaml': boston,
  'back.connector.yaml': back,
  'c.connector.yaml': c,
});

test('smart-host-not-exchange: a smart host that is no server of the connected group, fixed to its bridgehead FQDN', () => {
  const text = connector({
    name: 'Paris to Boston',
    from: 'Paris',
    to: ['Boston'],
    bridgehead: 'PAR-EX01',
    smartHosts: ['relay.contoso.com'],
  });
  const f = expectOne(checkIn(org(text), 'c.connector.yaml'), {
    code: 'smart-host-not-exchange',
    severity: 'warning',
    range: rangeOf(text, '"relay.contoso.com"'),
    message: msg.smartHostNotExchange('relay.contoso.com', ['Boston']),
  });
  // The connector back names BOS-EX02 as its bridgehead: that server receives.
  assert.deepEqual(
    f.fixes.map((x) => x.title),
    [msg.fixChangeSmartHost('bos-ex02.boston.contoso.com')],
  );
  assert.equal(
    applyFix(text, f, msg.fixChangeSmartHost('bos-ex02.boston.contoso.com')),
    text.replace('"relay.contoso.com"', '"bos-ex02.boston.contoso.com"'),
  );
});

test('smart-host-not-exchange does not fire on a server FQDN (any case, trailing dot) or IP literal of the connected group, nor toward an inferred group', () => {
  for (const host of ['BOS-EX01.boston.contoso.com.', '[10.1.0.10]', 'bos-ex02.boston.contoso.com']) {
    expectNone(
      checkIn(org(connector({ name: 'P', from: 'Paris', to: ['Boston'], bridgehead: 'PAR-EX01', smartHosts: [host] })), 'c.connector.yaml'),
      'smart-host-not-exchange',
    );
  }
  expectNone(
    checkIn(
      org(connector({ name: 'P', from: 'Paris', to: ['Oslo'], bridgehead: 'PAR-EX01', smartHosts: ['relay.contoso.com'] })),
      'c.connector.yaml',
    ),
    'smart-host-not-exchange',
  );
  // An Internet connector (no connected group) may forward to any relay.
  expectNone(
    checkIn(org(connector({ name: 'P', from: 'Paris', bridgehead: 'PAR-EX01', smartHosts: ['relay.isp.net'] })), 'c.connector.yaml'),
    'smart-host-not-exchange',
  );
});

test('smart-host-not-exchange says "not known as a server of", never "non-Exchange", and names every connected group', () => {
  const one = msg.smartHostNotExchange('relay.contoso.com', ['Boston']);
  assert.match(one, /not known as a server of routing group 'Boston'/);
  assert.doesNotMatch(one, /non-Exchange/i);
  assert.match(msg.smartHostNotExchange('relay.contoso.com', ['Boston', 'Oslo', 'Rome']), /routing groups 'Boston', 'Oslo' or 'Rome'/);
});

test('smart-host-other-group: a smart host that is a server of a routing group other than the connected one, with the same fix', () => {
  const seattle = routingGroup('Seattle', [{ name: 'SEA-EX01', fqdn: 'sea-ex01.seattle.contoso.com', ip: '10.3.0.10' }]);
  for (const host of ['sea-ex01.seattle.contoso.com', '[10.3.0.10]']) {
    const text = connector({ name: 'Paris to Boston', from: 'Paris', to: ['Boston'], bridgehead: 'PAR-EX01', smartHosts: [host] });
    const f = expectOne(checkIn({ ...org(text), 'seattle.routinggroup.yaml': seattle }, 'c.connector.yaml'), {
      code: 'smart-host-other-group',
      severity: 'warning',
      range: rangeOf(text, `"${host}"`),
      message: msg.smartHostOtherGroup(host, 'Seattle', ['Boston']),
    });
    assert.deepEqual(
      f.fixes.map((x) => x.title),
      [msg.fixChangeSmartHost('bos-ex02.boston.contoso.com')],
    );
    expectNone(checkIn({ ...org(text), 'seattle.routinggroup.yaml': seattle }, 'c.connector.yaml'), 'smart-host-not-exchange');
    // Without Seattle's definition the host is unknown: smart-host-not-exchange, as before.
    expectOne(checkIn(org(text), 'c.connector.yaml'), {
      code: 'smart-host-not-exchange',
      range: rangeOf(text, `"${host}"`),
      message: msg.smartHostNotExchange(host, ['Boston']),
    });
  }
  // Toward a group the workspace only infers, a known server of another group is still reported: it cannot be a server of both.
  const inferred = connector({
    name: 'P',
    from: 'Paris',
    to: ['Oslo'],
    bridgehead: 'PAR-EX01',
    smartHosts: ['sea-ex01.seattle.contoso.com'],
  });
  expectOne(checkIn({ ...org(inferred), 'seattle.routinggroup.yaml': seattle }, 'c.connector.yaml'), {
    code: 'smart-host-other-group',
    range: rangeOf(inferred, '"sea-ex01.seattle.contoso.com"'),
    message: msg.smartHostOtherGroup('sea-ex01.seattle.contoso.com', 'Seattle', ['Oslo']),
  });
});

test('smart-host-other-group near misses: a server of the connected group, and an Internet connector forwarding to another group', () => {
  const seattle = routingGroup('Seattle', [{ name: 'SEA-EX01', fqdn: 'sea-ex01.seattle.contoso.com' }]);
  const ok = connector({ name: 'P', from: 'Paris', to: ['Boston'], bridgehead: 'PAR-EX01', smartHosts: ['bos-ex01.boston.contoso.com'] });
  expectNone(checkIn({ ...org(ok), 'seattle.routinggroup.yaml': seattle }, 'c.connector.yaml'), 'smart-host-other-group');
  const internet = connector({ name: 'P', from: 'Paris', bridgehead: 'PAR-EX01', smartHosts: ['sea-ex01.seattle.contoso.com'] });
  expectNone(checkIn({ ...org(internet), 'seattle.routinggroup.yaml': seattle }, 'c.connector.yaml'), 'smart-host-other-group');
});

test("smart-host-self: a smart host that is a server of the connector's own group", () => {
  const text = connector({ name: 'Paris out', from: 'Paris', bridgehead: 'PAR-EX01', smartHosts: ['[10.2.0.10]'] });
  expectOne(checkIn(org(text), 'c.connector.yaml'), {
    code: 'smart-host-self',
    severity: 'warning',
    range: rangeOf(text, '"[10.2.0.10]"'),
    message: msg.smartHostSelf('[10.2.0.10]', 'Paris'),
  });
  expectNone(
    checkIn(
      org(connector({ name: 'Paris out', from: 'Paris', bridgehead: 'PAR-EX01', smartHosts: ['relay.isp.net'] })),
      'c.connector.yaml',
    ),
    'smart-host-self',
  );
});

test('smart-host-required gets "Add smart host" with the one known bridgehead FQDN, preferred', () => {
  const text = lines(
    'kind: SmtpConnector',
    'name: Paris to Boston',
    'administrativeGroup: First Administrative Group',
    'routingGroup: Paris',
    'general:',
    '  delivery: smartHost',
    '  localBridgeheads:',
    '    - server: PAR-EX01',
    '      virtualServer: Default SMTP Virtual Server',
    'connectedRoutingGroups:',
    '  - routingGroup: Boston',
  );
  const f = expectOne(checkIn(org(text), 'c.connector.yaml'), {
    code: 'smart-host-required',
    range: rangeOf(text, 'general'),
    message: msg.smartHostRequired(),
  });
  assert.equal(f.fixes[0].title, msg.fixAddSmartHost('bos-ex02.boston.contoso.com'));
  assert.equal(f.fixes[0].preferred, true);
  assert.ok(f.fixes.some((x) => x.title === msg.fixUseDns() && !x.preferred));
  const fixed = applyFix(text, f);
  assert.equal(fixed, text.replace('  delivery: smartHost\n', '  delivery: smartHost\n  smartHosts:\n    - bos-ex02.boston.contoso.com\n'));
  expectNone(checkIn(org(fixed), 'c.connector.yaml'), 'smart-host-required');
});

test('several known FQDNs: one fix each, none preferred; an unknown group: no FQDN fix', () => {
  const text = lines(
    'kind: SmtpConnector',
    'name: Paris to Boston',
    'administrativeGroup: First Administrative Group',
    'routingGroup: Paris',
    'general:',
    '  delivery: smartHost',
    '  smartHosts: []',
    '  localBridgeheads:',
    '    - server: PAR-EX01',
    '      virtualServer: Default SMTP Virtual Server',
    'connectedRoutingGroups:',
    '  - routingGroup: Boston',
  );
  // Without the connector back, every server of Boston is a candidate.
  const files = { 'paris.routinggroup.yaml': paris, 'boston.routinggroup.yaml': boston, 'c.connector.yaml': text };
  const f = expectOne(checkIn(files, 'c.connector.yaml'), {
    code: 'smart-host-required',
    range: rangeOf(text, 'smartHosts'),
    message: msg.smartHostRequired(),
  });
  const adds = f.fixes.filter((x) => x.title.startsWith('Add smart host'));
  assert.deepEqual(
    adds.map((x) => [x.title, x.preferred]),
    [
      [msg.fixAddSmartHost('bos-ex01.boston.contoso.com'), false],
      [msg.fixAddSmartHost('bos-ex02.boston.contoso.com'), false],
    ],
  );
  assert.equal(applyFix(text, f, adds[0].title), text.replace('smartHosts: []', 'smartHosts: [bos-ex01.boston.contoso.com]'));
  const inferred = text.replace('routingGroup: Boston', 'routingGroup: Oslo');
  const g = expectOne(checkIn({ ...files, 'c.connector.yaml': inferred }, 'c.connector.yaml'), {
    code: 'smart-host-required',
    range: rangeOf(text, 'smartHosts'),
    message: msg.smartHostRequired(),
  });
  assert.ok(!g.fixes.some((x) => x.title.startsWith('Add smart host')));
});

test('dns-between-routing-groups gets "Forward to smart host": delivery and the list in one fix', () => {
  const text = lines(
    'kind: SmtpConnector',
    'name: Paris to Boston',
    'administrativeGroup: First Administrative Group',
    'routingGroup: Paris',
    'general:',
    '  delivery: dns # for now',
    '  localBridgeheads:',
    '    - server: PAR-EX01',
    '      virtualServer: Default SMTP Virtual Server',
    'connectedRoutingGroups:',
    '  - routingGroup: Boston',
  );
  const f = expectOne(checkIn(org(text), 'c.connector.yaml'), {
    code: 'dns-between-routing-groups',
    range: rangeOf(text, 'dns'),
    message: msg.dnsBetweenRoutingGroups(),
  });
  assert.equal(f.fixes[0].title, msg.fixForwardTo('bos-ex02.boston.contoso.com'));
  assert.equal(f.fixes[0].preferred, true);
  const fixed = applyFix(text, f);
  assert.equal(
    fixed,
    text.replace('  delivery: dns # for now\n', '  delivery: smartHost # for now\n  smartHosts:\n    - bos-ex02.boston.contoso.com\n'),
  );
  const after = checkIn(org(fixed), 'c.connector.yaml');
  for (const code of ['dns-between-routing-groups', 'smart-host-not-exchange', 'smart-host-required'] as const) expectNone(after, code);
});
