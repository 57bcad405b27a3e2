import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRoute } from '../../client/src/route';

test('a delivered route reads hop by hop, then the passed-over candidates with reasons', () => {
  const text = formatRoute(
    { from: 'Paris', to: 'someone@example.com' },
    {
      delivered: true,
      routes: [
        {
          totalCost: 11,
          hops: [
            { connector: 'Paris to Boston', from: 'Paris', to: 'Boston', cost: 1 },
            { connector: 'Boston Internet', from: 'Boston', to: '*', cost: 10 },
          ],
        },
      ],
      passedOver: [{ connector: 'Paris Internet', reason: 'size' }],
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
      '    "Paris Internet": the message is not smaller than its size limit',
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
        { totalCost: 5, hops: [hop('A')] },
        { totalCost: 5, hops: [hop('B')] },
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
    /to routing group Oslo .*\n  Not delivered: no connector can carry this message\.\n  Passed over:\n {4}"Rome Out": its connection time is never$/,
  );
});
