import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureWorkspace, workspaceOf, routingGroup, connector } from '../helpers/workspace';
import { simulateRoute, RouteQueryError } from '../../server/src/route/simulate';
import { traceRoute } from '../../server/src/route/index';
import type { RouteQuery, RouteResult } from '../../server/src/route/types';

/** The route fixture: Paris, Boston, London, Tokyo, Sydney and Oslo (see test/fixtures/route). */
const ws = fixtureWorkspace('route');
const route = (q: RouteQuery) => simulateRoute(ws.index, q);
const reasonOf = (r: RouteResult, connector: string) => r.passedOver.find((p) => p.connector === connector)?.reason;
const path = (r: RouteResult) => r.routes.map((x) => [x.totalCost, x.hops.map((h) => `${h.from}>${h.to}:${h.connector}:${h.cost}`)]);

test('the cheapest total wins among equally specific address spaces; the dearer one is passed over for cost', () => {
  const r = route({ from: 'Paris', to: 'someone@example.com' });
  assert.equal(r.delivered, true);
  assert.deepEqual(path(r), [[11, ['Paris>Boston:Paris to Boston:1', 'Boston>*:Boston Internet:10']]]);
  assert.equal(reasonOf(r, 'Paris Internet'), 'cost');
  assert.equal(reasonOf(r, 'London to Fabrikam'), 'address-space');
});

test('a more specific address space beats a cheaper general one', () => {
  const r = route({ from: 'Paris', to: 'buyer@FABRIKAM.com' });
  assert.deepEqual(path(r), [[52, ['Paris>London:Paris to London:2', 'London>fabrikam.com:London to Fabrikam:50']]]);
  assert.equal(reasonOf(r, 'Boston Internet'), 'address-space');
  assert.equal(reasonOf(r, 'Paris Internet'), 'address-space');
});

test('equal totals give several routes that share the load', () => {
  const r = route({ from: 'Paris', toGroup: 'tokyo' });
  assert.deepEqual(path(r), [
    [4, ['Paris>Boston:Paris to Boston:1', 'Boston>Tokyo:Boston to Tokyo:3']],
    [4, ['Paris>London:Paris to London:2', 'London>Tokyo:London to Tokyo:2']],
  ]);
  // Sydney is reachable but lies on no cheapest path.
  assert.equal(reasonOf(r, 'Sydney to Tokyo'), 'cost');
  assert.equal(reasonOf(r, 'Paris to Boston'), undefined);
});

test('routing-group scope: usable only from its own routing group', () => {
  const home = route({ from: 'Tokyo', to: 'a@sales.partner.net' });
  assert.deepEqual(path(home), [[1, ['Tokyo>*.partner.net:Tokyo Partner:1']]]);
  const away = route({ from: 'Paris', to: 'a@sales.partner.net' });
  assert.equal(reasonOf(away, 'Tokyo Partner'), 'scope');
  assert.deepEqual(path(away), [[11, ['Paris>Boston:Paris to Boston:1', 'Boston>*:Boston Internet:10']]]);
});

test('a size limit passes messages strictly smaller than it; a larger one goes elsewhere', () => {
  assert.equal(route({ from: 'Paris', to: 'x@example.com', sizeKB: 4999 }).routes[0].hops[1].connector, 'Boston Internet');
  for (const sizeKB of [5000, 6000]) {
    const r = route({ from: 'Paris', to: 'x@example.com', sizeKB });
    assert.equal(reasonOf(r, 'Boston Internet'), 'size');
    assert.deepEqual(path(r), [[20, ['Paris>*:Paris Internet:20']]]);
  }
});

test('a priority the connector does not allow passes it over', () => {
  const r = route({ from: 'Paris', to: 'x@example.com', priority: 'low' });
  assert.equal(reasonOf(r, 'Boston Internet'), 'priority');
  assert.deepEqual(path(r), [[20, ['Paris>*:Paris Internet:20']]]);
  assert.equal(route({ from: 'Paris', to: 'x@example.com', priority: 'high' }).routes[0].totalCost, 11);
});

test('connectionTime never takes a connector out, even the cheapest', () => {
  const r = route({ from: 'Sydney', to: 'x@example.com' });
  assert.equal(reasonOf(r, 'Sydney Backup'), 'schedule');
  assert.deepEqual(path(r), [[14, ['Sydney>Tokyo:Sydney to Tokyo:1', 'Tokyo>Boston:Tokyo to Boston:3', 'Boston>*:Boston Internet:10']]]);
});

test('an unreachable routing group: not delivered, nothing routed', () => {
  const r = route({ from: 'Paris', toGroup: 'Oslo' });
  assert.deepEqual(r, { delivered: false, routes: [], passedOver: r.passedOver });
  // From Oslo the way out exists.
  assert.deepEqual(path(route({ from: 'Oslo', toGroup: 'Boston' })), [
    [2, ['Oslo>Paris:Oslo to Paris:1', 'Paris>Boston:Paris to Boston:1']],
  ]);
});

test('a connector whose routing group cannot be reached is passed over as unreachable', () => {
  const w = workspaceOf({
    'a.routinggroup.yaml': routingGroup('A', [{ name: 'A1', fqdn: 'a1.contoso.com' }]),
    'b.routinggroup.yaml': routingGroup('B', [{ name: 'B1', fqdn: 'b1.contoso.com' }]),
    'b.connector.yaml': connector({
      name: 'B Internet',
      from: 'B',
      bridgehead: 'B1',
      extra: ['addressSpace:', '  entries:', '    - type: SMTP', '      address: "*"'],
    }),
  });
  const r = simulateRoute(w.index, { from: 'A', to: 'x@example.com' });
  assert.deepEqual(r, {
    delivered: false,
    routes: [],
    passedOver: [{ connector: 'B Internet', reason: 'unreachable', detail: { group: 'B', at: 'A' } }],
  });
});

test('system messages: a link that carries only non-system messages is passed over for type', () => {
  const w = workspaceOf({
    'a.connector.yaml': connector({
      name: 'A to B',
      from: 'A',
      to: ['B'],
      bridgehead: 'A1',
      extra: ['contentRestrictions:', '  allowedTypes: [nonSystem]'],
    }),
    'a2.connector.yaml': connector({ name: 'A to C', from: 'A', to: ['C'], bridgehead: 'A1' }),
    'c.connector.yaml': connector({ name: 'C to B', from: 'C', to: ['B'], bridgehead: 'C1' }),
  });
  assert.equal(simulateRoute(w.index, { from: 'A', toGroup: 'B' }).routes[0].totalCost, 1);
  const r = simulateRoute(w.index, { from: 'A', toGroup: 'B', system: true });
  assert.deepEqual(path(r), [[2, ['A>C:A to C:1', 'C>B:C to B:1']]]);
  assert.equal(reasonOf(r, 'A to B'), 'type');
});

test('a custom schedule that opens some time carries the message; an unknown group is a query error', () => {
  const w = workspaceOf({
    'a.connector.yaml': connector({
      name: 'Night',
      from: 'A',
      to: ['B'],
      bridgehead: 'A1',
      extra: ['deliveryOptions:', '  connectionTime: custom', '  schedule: ["Mon-Fri 22:00-05:00"]'],
    }),
  });
  assert.equal(simulateRoute(w.index, { from: 'A', toGroup: 'B' }).delivered, true);
  assert.throws(() => simulateRoute(w.index, { from: 'Nowhere', toGroup: 'B' }), RouteQueryError);
  assert.throws(() => simulateRoute(w.index, { from: 'A', toGroup: 'Nowhere' }), /--to-group: no routing group named 'Nowhere'/);
});

test('traceRoute answers an unknown group with an error instead of throwing', () => {
  assert.deepEqual(traceRoute(ws.index, { from: 'Atlantis', toGroup: 'Paris' }), {
    error: "--from: no routing group named 'Atlantis'; the routing groups are 'Boston', 'London', 'Oslo', 'Paris', 'Sydney', 'Tokyo'",
  });
  assert.equal('result' in traceRoute(ws.index, { from: 'Paris', toGroup: 'Boston' }), true);
});
