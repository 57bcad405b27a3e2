import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureWorkspace, workspaceOf, routingGroup, connector } from '../helpers/workspace';
import { simulateRoute } from '../../server/src/route/simulate';
import type { RouteQuery, RouteResult } from '../../server/src/route/types';

/**
 * test/fixtures/route-hops: Nairobi ⇄ Johannesburg ⇄ London ⇄ Paris, each link cost 1.
 * Johannesburg Partner (*.partner.net, scoped, cost 1) and London Partner (*.partner.net, cost 10);
 * Johannesburg to London carries Johannesburg's own Internet mail (*, scoped) to London;
 * London Internet (*, scoped; oversize above 2000 KB never); London to Paris and Paris to London
 * both claim fabrikam.com.
 */
const ws = fixtureWorkspace('route-hops');
const route = (q: RouteQuery) => simulateRoute(ws.index, q);
const reasonOf = (r: RouteResult, connector: string) => r.passedOver.find((p) => p.connector === connector)?.reason;
const path = (r: RouteResult) =>
  r.routes.map((x) => [x.totalCost, x.exit, x.hops.map((h) => `${h.from}>${h.to}:${h.connector}:${h.cost}`)]);

test('hop by hop: the next routing group chooses again, its routing-group-scoped connectors included', () => {
  const r = route({ from: 'Nairobi', to: 'a@sales.partner.net' });
  assert.equal(r.delivered, true);
  // From Nairobi only London Partner is in scope; at Johannesburg its own scoped connector wins.
  assert.deepEqual(path(r), [
    [2, 'connector', ['Nairobi>Johannesburg:Nairobi to Johannesburg:1', 'Johannesburg>*.partner.net:Johannesburg Partner:1']],
  ]);
  assert.equal(reasonOf(r, 'London Partner'), 'cost');
  assert.equal(reasonOf(r, 'Johannesburg Partner'), undefined);
});

test('no connector in scope matches: the message leaves by DNS from the group it is in, delivered', () => {
  const r = route({ from: 'Nairobi', to: 'someone@example.com' });
  assert.equal(r.delivered, true);
  assert.deepEqual(path(r), [[0, 'dns', []]]);
  assert.equal(reasonOf(r, 'London Internet'), 'scope');
  assert.equal(reasonOf(r, 'Johannesburg to London'), 'scope');
});

test('a connector with connected routing groups and an address space hands the message over; routing goes on there', () => {
  const r = route({ from: 'Johannesburg', to: 'someone@example.com' });
  assert.deepEqual(path(r), [[2, 'connector', ['Johannesburg>London:Johannesburg to London:1', 'London>*:London Internet:1']]]);
});

test('a message that returns to a group it has left loops: not delivered, the groups in order, NDR 5.4.6', () => {
  const r = route({ from: 'Nairobi', to: 'buyer@fabrikam.com' });
  assert.equal(r.delivered, false);
  assert.deepEqual(r.routes, []);
  assert.deepEqual(r.loop, ['London', 'Paris', 'London']);
  assert.deepEqual(
    r.loopHops?.map((h) => h.connector),
    ['London to Paris', 'Paris to London'],
  );
  // The loop's connectors were taken, not passed over.
  assert.equal(reasonOf(r, 'London to Paris'), undefined);
  assert.equal(reasonOf(r, 'Paris to London'), undefined);
  assert.deepEqual(route({ from: 'Paris', to: 'fabrikam.com' }).loop, ['Paris', 'London', 'Paris']);
});

test('oversize means greater than thresholdKB: at the threshold the normal connection time applies', () => {
  assert.equal(route({ from: 'London', to: 'x@example.com', sizeKB: 2000 }).delivered, true);
  const over = route({ from: 'Johannesburg', to: 'x@example.com', sizeKB: 2001 });
  assert.equal(over.delivered, false);
  assert.equal(over.loop, undefined);
  assert.equal(reasonOf(over, 'London Internet'), 'schedule');
});

test('matching connectors that all refuse the message are a non-delivery, not a DNS exit', () => {
  const r = route({ from: 'London', to: 'x@example.com', priority: 'low', sizeKB: 3000 });
  assert.deepEqual(r, { delivered: false, routes: [], passedOver: r.passedOver });
  assert.equal(reasonOf(r, 'London Internet'), 'schedule');
});

test('after a hand-over, a group where nothing in scope matches sends by DNS; the hops up to it are kept', () => {
  const w = workspaceOf({
    'a.routinggroup.yaml': routingGroup('A', [{ name: 'A1', fqdn: 'a1.contoso.com' }]),
    'b.routinggroup.yaml': routingGroup('B', [{ name: 'B1', fqdn: 'b1.contoso.com' }]),
    'a.connector.yaml': connector({
      name: 'A to B',
      from: 'A',
      to: ['B'],
      bridgehead: 'A1',
      smartHosts: ['b1.contoso.com'],
      extra: ['addressSpace:', '  entries:', '    - type: SMTP', '      address: "*"', '  scope: routingGroup'],
    }),
  });
  const r = simulateRoute(w.index, { from: 'A', to: 'x@example.com' });
  assert.deepEqual(path(r), [[1, 'dns', ['A>B:A to B:1']]]);
});

test('equal choices share the load at each hop, and each branch is routed again', () => {
  const w = workspaceOf({
    's.connector.yaml': connector({ name: 'S to L', from: 'S', to: ['L'], bridgehead: 'S1' }),
    's2.connector.yaml': connector({ name: 'S to R', from: 'S', to: ['R'], bridgehead: 'S1' }),
    'l.connector.yaml': connector({ name: 'L to T', from: 'L', to: ['T'], bridgehead: 'L1' }),
    'r.connector.yaml': connector({ name: 'R to T', from: 'R', to: ['T'], bridgehead: 'R1' }),
    't.connector.yaml': connector({
      name: 'T Out',
      from: 'T',
      bridgehead: 'T1',
      extra: ['addressSpace:', '  entries:', '    - type: SMTP', '      address: "*"'],
    }),
    'r2.connector.yaml': connector({
      name: 'R Out',
      from: 'R',
      bridgehead: 'R1',
      extra: ['addressSpace:', '  entries:', '    - type: SMTP', '      address: "*"', '      cost: 1', '  scope: routingGroup'],
    }),
  });
  const r = simulateRoute(w.index, { from: 'S', to: 'x@example.com' });
  // From S, T Out is the only choice, by L or R at equal cost; at R, R's own scoped connector (0 + 1) beats T Out (1 + 1).
  assert.deepEqual(path(r), [
    [3, 'connector', ['S>L:S to L:1', 'L>T:L to T:1', 'T>*:T Out:1']],
    [2, 'connector', ['S>R:S to R:1', 'R>*:R Out:1']],
  ]);
  assert.deepEqual(r.passedOver, []);
});
