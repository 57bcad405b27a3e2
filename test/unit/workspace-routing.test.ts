import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, expectNone, rangeOf, lines } from '../helpers/engine';
import { checkIn, connector, routingGroup, workspaceOf } from '../helpers/workspace';
import { msg } from '../../server/src/rules/messages';
import { LoopFinder } from '../../server/src/route/loops';
import { groupKey } from '../../server/src/workspace/names';

const boston = routingGroup('Boston', [{ name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com' }]);
const paris = routingGroup('Paris', [{ name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com' }]);
const seattle = routingGroup('Seattle', [{ name: 'SEA-EX01', fqdn: 'sea-ex01.seattle.contoso.com' }]);
const space = (address: string, extra: string[] = []) => [
  'addressSpace:',
  '  entries:',
  '    - type: SMTP',
  `      address: "${address}"`,
  ...extra,
];

/** A link connector that also carries an address space: it hands matching mail over to the connected group. */
const link = (from: string, to: string, bridgehead: string, address?: string) =>
  connector({ name: `${from} to ${to}`, from, to: [to], bridgehead, extra: address ? space(address) : [] });

test('routing-loop: two groups that hand "*" to each other, on each address-space entry with the other related', () => {
  const bp = link('Boston', 'Paris', 'BOS-EX01', '*');
  const pb = link('Paris', 'Boston', 'PAR-EX01', '*');
  const ws = workspaceOf({
    'boston.routinggroup.yaml': boston,
    'paris.routinggroup.yaml': paris,
    'bp.connector.yaml': bp,
    'pb.connector.yaml': pb,
  });
  const f = expectOne(ws.findings('bp.connector.yaml'), {
    code: 'routing-loop',
    severity: 'error',
    range: rangeOf(bp, '"*"'),
    message: msg.routingLoop('*', ['Boston', 'Paris', 'Boston']),
  });
  assert.deepEqual(f.related, [{ uri: 'pb.connector.yaml', range: rangeOf(pb, '"*"'), message: msg.routingLoopOther('Paris', 'Boston') }]);
  expectOne(ws.findings('pb.connector.yaml'), {
    code: 'routing-loop',
    range: rangeOf(pb, '"*"'),
    message: msg.routingLoop('*', ['Paris', 'Boston', 'Paris']),
  });
});

test('routing-loop across three groups: the plain link back is related on its connected-group entry', () => {
  // Boston hands fabrikam.com to Paris, Paris hands it to Seattle, Seattle's best way is back through Boston.
  const bp = link('Boston', 'Paris', 'BOS-EX01', 'fabrikam.com');
  const ps = link('Paris', 'Seattle', 'PAR-EX01', 'fabrikam.com');
  const sb = link('Seattle', 'Boston', 'SEA-EX01');
  const files = {
    'boston.routinggroup.yaml': boston,
    'paris.routinggroup.yaml': paris,
    'seattle.routinggroup.yaml': seattle,
    'bp.connector.yaml': bp,
    'ps.connector.yaml': ps,
    'sb.connector.yaml': sb,
  };
  const ws = workspaceOf(files);
  const f = expectOne(ws.findings('bp.connector.yaml'), {
    code: 'routing-loop',
    range: rangeOf(bp, '"fabrikam.com"'),
    message: msg.routingLoop('fabrikam.com', ['Boston', 'Paris', 'Seattle', 'Boston']),
  });
  assert.deepEqual(f.related, [
    { uri: 'ps.connector.yaml', range: rangeOf(ps, '"fabrikam.com"'), message: msg.routingLoopOther('Paris', 'Seattle') },
    { uri: 'sb.connector.yaml', range: rangeOf(sb, 'Boston', 1), message: msg.routingLoopOther('Seattle', 'Boston') },
  ]);
  expectOne(ws.findings('ps.connector.yaml'), {
    code: 'routing-loop',
    range: rangeOf(ps, '"fabrikam.com"'),
    message: msg.routingLoop('fabrikam.com', ['Paris', 'Seattle', 'Boston', 'Paris']),
  });
  // The plain link has no address space: it is only related information.
  expectNone(ws.findings('sb.connector.yaml'), 'routing-loop');
});

test('routing-loop near misses: a hand-over to a group with its own way out, or a hand-over scoped to its own group', () => {
  const pb = link('Paris', 'Boston', 'PAR-EX01');
  const files = { 'boston.routinggroup.yaml': boston, 'paris.routinggroup.yaml': paris, 'pb.connector.yaml': pb };
  const bp = link('Boston', 'Paris', 'BOS-EX01', '*');
  const parisOut = connector({
    name: 'Paris Internet',
    from: 'Paris',
    bridgehead: 'PAR-EX01',
    extra: space('*', ['      cost: 1', '  scope: routingGroup']),
  });
  expectNone(checkIn({ ...files, 'bp.connector.yaml': bp, 'out.connector.yaml': parisOut }, 'bp.connector.yaml'), 'routing-loop');
  // Scoped to Boston, the connector is out of scope in Paris, which sends the message by DNS.
  const scoped = connector({
    name: 'Boston to Paris',
    from: 'Boston',
    to: ['Paris'],
    bridgehead: 'BOS-EX01',
    extra: [...space('*'), '  scope: routingGroup'],
  });
  expectNone(checkIn({ ...files, 'bp.connector.yaml': scoped }, 'bp.connector.yaml'), 'routing-loop');
  // Organization-wide, Paris's routing sends it back to Boston: that is a loop.
  expectOne(checkIn({ ...files, 'bp.connector.yaml': bp }, 'bp.connector.yaml'), {
    code: 'routing-loop',
    range: rangeOf(bp, '"*"'),
    message: msg.routingLoop('*', ['Boston', 'Paris', 'Boston']),
  });
});

test('routing-loop follows edits elsewhere: the link back closes the loop, a way out of Paris opens it, removing that closes it again', () => {
  const bp = link('Boston', 'Paris', 'BOS-EX01', '*');
  const ws = workspaceOf({ 'boston.routinggroup.yaml': boston, 'paris.routinggroup.yaml': paris, 'bp.connector.yaml': bp });
  const loops = () =>
    expectOne(ws.findings('bp.connector.yaml'), {
      code: 'routing-loop',
      range: rangeOf(bp, '"*"'),
      message: msg.routingLoop('*', ['Boston', 'Paris', 'Boston']),
    });
  expectNone(ws.findings('bp.connector.yaml'), 'routing-loop');
  ws.setFile('pb.connector.yaml', link('Paris', 'Boston', 'PAR-EX01'));
  loops();
  ws.setFile(
    'out.connector.yaml',
    connector({ name: 'Paris Internet', from: 'Paris', bridgehead: 'PAR-EX01', extra: space('*', ['  scope: routingGroup']) }),
  );
  expectNone(ws.findings('bp.connector.yaml'), 'routing-loop');
  ws.removeFile('out.connector.yaml');
  loops();
});

const internet = (from: string, bridgehead: string, scope: string) =>
  connector({ name: `${from} Internet`, from, bridgehead, extra: space('*', ['      cost: 1', `  scope: ${scope}   # who may use it`]) });

test('internet-scoped-only: every connector for "*" scoped to its group, on each scope value, naming the groups left to DNS', () => {
  const b = internet('Boston', 'BOS-EX01', 'routingGroup');
  const files = {
    'boston.routinggroup.yaml': boston,
    'paris.routinggroup.yaml': paris,
    'seattle.routinggroup.yaml': seattle,
    'b.connector.yaml': b,
  };
  expectOne(checkIn(files, 'b.connector.yaml'), {
    code: 'internet-scoped-only',
    severity: 'warning',
    range: rangeOf(b, 'routingGroup', 1),
    message: msg.internetScopedOnly(['Paris', 'Seattle']),
  });
  const p = internet('Paris', 'PAR-EX01', 'routingGroup');
  const both = { ...files, 'p.connector.yaml': p };
  expectOne(checkIn(both, 'p.connector.yaml'), {
    code: 'internet-scoped-only',
    range: rangeOf(p, 'routingGroup', 1),
    message: msg.internetScopedOnly(['Seattle']),
  });
  assert.match(msg.internetScopedOnly(['A', 'B', 'C', 'D', 'E']), /'A', 'B', 'C' and 2 more/);
});

test('internet-scoped-only near misses: one organization-wide connector for "*", or every group with its own', () => {
  const b = internet('Boston', 'BOS-EX01', 'routingGroup');
  const files = { 'boston.routinggroup.yaml': boston, 'paris.routinggroup.yaml': paris, 'b.connector.yaml': b };
  expectNone(
    checkIn({ ...files, 'p.connector.yaml': internet('Paris', 'PAR-EX01', 'organization') }, 'b.connector.yaml'),
    'internet-scoped-only',
  );
  expectNone(
    checkIn({ ...files, 'p.connector.yaml': internet('Paris', 'PAR-EX01', 'routingGroup') }, 'b.connector.yaml'),
    'internet-scoped-only',
  );
  expectNone(
    checkIn({ 'boston.routinggroup.yaml': boston, 'b.connector.yaml': internet('Boston', 'BOS-EX01', 'organization') }, 'b.connector.yaml'),
    'internet-scoped-only',
  );
});

test('internet-scoped-only follows edits elsewhere: an organization-wide connector for "*" clears it, removing it brings it back', () => {
  const b = internet('Boston', 'BOS-EX01', 'routingGroup');
  const ws = workspaceOf({ 'boston.routinggroup.yaml': boston, 'paris.routinggroup.yaml': paris, 'b.connector.yaml': b });
  const warns = () =>
    expectOne(ws.findings('b.connector.yaml'), {
      code: 'internet-scoped-only',
      range: rangeOf(b, 'routingGroup', 1),
      message: msg.internetScopedOnly(['Paris']),
    });
  warns();
  ws.setFile('p.connector.yaml', internet('Paris', 'PAR-EX01', 'organization'));
  expectNone(ws.findings('b.connector.yaml'), 'internet-scoped-only');
  ws.removeFile('p.connector.yaml');
  warns();
  // A new routing group without a connector of its own is named too.
  ws.setFile('seattle.routinggroup.yaml', seattle);
  expectOne(ws.findings('b.connector.yaml'), {
    code: 'internet-scoped-only',
    range: rangeOf(b, 'routingGroup', 1),
    message: msg.internetScopedOnly(['Paris', 'Seattle']),
  });
});

test('legacy-bridgehead: a local or remote bridgehead on an Exchange 5.5 server, on the server entry', () => {
  const mixed = routingGroup('Boston', [
    { name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com' },
    { name: 'BOS-55', fqdn: 'bos-55.boston.contoso.com', extra: ['version: "5.5"'] },
  ]);
  const local = connector({
    name: 'Boston to Paris',
    from: 'Boston',
    to: ['Paris'],
    bridgehead: 'BOS-55',
    smartHosts: ['par-ex01.paris.contoso.com'],
  });
  const files = { 'boston.routinggroup.yaml': mixed, 'paris.routinggroup.yaml': paris };
  const found = checkIn({ ...files, 'c.connector.yaml': local }, 'c.connector.yaml');
  expectOne(found, {
    code: 'legacy-bridgehead',
    severity: 'error',
    range: rangeOf(local, 'BOS-55'),
    message: msg.legacyBridgehead('BOS-55'),
  });
  // One fault: the 5.5 server's missing virtual server is not reported as well.
  expectNone(found, 'unknown-bridgehead');
  const rgc = lines(
    'kind: RoutingGroupConnector',
    'name: Paris to Boston',
    'administrativeGroup: First Administrative Group',
    'routingGroup: Paris',
    'general:',
    '  connectedRoutingGroup: { routingGroup: Boston }',
    'remoteBridgeheads:',
    '  - server: BOS-55',
  );
  expectOne(checkIn({ ...files, 'r.connector.yaml': rgc }, 'r.connector.yaml'), {
    code: 'legacy-bridgehead',
    range: rangeOf(rgc, 'BOS-55'),
    message: msg.legacyBridgehead('BOS-55'),
  });
  const modern = rgc.replace('BOS-55', 'BOS-EX01');
  expectNone(checkIn({ ...files, 'r.connector.yaml': modern }, 'r.connector.yaml'), 'legacy-bridgehead');
  expectNone(checkIn({ ...files, 'c.connector.yaml': local.replace('BOS-55', 'BOS-EX01') }, 'c.connector.yaml'), 'legacy-bridgehead');
  // A group with no server of Exchange 2000 or later is routing-group-no-server's: one fault, one diagnostic.
  const only55 = routingGroup('Boston', [{ name: 'BOS-55', fqdn: 'bos-55.boston.contoso.com', extra: ['version: "5.5"'] }]);
  const found55 = checkIn({ ...files, 'boston.routinggroup.yaml': only55, 'c.connector.yaml': local }, 'c.connector.yaml');
  expectNone(found55, 'legacy-bridgehead');
  expectNone(found55, 'unknown-bridgehead');
});

test('routing-loop across a ring: one loop search per connector, each group deciding once for all of them (the same loops as searched alone)', () => {
  const groups = 12;
  const name = (i: number) => `G${(i + groups) % groups}`;
  const files: Record<string, string> = {};
  for (let i = 0; i < groups; i++) {
    files[`g${i}.routinggroup.yaml`] = routingGroup(name(i), [{ name: `${name(i)}-EX01`, fqdn: `g${i}-ex01.contoso.com` }]);
    // Every group hands "*" to the next one, and links back without an address space: mail for "*" goes round.
    files[`g${i}-next.connector.yaml`] = link(name(i), name(i + 1), `${name(i)}-EX01`, '*');
    files[`g${i}-back.connector.yaml`] = link(name(i), name(i - 1), `${name(i)}-EX01`);
  }
  const ws = workspaceOf(files);
  const shared = new LoopFinder(ws.index);
  let alone = 0;
  for (let i = 0; i < groups; i++) {
    const key = groupKey('First Administrative Group', name(i));
    const fresh = new LoopFinder(ws.index);
    const loop = shared.loop(key, 'exconn-probe.invalid');
    assert.ok(loop, `a loop from ${name(i)}`);
    assert.deepEqual(loop, fresh.loop(key, 'exconn-probe.invalid'));
    alone += fresh.memo.decided;
  }
  // Searched alone, each search decides at every group of the ring; shared, each group decides once.
  assert.equal(alone, groups * groups);
  assert.equal(shared.memo.decided, groups);
  // And the rule reports a loop on every connector that hands "*" on.
  for (let i = 0; i < groups; i++)
    assert.equal(ws.findings(`g${i}-next.connector.yaml`).filter((f) => f.code === 'routing-loop').length, 1);
});
