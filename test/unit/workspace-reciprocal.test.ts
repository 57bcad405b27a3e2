import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, expectNone, rangeOf } from '../helpers/engine';
import { checkIn, workspaceOf, routingGroup, connector } from '../helpers/workspace';
import { msg } from '../../server/src/rules/messages';
import { workspaceMessages } from '../../server/src/rules/workspace/messages';

const paris = routingGroup('Paris', [{ name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com' }]);
const boston = routingGroup('Boston', [
  { name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com', extra: ['smtpVirtualServers: [Inbound VS]'] },
]);
const out = connector({
  name: 'Paris to Boston',
  from: 'Paris',
  to: ['Boston'],
  bridgehead: 'PAR-EX01',
  smartHosts: ['bos-ex01.boston.contoso.com'],
  extra: ['    cost: 5'],
});
const back = connector({
  name: 'Boston to Paris',
  from: 'Boston',
  to: ['Paris'],
  bridgehead: 'BOS-EX01',
  virtualServer: 'Inbound VS',
  smartHosts: ['par-ex01.paris.contoso.com'],
});

test('missing-reciprocal-connector fires when no connector in the connected group connects back, and creates it', () => {
  const files = {
    'file:///org/paris/paris.routinggroup.yaml': paris,
    'file:///org/boston%20rg/boston.routinggroup.yaml': boston,
    'file:///org/paris/out.connector.yaml': out,
  };
  const f = expectOne(checkIn(files, 'file:///org/paris/out.connector.yaml'), {
    code: 'missing-reciprocal-connector',
    severity: 'warning',
    range: rangeOf(out, 'Boston', 1),
    message: msg.missingReciprocal('Boston', 'Paris'),
  });
  assert.equal(f.fixes.length, 1);
  assert.equal(f.fixes[0].title, msg.fixCreateReciprocal('boston-to-paris.connector.yaml'));
  assert.notEqual(f.fixes[0].preferred, true);
  const created = f.fixes[0].create![0];
  // In the folder of the remote group's definition, as a URI like the others.
  assert.equal(created.uri, 'file:///org/boston%20rg/boston-to-paris.connector.yaml');
  assert.equal(
    created.text,
    [
      'kind: SmtpConnector',
      'name: Boston to Paris',
      'administrativeGroup: First Administrative Group',
      'routingGroup: Boston',
      '',
      'general:',
      '  delivery: smartHost',
      '  smartHosts:',
      '    - par-ex01.paris.contoso.com',
      '  localBridgeheads:',
      '    - server: BOS-EX01',
      '      virtualServer: Inbound VS',
      '',
      'connectedRoutingGroups:',
      '  - routingGroup: Paris',
      '    administrativeGroup: First Administrative Group',
      '    cost: 5',
      '',
    ].join('\n'),
  );
  // The created connector clears the warning and is itself clean of workspace findings.
  const ws = workspaceOf({ ...files, [created.uri]: created.text });
  expectNone(ws.findings('file:///org/paris/out.connector.yaml'), 'missing-reciprocal-connector');
  assert.deepEqual(
    ws.findings(created.uri).filter((x) => x.code === 'unknown-bridgehead' || x.code === 'missing-reciprocal-connector'),
    [],
  );
});

test('missing-reciprocal-connector for an inferred remote group: beside the original, delivery by DNS, no bridgehead', () => {
  const text = connector({ name: 'Paris to Oslo', from: 'Paris', to: ['Oslo'], bridgehead: 'NOPE' });
  const f = expectOne(checkIn({ 'a/b/out.connector.yaml': text }, 'a/b/out.connector.yaml'), {
    code: 'missing-reciprocal-connector',
    range: rangeOf(text, 'Oslo', 1),
    message: msg.missingReciprocal('Oslo', 'Paris'),
  });
  const created = f.fixes[0].create![0];
  assert.equal(created.uri, 'a/b/oslo-to-paris.connector.yaml');
  assert.match(created.text, /\n\ngeneral:\n  delivery: dns\n\nconnectedRoutingGroups:\n/);
});

test('missing-reciprocal-connector does not fire when the remote group connects back (in any file), and the fix never writes into an existing file: it creates -2', () => {
  const files = {
    'paris.routinggroup.yaml': paris,
    'boston.routinggroup.yaml': boston,
    'out.connector.yaml': out,
    'back.connector.yaml': back,
  };
  expectNone(checkIn(files, 'out.connector.yaml'), 'missing-reciprocal-connector');
  expectNone(checkIn(files, 'back.connector.yaml'), 'missing-reciprocal-connector');
  const clash = {
    'paris.routinggroup.yaml': paris,
    'boston.routinggroup.yaml': boston,
    'out.connector.yaml': out,
    'boston-to-paris.connector.yaml': '# not written yet\n',
  };
  const f = expectOne(checkIn(clash, 'out.connector.yaml'), {
    code: 'missing-reciprocal-connector',
    range: rangeOf(out, 'Boston', 1),
    message: msg.missingReciprocal('Boston', 'Paris'),
  });
  assert.deepEqual(
    f.fixes.map((x) => [x.title, x.create?.map((c) => c.uri)]),
    [[workspaceMessages.fixCreateReciprocal('boston-to-paris-2.connector.yaml'), ['boston-to-paris-2.connector.yaml']]],
  );
});
