import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, expectNone, applyFix, rangeOf } from '../helpers/engine';
import { checkIn, workspaceOf, routingGroup, connector } from '../helpers/workspace';
import { msg } from '../../server/src/rules/messages';

const paris = routingGroup('Paris', [{ name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com' }]);
const boston = routingGroup('Boston', [{ name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com' }]);
const parisToBoston = connector({
  name: 'Paris to Boston',
  from: 'Paris',
  to: ['Boston'],
  bridgehead: 'PAR-EX01',
  smartHosts: ['bos-ex01.boston.contoso.com'],
});

test('unknown-routing-group fires on a connected group no document defines, and offers to create its file', () => {
  const text = connector({ name: 'Paris to Rome', from: 'Paris', to: ['Rome'], bridgehead: 'PAR-EX01' });
  const files = {
    '/org/paris.routinggroup.yaml': paris,
    '/org/boston.routinggroup.yaml': boston,
    '/org/links/paris-rome.connector.yaml': text,
  };
  const f = expectOne(checkIn(files, '/org/links/paris-rome.connector.yaml'), {
    code: 'unknown-routing-group',
    severity: 'error',
    range: rangeOf(text, 'Rome', 1),
    message: msg.unknownRoutingGroup('Rome'),
  });
  assert.equal(f.fixes.length, 1);
  assert.equal(f.fixes[0].title, msg.fixCreateRoutingGroup('rome.routinggroup.yaml'));
  assert.equal(f.fixes[0].preferred, undefined);
  const created = f.fixes[0].create![0];
  assert.equal(created.uri, '/org/links/rome.routinggroup.yaml');
  assert.match(created.text, /^kind: RoutingGroup\nname: Rome\nadministrativeGroup: First Administrative Group\nservers:\n  - name: /);
  // The created file defines the group: the finding goes, and a workspace with it does not offer the fix again.
  const ws = workspaceOf({ ...files, [created.uri]: created.text });
  expectNone(ws.findings('/org/links/paris-rome.connector.yaml'), 'unknown-routing-group');
});

test('unknown-routing-group does not fire for defined groups, nor while no routing group is defined at all', () => {
  expectNone(
    checkIn(
      { 'a/paris.routinggroup.yaml': paris, 'a/boston.routinggroup.yaml': boston, 'a/c.connector.yaml': parisToBoston },
      'a/c.connector.yaml',
    ),
    'unknown-routing-group',
  );
  expectNone(
    checkIn(
      { 'a/c.connector.yaml': parisToBoston, 'a/d.connector.yaml': connector({ name: 'x', from: 'Rome', to: ['Oslo'] }) },
      'a/c.connector.yaml',
    ),
    'unknown-routing-group',
  );
});

test("unknown-routing-group on the connector's own group; names compare case-insensitively", () => {
  const text = connector({ name: 'Oslo out', from: 'Oslo', to: ['BOSTON'] });
  const files = { 'paris.routinggroup.yaml': paris, 'boston.routinggroup.yaml': boston, 'o.connector.yaml': text };
  const fs = checkIn(files, 'o.connector.yaml');
  expectOne(fs, { code: 'unknown-routing-group', range: rangeOf(text, 'Oslo', 1), message: msg.unknownRoutingGroup('Oslo') });
});

test("administrative-group-mismatch: a connected group defined in another administrative group, fixed by inserting the definition's", () => {
  const rome = routingGroup('Rome', [{ name: 'ROM-EX01', fqdn: 'rom-ex01.rome.contoso.com' }], 'Europe');
  const text = connector({ name: 'Paris to Rome', from: 'Paris', to: ['Rome'], bridgehead: 'PAR-EX01' });
  const files = { 'paris.routinggroup.yaml': paris, 'rome.routinggroup.yaml': rome, 'c.connector.yaml': text };
  const f = expectOne(checkIn(files, 'c.connector.yaml'), {
    code: 'administrative-group-mismatch',
    severity: 'error',
    range: rangeOf(text, 'Rome', 1),
    message: msg.administrativeGroupMismatch('Rome', 'First Administrative Group', 'Europe'),
  });
  assert.equal(f.related![0].uri, 'rome.routinggroup.yaml');
  assert.deepEqual(f.related![0].range, rangeOf(rome, 'Rome'));
  assert.equal(f.fixes[0].title, msg.fixUseAdministrativeGroup('Europe'));
  assert.equal(f.fixes[0].preferred, true);
  const fixed = applyFix(text, f);
  assert.equal(fixed, text.replace('  - routingGroup: Rome\n', '  - routingGroup: Rome\n    administrativeGroup: Europe\n'));
  expectNone(checkIn({ ...files, 'c.connector.yaml': fixed }, 'c.connector.yaml'), 'administrative-group-mismatch');
  expectNone(checkIn({ ...files, 'c.connector.yaml': fixed }, 'c.connector.yaml'), 'unknown-routing-group');
});

test("administrative-group-mismatch on the connector's own administrative group replaces the value", () => {
  const text = connector({
    name: 'Paris to Boston',
    from: 'Paris',
    to: ['Boston'],
    bridgehead: 'PAR-EX01',
    adminGroup: 'Second Administrative Group',
    extra: ['    administrativeGroup: First Administrative Group'],
  });
  const files = { 'paris.routinggroup.yaml': paris, 'boston.routinggroup.yaml': boston, 'c.connector.yaml': text };
  const f = expectOne(checkIn(files, 'c.connector.yaml'), {
    code: 'administrative-group-mismatch',
    range: rangeOf(text, 'Second Administrative Group'),
    message: msg.administrativeGroupMismatch('Paris', 'Second Administrative Group', 'First Administrative Group'),
  });
  assert.equal(applyFix(text, f), text.replace('Second Administrative Group', 'First Administrative Group'));
});

test('self-connection fires on a connector connected to its own group, and not on one to another group', () => {
  const text = connector({ name: 'Loop', from: 'Paris', to: ['Boston', 'paris'], bridgehead: 'PAR-EX01' });
  const files = { 'paris.routinggroup.yaml': paris, 'boston.routinggroup.yaml': boston, 'c.connector.yaml': text };
  const fs = checkIn(files, 'c.connector.yaml');
  expectOne(fs, { code: 'self-connection', severity: 'error', range: rangeOf(text, 'paris'), message: msg.selfConnection('Paris') });
  expectNone(checkIn({ ...files, 'c.connector.yaml': parisToBoston }, 'c.connector.yaml'), 'self-connection');
});

test('administrative-group-mismatch through an alias: reported, but no fix rewrites the anchor', () => {
  const rome = routingGroup('Rome', [{ name: 'ROM-EX01', fqdn: 'rom-ex01.rome.contoso.com' }], 'Europe');
  const text = [
    'kind: SmtpConnector',
    'name: Paris to Rome',
    'administrativeGroup: &ag First Administrative Group',
    'routingGroup: Paris',
    'general:',
    '  localBridgeheads:',
    '    - server: PAR-EX01',
    '      virtualServer: Default SMTP Virtual Server',
    'connectedRoutingGroups:',
    '  - routingGroup: Rome',
    '    administrativeGroup: *ag',
    '',
  ].join('\n');
  const f = expectOne(
    checkIn({ 'paris.routinggroup.yaml': paris, 'rome.routinggroup.yaml': rome, 'c.connector.yaml': text }, 'c.connector.yaml'),
    {
      code: 'administrative-group-mismatch',
      range: rangeOf(text, '*ag'),
      message: msg.administrativeGroupMismatch('Rome', 'First Administrative Group', 'Europe'),
    },
  );
  assert.deepEqual(f.fixes, []);
});
