import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureWorkspace, workspaceOf, connector } from '../helpers/workspace';
import { simulateRoute } from '../../server/src/route/simulate';
import type { RouteQuery, RouteResult } from '../../server/src/route/types';
import { describePass } from '../../shared/route';

/** The route fixture: Paris, Boston, London, Tokyo, Sydney and Oslo (see test/fixtures/route). */
const ws = fixtureWorkspace('route');
const route = (q: RouteQuery) => simulateRoute(ws.index, q);

/** The passed-over entry of a connector: its reason, particulars and words. */
function passed(r: RouteResult, connector: string) {
  const p = r.passedOver.find((x) => x.connector === connector);
  assert.ok(p, `${connector} is not passed over`);
  return { reason: p.reason, detail: p.detail, text: describePass(p) };
}

test('address space: a more specific one names the winner and both spaces; none matching lists the spaces and the domain', () => {
  const r = route({ from: 'Paris', to: 'buyer@FABRIKAM.com' });
  assert.deepEqual(passed(r, 'Boston Internet'), {
    reason: 'address-space',
    detail: { domain: 'fabrikam.com', space: '*', winner: 'London to Fabrikam', winnerSpace: 'fabrikam.com' },
    text: 'its address space * is less specific than fabrikam.com of "London to Fabrikam" for fabrikam.com',
  });
  const other = route({ from: 'Paris', to: 'someone@example.com' });
  assert.deepEqual(passed(other, 'London to Fabrikam'), {
    reason: 'address-space',
    detail: { domain: 'example.com', spaces: ['fabrikam.com'] },
    text: 'its address space fabrikam.com does not match example.com',
  });
});

test('scope: which routing group the connector serves and where the message is when it was last considered', () => {
  // Paris sends it to Boston, which decides again: there the scope keeps Tokyo Partner out.
  const r = route({ from: 'Paris', to: 'a@sales.partner.net' });
  assert.deepEqual(passed(r, 'Tokyo Partner'), {
    reason: 'scope',
    detail: { group: 'Tokyo', at: 'Boston' },
    text: 'its address space has routing-group scope: it serves only Tokyo, and the message is in Boston',
  });
});

test('size: the message size against the limit, with the numbers', () => {
  const r = route({ from: 'Paris', to: 'x@example.com', sizeKB: 6000 });
  assert.deepEqual(passed(r, 'Boston Internet'), {
    reason: 'size',
    detail: { sizeKB: 6000, limitKB: 5000 },
    text: 'the message (6000 KB) is not smaller than its size limit (5000 KB)',
  });
});

test('priority and type: what the message is and what the connector allows', () => {
  const low = route({ from: 'Paris', to: 'x@example.com', priority: 'low' });
  assert.deepEqual(passed(low, 'Boston Internet'), {
    reason: 'priority',
    detail: { priority: 'low', allowed: ['high', 'normal'] },
    text: 'it does not allow low priority (only high or normal)',
  });
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
  assert.deepEqual(passed(simulateRoute(w.index, { from: 'A', toGroup: 'B', system: true }), 'A to B'), {
    reason: 'type',
    detail: { type: 'system', allowed: ['nonSystem'] },
    text: 'it does not allow system messages (only non-system)',
  });
});

test('schedule: connectionTime never, and an oversize message that follows a schedule that never opens', () => {
  assert.deepEqual(passed(route({ from: 'Sydney', to: 'x@example.com' }), 'Sydney Backup'), {
    reason: 'schedule',
    detail: { connectionTime: 'never' },
    text: 'it never connects (connectionTime never)',
  });
  const w = workspaceOf({
    'a.connector.yaml': connector({
      name: 'Big at night',
      from: 'A',
      to: ['B'],
      bridgehead: 'A1',
      extra: ['deliveryOptions:', '  oversize:', '    thresholdKB: 1000', '    connectionTime: never'],
    }),
  });
  assert.equal(simulateRoute(w.index, { from: 'A', toGroup: 'B', sizeKB: 1000 }).delivered, true);
  const r = simulateRoute(w.index, { from: 'A', toGroup: 'B', sizeKB: 1001 });
  assert.deepEqual(passed(r, 'Big at night'), {
    reason: 'schedule',
    detail: { connectionTime: 'never', oversizeKB: 1000 },
    text: 'the message is over its oversize threshold (1000 KB), and oversize messages never go (connectionTime never)',
  });
});

test('cost: its total from where the message is against the lowest and the connector that has it', () => {
  // Last considered at Boston: Paris Internet is 1 back to Paris + 20, Boston Internet 10.
  const r = route({ from: 'Paris', to: 'someone@example.com' });
  assert.deepEqual(passed(r, 'Paris Internet'), {
    reason: 'cost',
    detail: { total: 21, lowest: 10, at: 'Boston', winner: 'Boston Internet' },
    text: 'its total cost from Boston is 21, more than 10 through "Boston Internet"',
  });
});

test('cost to a routing group: the cheapest route through the connector, or that the target cannot be reached through it', () => {
  assert.deepEqual(passed(route({ from: 'Paris', toGroup: 'Tokyo' }), 'Sydney to Tokyo'), {
    reason: 'cost',
    detail: { total: 6, lowest: 4, at: 'Paris' },
    text: 'its total cost from Paris is 6, more than 4',
  });
  assert.deepEqual(passed(route({ from: 'Paris', toGroup: 'Oslo' }), 'Paris to Boston'), {
    reason: 'cost',
    detail: { target: 'Oslo' },
    text: 'Oslo cannot be reached through it',
  });
});

test('unreachable: which routing group, from where', () => {
  const w = workspaceOf({
    'b.connector.yaml': connector({
      name: 'B Internet',
      from: 'B',
      bridgehead: 'B1',
      extra: ['addressSpace:', '  entries:', '    - type: SMTP', '      address: "*"'],
    }),
    'a.connector.yaml': connector({ name: 'A to C', from: 'A', to: ['C'], bridgehead: 'A1' }),
  });
  assert.deepEqual(passed(simulateRoute(w.index, { from: 'A', to: 'x@example.com' }), 'B Internet'), {
    reason: 'unreachable',
    detail: { group: 'B', at: 'A' },
    text: 'its routing group B cannot be reached from A',
  });
});

test('an entry without particulars (an older server) reads as the reason in general', () => {
  assert.equal(describePass({ connector: 'C', reason: 'cost' }), 'a route with a lower total cost exists');
  assert.equal(describePass({ connector: 'C', reason: 'size', detail: {} }), 'the message is not smaller than its size limit');
});
