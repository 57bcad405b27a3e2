import type { ConnectorEntry, WorkspaceIndex } from '../workspace/index';
import { groupLinks, ownGroupKey } from '../workspace/facts';
import { buildGraph, findGroups, type GroupNode, type RouteGraph } from './graph';
import { blockedConnectors, DEFAULT_MESSAGE, domainOf } from './match';
import { routeToAddress } from './hops';
import { expand, linksOut, reversed, shortestPaths } from './paths';
import type { Pass, RouteQuery, RouteResult } from './types';
import { toIsAGroupMessage, unknownGroupMessage } from './suggest';

/**
 * The Exchange 2003 route simulation (docs/routing.md explains it):
 * 1. a connector is usable for the message when its content restrictions let
 *    it through and its schedule ever opens;
 * 2. routing groups are linked by the usable connectors' connected groups,
 *    each hop costing that entry's cost; the path to every group is the one
 *    with the lowest sum (Dijkstra), equal sums kept side by side;
 * 3. to an address: hop by hop (route/hops.ts), each routing group the
 *    message reaches choosing again among the connectors in scope there.
 * Pure: the index and the query in, the answer out.
 */

export class RouteQueryError extends Error {}

export function simulateRoute(index: WorkspaceIndex, query: RouteQuery): RouteResult {
  const graph = buildGraph(index);
  const from = oneGroup(graph, query.from, '--from');
  const toGroupInstead = toIsAGroupMessage(graph, query);
  if (toGroupInstead) throw new RouteQueryError(toGroupInstead);
  const blocked = blockedConnectors(graph, {
    sizeKB: query.sizeKB ?? DEFAULT_MESSAGE.sizeKB,
    priority: query.priority ?? DEFAULT_MESSAGE.priority,
    system: query.system ?? DEFAULT_MESSAGE.system,
  });
  const links = linksOut(graph, blocked);

  if (query.toGroup !== undefined) {
    const paths = shortestPaths(links, from.key);
    const target = oneGroup(graph, query.toGroup, '--to-group');
    const used = new Set<ConnectorEntry>();
    const routes =
      target.key === from.key ? [{ totalCost: 0, exit: 'connector' as const, hops: [] }] : expand(paths, graph, target.key, used);
    // What reaching the target costs from each group, to say what a route through a connector would cost.
    const toTarget = shortestPaths(reversed(links), target.key).dist;
    const lowest = routes[0]?.totalCost;
    const passed = new Map<ConnectorEntry, Pass>();
    for (const c of graph.connectors) {
      const own = ownGroupKey(c.model)!;
      const out = groupLinks(c.model).filter((l) => l.key !== own);
      // Candidates lead somewhere new: not only back to the start, and not out of the target.
      if (out.length === 0 || out.every((l) => l.key === from.key) || own === target.key || used.has(c)) continue;
      const blockedWhy = blocked.get(c);
      const toOwn = paths.dist.get(own);
      if (blockedWhy) passed.set(c, blockedWhy);
      else if (toOwn === undefined) passed.set(c, { reason: 'unreachable', detail: { group: graph.groups.get(own)!.name, at: from.name } });
      else {
        const onward = Math.min(...out.map((l) => l.link.cost + (toTarget.get(l.key) ?? Infinity)));
        const detail =
          onward === Infinity || lowest === undefined ? { target: target.name } : { total: toOwn + onward, lowest, at: from.name };
        passed.set(c, { reason: 'cost', detail });
      }
    }
    return { delivered: routes.length > 0, routes, passedOver: passedList(passed) };
  }

  const r = routeToAddress(graph, from.key, domainOf(query.to ?? ''), blocked, links);
  // Links that the message cannot use change the paths: say why they were passed over too.
  for (const [c, why] of blocked) {
    const out = groupLinks(c.model).filter((l) => l.key !== ownGroupKey(c.model));
    if (!r.passed.has(c) && out.some((l) => l.key !== from.key)) r.passed.set(c, why);
  }
  for (const c of [...r.used, ...(r.loop?.connectors ?? [])]) r.passed.delete(c);
  const passedOver = passedList(r.passed);
  if (r.loop) return { delivered: false, routes: [], loop: r.loop.groups, loopHops: r.loop.hops, passedOver };
  if (r.refused) return { delivered: false, routes: [], passedOver };
  return { delivered: r.routes.length > 0, routes: r.routes, passedOver };
}

function passedList(passed: Map<ConnectorEntry, Pass>): RouteResult['passedOver'] {
  return [...passed].map(([c, p]) => ({ connector: c.model.name!.value, reason: p.reason, ...(p.detail ? { detail: p.detail } : {}) }));
}

function oneGroup(graph: RouteGraph, text: string, option: string): GroupNode {
  const found = findGroups(graph, text);
  if (found.length === 0) throw new RouteQueryError(unknownGroupMessage(graph, text, option));
  if (found.length > 1)
    throw new RouteQueryError(
      `${option}: '${text}' names routing groups in several administrative groups; write ADMINISTRATIVE GROUP/NAME`,
    );
  return found[0];
}
