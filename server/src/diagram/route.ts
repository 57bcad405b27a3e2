import type { RouteQuery, RouteResult } from '../route/types';
import { describePass } from '../../../shared/route';
import type { RoutePanel, RoutePanelHop } from '../../../shared/protocol';
import type { Diagram, DiagramEdge, DiagramNode } from './model';

/**
 * A traced route drawn on the diagram: its hops highlighted (every route of
 * equal cost), the connectors passed over greyed with the reason in their
 * hover, a DNS exit (a route's `exit: dns`) as a leaf of its own, a loop
 * (`loop`, `loopHops`) in red.
 */

export type { RoutePanel, RoutePanelHop };

const lower = (s: string) => s.toLowerCase();

export function drawRoute(diagram: Diagram, query: RouteQuery, result: RouteResult): RoutePanel {
  const r = result;
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const groupsNamed = (name: string) =>
    diagram.nodes.filter((n) => (n.kind === 'group' || n.kind === 'site') && lower(n.label) === lower(name));
  const mark = (el: { classes: string[] }, cls: string) => {
    if (!el.classes.includes(cls)) el.classes.push(cls);
  };
  const onRoute = new Set<DiagramEdge>();
  const start = groupsNamed(query.from.slice(query.from.lastIndexOf('/') + 1));
  for (const n of start) mark(n, 'route-start');
  if (query.toGroup !== undefined)
    for (const n of groupsNamed(query.toGroup.slice(query.toGroup.lastIndexOf('/') + 1))) mark(n, 'route-end');

  const findHopEdge = (connector: string, from: string, to: string): DiagramEdge | undefined => {
    const candidates = diagram.edges.filter(
      (e) => lower(e.connector) === lower(connector) && lower(byId.get(e.from)!.label) === lower(from),
    );
    return candidates.find((e) => lower(byId.get(e.to)!.label) === lower(to)) ?? candidates[0];
  };

  const panel: RoutePanel = {
    heading: heading(query, result),
    routes: [],
    passedOver: [],
    notes: [],
  };
  result.routes.forEach((route, i) => {
    const hops: RoutePanelHop[] = [];
    for (const hop of route.hops) {
      const edge = findHopEdge(hop.connector, hop.from, hop.to);
      if (edge) {
        onRoute.add(edge);
        mark(edge, 'on-route');
        edge.title.push(`Route ${i + 1}: hop ${hops.length + 1}, cost ${hop.cost}`);
        for (const id of [edge.from, edge.to]) mark(byId.get(id)!, 'on-route');
      }
      hops.push({ text: `${hop.from} → ${hop.to} via "${hop.connector}" (cost ${hop.cost})`, ...(edge ? { edge: edge.id } : {}) });
    }
    if (route.exit === 'dns') {
      const last = route.hops.length ? route.hops[route.hops.length - 1].to : query.from.slice(query.from.lastIndexOf('/') + 1);
      const from = groupsNamed(last)[0];
      if (from) {
        const dns = dnsExit(diagram, from);
        onRoute.add(dns);
        hops.push({ text: `then by DNS from the SMTP virtual servers of ${from.label}`, edge: dns.id });
      } else hops.push({ text: `then by DNS from the SMTP virtual servers of ${last}` });
    }
    panel.routes.push({ title: `Route ${i + 1}, total cost ${route.totalCost}`, hops });
  });

  if (r.loop && r.loop.length > 1) {
    panel.notes.push(`Loops: ${r.loop.join(' → ')} (NDR 5.4.6)`);
    for (const name of r.loop) for (const n of groupsNamed(name)) mark(n, 'loop');
    const loopEdges: DiagramEdge[] = [];
    if (r.loopHops?.length) {
      // The hops name the connectors of the loop: exactly their arrows.
      for (const hop of r.loopHops) {
        const e = findHopEdge(hop.connector, hop.from, hop.to);
        if (e) loopEdges.push(e);
      }
    } else {
      for (let i = 0; i + 1 < r.loop.length; i++)
        for (const e of diagram.edges)
          if (lower(byId.get(e.from)!.label) === lower(r.loop[i]) && lower(byId.get(e.to)!.label) === lower(r.loop[i + 1]))
            loopEdges.push(e);
    }
    for (const e of loopEdges) {
      mark(e, 'loop');
      e.title.push(`Part of the loop ${r.loop.join(' → ')} (NDR 5.4.6)`);
    }
  }
  if (!result.delivered && !r.loop) panel.notes.push('Not delivered: no connector can carry this message.');

  const seen = new Set<string>();
  for (const p of result.passedOver) {
    // Hop-by-hop routing may pass a connector over at several groups for the same reason: say it once.
    const why = describePass(p);
    const key = `${lower(p.connector)}\n${why}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edges = diagram.edges.filter((e) => lower(e.connector) === lower(p.connector) && !onRoute.has(e));
    for (const e of edges) {
      mark(e, 'passed');
      e.title.push(`Passed over: ${why}`);
    }
    panel.passedOver.push({ text: `"${p.connector}": ${why}`, ...(edges[0] ? { edge: edges[0].id } : {}) });
  }
  for (const e of diagram.edges)
    if (!e.classes.includes('on-route') && !e.classes.includes('passed') && !e.classes.includes('loop')) mark(e, 'off-route');
  for (const n of diagram.nodes)
    if (!['on-route', 'loop', 'route-start', 'route-end'].some((c) => n.classes.includes(c))) mark(n, 'off-route');
  return panel;
}

function heading(q: RouteQuery, r: RouteResult): string {
  const target = q.toGroup !== undefined ? `routing group ${q.toGroup}` : q.to;
  const kind = `${q.sizeKB ?? 1} KB, ${q.priority ?? 'normal'} priority, ${q.system ? 'system' : 'non-system'}`;
  const outcome = r.delivered
    ? r.routes.length > 1
      ? `${r.routes.length} routes of equal cost share the load`
      : 'delivered'
    : 'not delivered';
  return `From ${q.from} to ${target} (${kind}): ${outcome}`;
}

/** The DNS leaf of a routing group (one per group, however many routes use it). */
function dnsExit(diagram: Diagram, from: DiagramNode): DiagramEdge {
  const id = `d-${from.id}`;
  let node = diagram.nodes.find((n) => n.id === id);
  if (!node) {
    node = {
      id,
      kind: 'dns',
      label: 'DNS',
      detail: `from ${from.label}'s virtual servers`,
      classes: ['exit', 'dns', 'on-route'],
      title: [`No connector in scope matches: ${from.label}'s SMTP virtual servers send by DNS (MX records)`],
    };
    diagram.nodes.push(node);
  }
  let edge = diagram.edges.find((e) => e.id === `e-${id}`);
  if (!edge) {
    edge = {
      id: `e-${id}`,
      from: from.id,
      to: id,
      label: 'by DNS',
      classes: ['link', 'to-exit', 'dns', 'on-route'],
      title: ['Leaves by DNS'],
      connector: '',
    };
    diagram.edges.push(edge);
  }
  if (!from.classes.includes('on-route')) from.classes.push('on-route');
  return edge;
}
