import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../server/src/engine/workspace';
import { topology } from '../../server/src/features/topology';
import { diagramOf, renderSvg } from '../../server/src/diagram/index';
import { simulateRoute } from '../../server/src/route/simulate';
import type { RouteQuery, RouteResult } from '../../server/src/route/types';
import { fixture } from '../helpers/paths';
import { connector, routingGroup, workspaceOf } from '../helpers/workspace';

function folder(dir: string): Workspace {
  const ws = new Workspace();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(connector|routinggroup|organization)\.yaml$/.test(name)) ws.setFile(p, readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return ws;
}

const graphFixture = () => folder(fixture('graph'));
const noRules = () => ({});

test('a link without a connector back is one-sided (amber), a complete one is not', () => {
  const ws = workspaceOf({
    'a.routinggroup.yaml': routingGroup('A', [{ name: 'A-EX01', fqdn: 'a-ex01.contoso.com' }]),
    'b.routinggroup.yaml': routingGroup('B', [{ name: 'B-EX01', fqdn: 'b-ex01.contoso.com' }]),
    'ab.connector.yaml': connector({ name: 'A to B', from: 'A', to: ['B'], bridgehead: 'A-EX01', smartHosts: ['b-ex01.contoso.com'] }),
  });
  const { diagram } = diagramOf(topology(ws, noRules));
  assert.deepEqual(
    diagram.edges.map((e) => [e.connector, e.classes]),
    [['A to B', ['link', 'one-sided']]],
  );
  assert.match(renderSvg(diagram), /class="edge link one-sided"[^>]*>.*marker-end="url\(#arrow-one-sided\)"/s);
});

test('an invalid cost is shown as invalid, in the topology and on the arrow, never as the default 1', () => {
  const t = topology(graphFixture(), noRules);
  const seattle = t.administrativeGroups.find((a) => a.name === 'North America')!.routingGroups.find((g) => g.name === 'Seattle')!;
  const tokyo = seattle.connectors.find((c) => c.name.startsWith('R&D'))!;
  assert.deepEqual(tokyo.connected, [{ routingGroup: 'Tokyo', administrativeGroup: 'Asia', cost: 1, invalidCost: '500' }]);
  const { diagram } = diagramOf(t);
  const edge = diagram.edges.find((e) => e.connector === tokyo.name)!;
  assert.match(edge.label, / · cost invalid \(500\)$/);
  assert.ok(edge.classes.includes('invalid-cost'));
});

test("a connector's hover names its restrictions, schedule and first problems with their codes", () => {
  const t = topology(graphFixture(), noRules);
  const all = t.administrativeGroups.flatMap((a) => a.routingGroups.flatMap((g) => g.connectors));
  const parisToBoston = all.find((c) => c.name === 'Paris to Boston')!;
  assert.deepEqual(parisToBoston.restrictions, ['Messages smaller than 20,480 KB']);
  assert.equal(
    parisToBoston.schedule,
    'Runs on a custom schedule (Mon-Fri 06:00-22:00; Sat,Sun 00:00-24:00); messages over 2,048 KB on a custom schedule (Mon-Fri 22:00-06:00)',
  );
  const fabrikam = all.find((c) => c.name === 'Paris to Fabrikam')!;
  assert.deepEqual(fabrikam.restrictions, ['Rejects everyone except CONTOSO\\fabrikam-project']);
  const tokyo = all.find((c) => c.name.startsWith('R&D'))!;
  assert.deepEqual(
    tokyo.firstProblems.map((p) => p.code),
    ['unknown-routing-group', 'cost-range'],
  );
  const { diagram } = diagramOf(t);
  const title = diagram.edges.find((e) => e.connector === tokyo.name)!.title;
  assert.ok(title.includes("unknown-routing-group: No document defines routing group 'Tokyo'."), title.join('\n'));
});

test('tooltips list at most three problems, errors before warnings', () => {
  const ws = workspaceOf({
    'a.routinggroup.yaml': routingGroup('A', [{ name: 'A-EX01', fqdn: 'a-ex01.contoso.com' }]),
    'x.connector.yaml': [
      'kind: SmtpConnector',
      'name: X',
      'routingGroup: A',
      'administrativeGroup: First Administrative Group',
      'bogus1: 1',
      'bogus2: 2',
      'general:',
      '  delivery: smartHost',
      'connectedRoutingGroups:',
      '  - routingGroup: A',
      '    cost: 0',
      '',
    ].join('\n'),
  });
  const t = topology(ws, noRules);
  const x = t.administrativeGroups[0].routingGroups[0].connectors[0];
  assert.ok(x.problems.errors + x.problems.warnings > 3, JSON.stringify(x.problems));
  assert.equal(x.firstProblems.length, 3);
  const severities = x.firstProblems.map((p) => p.severity);
  assert.deepEqual(severities, [...severities].sort());
});

function routeOn(ws: Workspace, query: RouteQuery) {
  return { query, result: simulateRoute(ws.index, query) };
}

test('a traced route: its hops on the route, passed-over connectors greyed with the reason, everything else dimmed', () => {
  const ws = graphFixture();
  const route = routeOn(ws, { from: 'Seattle', to: 'someone@fabrikam.com' });
  const { diagram, panel } = diagramOf(topology(ws, noRules), route);
  const classesOf = (connector: string) => diagram.edges.filter((e) => e.connector === connector).map((e) => e.classes);
  assert.ok(classesOf('Seattle to Boston')[0].includes('on-route'));
  assert.ok(classesOf('Boston Internet')[0].includes('on-route'));
  assert.ok(classesOf('Seattle ISP Backup')[0].includes('passed'));
  assert.ok(classesOf('Boston to Paris')[0].includes('off-route'));
  const backup = diagram.edges.find((e) => e.connector === 'Seattle ISP Backup')!;
  assert.ok(
    backup.title.includes('Passed over: its total cost from Boston is 51, more than 1 through "Boston Internet"'),
    backup.title.join('\n'),
  );
  assert.equal(panel!.routes.length, route.result.routes.length);
  assert.deepEqual(
    panel!.routes[0].hops.map((h) => [h.text, diagram.edges.find((e) => e.id === h.edge)?.connector]),
    route.result.routes[0].hops.map((h) => [`${h.from} → ${h.to} via "${h.connector}" (cost ${h.cost})`, h.connector]),
  );
  const seattle = diagram.nodes.find((n) => n.label === 'Seattle')!;
  assert.ok(seattle.classes.includes('route-start'));
});

test('equal-cost routes are all drawn', () => {
  const ws = workspaceOf({
    'a.routinggroup.yaml': routingGroup('A', [{ name: 'A-EX01', fqdn: 'a-ex01.contoso.com' }]),
    'b.routinggroup.yaml': routingGroup('B', [{ name: 'B-EX01', fqdn: 'b-ex01.contoso.com' }]),
    'c.routinggroup.yaml': routingGroup('C', [{ name: 'C-EX01', fqdn: 'c-ex01.contoso.com' }]),
    'd.routinggroup.yaml': routingGroup('D', [{ name: 'D-EX01', fqdn: 'd-ex01.contoso.com' }]),
    'ab.connector.yaml': connector({ name: 'A to B', from: 'A', to: ['B'], bridgehead: 'A-EX01', smartHosts: ['b-ex01.contoso.com'] }),
    'ac.connector.yaml': connector({ name: 'A to C', from: 'A', to: ['C'], bridgehead: 'A-EX01', smartHosts: ['c-ex01.contoso.com'] }),
    'bd.connector.yaml': connector({ name: 'B to D', from: 'B', to: ['D'], bridgehead: 'B-EX01', smartHosts: ['d-ex01.contoso.com'] }),
    'cd.connector.yaml': connector({ name: 'C to D', from: 'C', to: ['D'], bridgehead: 'C-EX01', smartHosts: ['d-ex01.contoso.com'] }),
  });
  const route = routeOn(ws, { from: 'A', toGroup: 'D' });
  assert.equal(route.result.routes.length, 2);
  const { diagram, panel } = diagramOf(topology(ws, noRules), route);
  for (const name of ['A to B', 'A to C', 'B to D', 'C to D'])
    assert.ok(diagram.edges.find((e) => e.connector === name)!.classes.includes('on-route'), name);
  assert.deepEqual(
    panel!.routes.map((r) => r.title),
    ['Route 1, total cost 2', 'Route 2, total cost 2'],
  );
  assert.ok(diagram.nodes.find((n) => n.label === 'D')!.classes.includes('route-end'));
});

test('a DNS exit is drawn as its own leaf, and a loop as a loop, when the result carries them', () => {
  const ws = graphFixture();
  const query: RouteQuery = { from: 'Seattle', to: 'someone@nowhere.example' };
  const dns = {
    delivered: true,
    routes: [{ totalCost: 1, exit: 'dns', hops: [{ connector: 'Seattle to Boston', from: 'Seattle', to: 'Boston', cost: 1 }] }],
    passedOver: [],
  } satisfies RouteResult;
  const drawn = diagramOf(topology(ws, noRules), { query, result: dns });
  const leaf = drawn.diagram.nodes.find((n) => n.kind === 'dns')!;
  assert.equal(leaf.label, 'DNS');
  const edge = drawn.diagram.edges.find((e) => e.to === leaf.id)!;
  assert.equal(drawn.diagram.nodes.find((n) => n.id === edge.from)!.label, 'Boston');
  assert.ok(edge.classes.includes('on-route'));
  assert.equal(drawn.panel!.routes[0].hops[1].text, 'then by DNS from the SMTP virtual servers of Boston');
  assert.match(renderSvg(drawn.diagram), /data-kind="dns" data-name="DNS"/);

  const loop = { delivered: false, routes: [], passedOver: [], loop: ['Seattle', 'Boston', 'Seattle'] } satisfies RouteResult;
  const looped = diagramOf(topology(ws, noRules), { query, result: loop });
  const loopEdges = looped.diagram.edges.filter((e) => e.classes.includes('loop')).map((e) => e.connector);
  assert.deepEqual(loopEdges.sort(), ['Boston to Seattle', 'Seattle to Boston']);
  assert.deepEqual(looped.panel!.notes, ['Loops: Seattle → Boston → Seattle (NDR 5.4.6)']);
  assert.ok(looped.diagram.nodes.find((n) => n.label === 'Boston')!.classes.includes('loop'));
});

test("the engine's own DNS exit and loop (route-hops fixture) are drawn", () => {
  const ws = folder(fixture('route-hops'));
  const t = topology(ws, noRules);
  const dns = diagramOf(t, routeOn(ws, { from: 'Nairobi', to: 'someone@example.com' }));
  const leaf = dns.diagram.nodes.find((n) => n.kind === 'dns')!;
  const edge = dns.diagram.edges.find((e) => e.to === leaf.id)!;
  assert.equal(dns.diagram.nodes.find((n) => n.id === edge.from)!.label, 'Nairobi');
  assert.deepEqual(
    dns.panel!.routes[0].hops.map((h) => h.text),
    ['then by DNS from the SMTP virtual servers of Nairobi'],
  );

  const route = routeOn(ws, { from: 'Nairobi', to: 'buyer@fabrikam.com' });
  assert.deepEqual(route.result.loop, ['London', 'Paris', 'London']);
  const looped = diagramOf(topology(ws, noRules), route);
  assert.deepEqual(
    looped.diagram.edges
      .filter((e) => e.classes.includes('loop'))
      .map((e) => e.connector)
      .sort(),
    route.result.loopHops!.map((h) => h.connector).sort(),
  );
  assert.deepEqual(looped.panel!.notes, ['Loops: London → Paris → London (NDR 5.4.6)']);
  assert.match(renderSvg(looped.diagram), /class="edge link [^"]*loop[^"]*"[^>]*data-connector="London to Paris"/);
});
