import { test } from 'node:test';
import { expectOne, expectNone, rangeOf } from '../helpers/engine';
import { checkIn, routingGroup } from '../helpers/workspace';
import { msg } from '../../server/src/rules/messages';

const boston = routingGroup('Boston', [{ name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com' }]);

test('routing-group-no-server: only Exchange 5.5 servers, or an empty list', () => {
  const old = routingGroup('Legacy', [{ name: 'OLD-EX01', fqdn: 'old-ex01.contoso.com', extra: ['version: 5.5'] }]);
  expectOne(checkIn({ 'b.routinggroup.yaml': boston, 'l.routinggroup.yaml': old }, 'l.routinggroup.yaml'), {
    code: 'routing-group-no-server',
    severity: 'error',
    range: rangeOf(old, 'servers'),
    message: msg.routingGroupNoServer('Legacy'),
  });
  const empty = 'kind: RoutingGroup\nname: Empty\nadministrativeGroup: First Administrative Group\nservers: []\n';
  expectOne(checkIn({ 'b.routinggroup.yaml': boston, 'e.routinggroup.yaml': empty }, 'e.routinggroup.yaml'), {
    code: 'routing-group-no-server',
    range: rangeOf(empty, 'servers'),
    message: msg.routingGroupNoServer('Empty'),
  });
  const mixed = routingGroup('Mixed', [
    { name: 'OLD-EX01', fqdn: 'old-ex01.contoso.com', extra: ['version: "5.5"'] },
    { name: 'NEW-EX01', fqdn: 'new-ex01.contoso.com', extra: ['version: 2000'] },
  ]);
  expectNone(checkIn({ 'b.routinggroup.yaml': boston, 'm.routinggroup.yaml': mixed }, 'm.routinggroup.yaml'), 'routing-group-no-server');
});

test('routing-group-no-virtual-server: every server without an SMTP virtual server', () => {
  const none = routingGroup('Bare', [{ name: 'B1', fqdn: 'b1.contoso.com', extra: ['smtpVirtualServers: []'] }]);
  expectOne(checkIn({ 'b.routinggroup.yaml': boston, 'n.routinggroup.yaml': none }, 'n.routinggroup.yaml'), {
    code: 'routing-group-no-virtual-server',
    severity: 'error',
    range: rangeOf(none, 'servers'),
    message: msg.routingGroupNoVirtualServer('Bare'),
  });
  // The default is one virtual server.
  expectNone(checkIn({ 'b.routinggroup.yaml': boston }, 'b.routinggroup.yaml'), 'routing-group-no-virtual-server');
});

test('single-routing-group: information on the only routing group, gone with a second one in another file', () => {
  expectOne(checkIn({ 'b.routinggroup.yaml': boston }, 'b.routinggroup.yaml'), {
    code: 'single-routing-group',
    severity: 'information',
    range: rangeOf(boston, 'Boston'),
    message: msg.singleRoutingGroup(1),
  });
  const paris = routingGroup('Paris', [{ name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com' }]);
  expectNone(checkIn({ 'b.routinggroup.yaml': boston, 'p.routinggroup.yaml': paris }, 'b.routinggroup.yaml'), 'single-routing-group');
});
