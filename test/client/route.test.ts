import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRoute } from '../../client/src/route';
import { formatRouteText } from '../../server/src/route/format';
import { REASON_TEXT, describePass, type PassDetail, type PassReason } from '../../shared/route';

test('a delivered route reads hop by hop, then the passed-over candidates with reasons', () => {
  const text = formatRoute(
    { from: 'Paris', to: 'someone@example.com' },
    {
      delivered: true,
      routes: [
        {
          totalCost: 11,
          exit: 'connector',
          hops: [
            { connector: 'Paris to Boston', from: 'Paris', to: 'Boston', cost: 1 },
            { connector: 'Boston Internet', from: 'Boston', to: '*', cost: 10 },
          ],
        },
      ],
      passedOver: [{ connector: 'Paris Internet', reason: 'size', detail: { sizeKB: 6000, limitKB: 5000 } }],
    },
  );
  assert.equal(
    text,
    [
      'Route from Paris to someone@example.com (1 KB, normal priority, non-system)',
      '  Total cost 11:',
      '    Paris → Boston  via "Paris to Boston" (cost 1)',
      '    Boston → *  via "Boston Internet" (cost 10)',
      '  Passed over:',
      '    "Paris Internet": the message (6000 KB) is not smaller than its size limit (5000 KB)',
    ].join('\n'),
  );
});

test('routes sharing the load are numbered; an undelivered message says so', () => {
  const hop = (c: string) => ({ connector: c, from: 'Paris', to: '*', cost: 5 });
  const shared = formatRoute(
    { from: 'Paris', to: 'x@y.com', sizeKB: 500, priority: 'high', system: true },
    {
      delivered: true,
      routes: [
        { totalCost: 5, exit: 'connector', hops: [hop('A')] },
        { totalCost: 5, exit: 'connector', hops: [hop('B')] },
      ],
      passedOver: [],
    },
  );
  assert.match(
    shared,
    /^Route from Paris to x@y\.com \(500 KB, high priority, system\)\n  2 routes of equal cost share the load:\n  Route 1, total cost 5:/,
  );
  assert.match(shared, /Route 2, total cost 5:\n {4}Paris → \*  via "B" \(cost 5\)\n  No other candidate\.$/);
  const none = formatRoute(
    { from: 'Rome', toGroup: 'Oslo' },
    { delivered: false, routes: [], passedOver: [{ connector: 'Rome Out', reason: 'schedule' }] },
  );
  assert.match(
    none,
    /to routing group Oslo .*\n  Not delivered: no connector can carry this message\.\n  Passed over:\n {4}"Rome Out": it never connects \(connectionTime never, or no open window\)$/,
  );
});

test('a DNS exit names the group that sends by DNS; a loop names its groups and NDR 5.4.6', () => {
  const dns = formatRoute(
    { from: 'Nairobi', to: 'x@example.com' },
    {
      delivered: true,
      routes: [{ totalCost: 1, exit: 'dns', hops: [{ connector: 'N to J', from: 'Nairobi', to: 'Johannesburg', cost: 1 }] }],
      passedOver: [],
    },
  );
  assert.match(
    dns,
    /Total cost 1:\n {4}Nairobi → Johannesburg {2}via "N to J" \(cost 1\)\n {4}then by DNS from the SMTP virtual servers of Johannesburg\n/,
  );
  const loop = formatRoute(
    { from: 'London', to: 'x@fabrikam.com' },
    {
      delivered: false,
      routes: [],
      loop: ['London', 'Paris', 'London'],
      loopHops: [
        { connector: 'L to P', from: 'London', to: 'Paris', cost: 1 },
        { connector: 'P to L', from: 'Paris', to: 'London', cost: 1 },
      ],
      passedOver: [],
    },
  );
  assert.match(
    loop,
    /\n {2}Not delivered: the message loops: London → Paris → London \(NDR 5\.4\.6\)\.\n {4}London → Paris {2}via "L to P"/,
  );
});

test('the editor and exconn route explain every reason in the same words, from shared/route.ts, naming the cause', () => {
  const details: Record<PassReason, PassDetail> = {
    'address-space': { domain: 'fabrikam.com', space: '*', winner: 'London to Fabrikam', winnerSpace: 'fabrikam.com' },
    scope: { group: 'Tokyo', at: 'Paris' },
    size: { sizeKB: 6000, limitKB: 5000 },
    priority: { priority: 'low', allowed: ['high', 'normal'] },
    type: { type: 'system', allowed: ['nonSystem'] },
    schedule: { connectionTime: 'never' },
    cost: { total: 20, lowest: 11, winner: 'Boston Internet' },
    unreachable: { group: 'Oslo', at: 'Paris' },
  };
  for (const reason of Object.keys(REASON_TEXT) as PassReason[]) {
    for (const detail of [undefined, details[reason]]) {
      const p = { connector: 'C', reason, ...(detail ? { detail } : {}) };
      const result = { delivered: false, routes: [], passedOver: [p] };
      const words = describePass(p);
      assert.equal(words === REASON_TEXT[reason], detail === undefined, `${reason}: particulars change the words`);
      const editor = formatRoute({ from: 'A', toGroup: 'B' }, result);
      const cli = formatRouteText({ from: 'A', toGroup: 'B' }, result);
      assert.ok(editor.endsWith(`"C": ${words}`), reason);
      assert.ok(cli.endsWith(`"C": ${reason}: ${words}\n`), reason);
    }
  }
  assert.equal(REASON_TEXT.scope, 'its address space has routing-group scope and the message is in another routing group');
});
