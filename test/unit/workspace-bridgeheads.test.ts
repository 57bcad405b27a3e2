import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, expectNone, applyFix, rangeOf } from '../helpers/engine';
import { checkIn, routingGroup, connector } from '../helpers/workspace';
import { msg } from '../../server/src/rules/messages';

const paris = routingGroup('Paris', [
  { name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com' },
  { name: 'PAR-EX02', fqdn: 'par-ex02.paris.contoso.com', extra: ['smtpVirtualServers: [Default SMTP Virtual Server, Outbound VS]'] },
]);
const boston = routingGroup('Boston', [{ name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com' }]);
const withConnector = (text: string) => ({
  'paris.routinggroup.yaml': paris,
  'boston.routinggroup.yaml': boston,
  'c.connector.yaml': text,
});

test("unknown-bridgehead: a server not in the connector's routing group, fixed to the closest server", () => {
  const text = connector({ name: 'Paris to Boston', from: 'Paris', to: ['Boston'], bridgehead: 'PAR-EX1' });
  const f = expectOne(checkIn(withConnector(text), 'c.connector.yaml'), {
    code: 'unknown-bridgehead',
    severity: 'error',
    range: rangeOf(text, 'PAR-EX1'),
    message: msg.unknownBridgeheadServer('PAR-EX1', 'Paris'),
  });
  assert.deepEqual(
    f.fixes.map((x) => x.title),
    [msg.fixChangeTo('server', 'PAR-EX01')],
  );
  assert.equal(applyFix(text, f, msg.fixChangeTo('server', 'PAR-EX01')), text.replace('PAR-EX1', 'PAR-EX01'));
});

test('unknown-bridgehead: a server of another routing group is not a bridgehead here', () => {
  const text = connector({ name: 'Paris to Boston', from: 'Paris', to: ['Boston'], bridgehead: 'BOS-EX01' });
  expectOne(checkIn(withConnector(text), 'c.connector.yaml'), {
    code: 'unknown-bridgehead',
    range: rangeOf(text, 'BOS-EX01'),
    message: msg.unknownBridgeheadServer('BOS-EX01', 'Paris'),
  });
});

test('unknown-bridgehead: a virtual server the server does not have, fixed to its closest virtual server', () => {
  const text = connector({ name: 'Paris to Boston', from: 'Paris', to: ['Boston'], bridgehead: 'par-ex02', virtualServer: 'Outbound' });
  const f = expectOne(checkIn(withConnector(text), 'c.connector.yaml'), {
    code: 'unknown-bridgehead',
    range: rangeOf(text, 'Outbound'),
    message: msg.unknownBridgeheadVirtualServer('Outbound', 'PAR-EX02'),
  });
  assert.equal(applyFix(text, f, msg.fixChangeTo('virtualServer', 'Outbound VS')), text.replace('Outbound', 'Outbound VS'));
});

test('unknown-bridgehead does not fire on a server and virtual server of the group (any case), nor for an inferred group', () => {
  expectNone(
    checkIn(
      withConnector(connector({ name: 'P', from: 'Paris', to: ['Boston'], bridgehead: 'par-ex02', virtualServer: 'outbound vs' })),
      'c.connector.yaml',
    ),
    'unknown-bridgehead',
  );
  expectNone(
    checkIn(withConnector(connector({ name: 'P', from: 'Paris', to: ['Boston'], bridgehead: 'PAR-EX01' })), 'c.connector.yaml'),
    'unknown-bridgehead',
  );
  expectNone(
    checkIn(withConnector(connector({ name: 'P', from: 'Oslo', to: ['Boston'], bridgehead: 'NOWHERE' })), 'c.connector.yaml'),
    'unknown-bridgehead',
  );
});
