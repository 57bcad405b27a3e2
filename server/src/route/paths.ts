import type { ConnectorEntry } from '../workspace/index';
import { groupLinks, ownGroupKey } from '../workspace/facts';
import type { RouteGraph } from './graph';
import type { Route, RouteHop } from './types';

/** More than this many equal routes are not listed (an organization of equal costs everywhere has exponentially many). */
export const MAX_ROUTES = 50;

/** One link between routing groups: a usable connector's entry for a connected group. */
export interface Edge {
  c: ConnectorEntry;
  from: string;
  to: string;
  cost: number;
}

export interface Paths {
  start: string;
  dist: Map<string, number>;
  /** For each group, the hops that reach it on a cheapest path. */
  preds: Map<string, Edge[]>;
}

/** The links out of every group, over the connectors the message may use. */
export function linksOut(graph: RouteGraph, blocked: ReadonlyMap<ConnectorEntry, unknown>): Map<string, Edge[]> {
  const out = new Map<string, Edge[]>();
  for (const c of graph.connectors) {
    if (blocked.has(c)) continue;
    const own = ownGroupKey(c.model)!;
    for (const { link, key } of groupLinks(c.model)) {
      if (key === own) continue;
      const list = out.get(own) ?? [];
      list.push({ c, from: own, to: key, cost: link.cost });
      out.set(own, list);
    }
  }
  return out;
}

/** The same links pointing the other way: Dijkstra over them gives each group's cost to reach one. */
export function reversed(links: Map<string, Edge[]>): Map<string, Edge[]> {
  const out = new Map<string, Edge[]>();
  for (const list of links.values())
    for (const e of list) {
      const back = out.get(e.to) ?? [];
      back.push({ ...e, from: e.to, to: e.from });
      out.set(e.to, back);
    }
  return out;
}

/** Dijkstra from `start` over the links, keeping every predecessor on an equal-cost path. */
export function shortestPaths(out: Map<string, Edge[]>, start: string): Paths {
  const dist = new Map<string, number>([[start, 0]]);
  const preds = new Map<string, Edge[]>();
  const done = new Set<string>();
  // Costs are small integers: a bucket queue keeps this linear in the links.
  const buckets: string[][] = [[start]];
  for (let d = 0; d < buckets.length; d++) {
    for (const g of buckets[d] ?? []) {
      if (done.has(g) || dist.get(g) !== d) continue;
      done.add(g);
      for (const e of out.get(g) ?? []) {
        const nd = d + e.cost;
        const old = dist.get(e.to);
        if (old === undefined || nd < old) {
          dist.set(e.to, nd);
          preds.set(e.to, [e]);
          (buckets[nd] ??= []).push(e.to);
        } else if (nd === old) preds.get(e.to)!.push(e);
      }
    }
  }
  return { start, dist, preds };
}

export function hopOf(graph: RouteGraph, e: Edge): RouteHop {
  return { connector: e.c.model.name!.value, from: graph.groups.get(e.from)!.name, to: graph.groups.get(e.to)!.name, cost: e.cost };
}

/** Every cheapest path to a group, as routes of hops (at most MAX_ROUTES); `used` collects their connectors. */
export function expand(paths: Paths, graph: RouteGraph, target: string, used: Set<ConnectorEntry>): Route[] {
  const total = paths.dist.get(target);
  if (total === undefined) return [];
  const routes: Route[] = [];
  const walk = (g: string, hops: RouteHop[]) => {
    if (routes.length >= MAX_ROUTES) return;
    const preds = paths.preds.get(g);
    if (!preds) {
      routes.push({ totalCost: total, exit: 'connector', hops });
      return;
    }
    for (const e of preds) {
      used.add(e.c);
      walk(e.from, [hopOf(graph, e), ...hops]);
    }
  };
  walk(target, []);
  return routes;
}

/** The first links of every cheapest path from the start to `target`: the next hops a bridgehead chooses between. */
export function firstEdges(paths: Paths, target: string): Edge[] {
  const found: Edge[] = [];
  const seen = new Set<string>([target]);
  const stack = [target];
  while (stack.length) {
    const g = stack.pop()!;
    for (const e of paths.preds.get(g) ?? []) {
      if (e.from === paths.start) {
        if (!found.includes(e)) found.push(e);
      } else if (!seen.has(e.from)) {
        seen.add(e.from);
        stack.push(e.from);
      }
    }
  }
  // In file order, as the graph lists connectors, so that output is the same on every run.
  return found.sort((a, b) => (a.c.uri < b.c.uri ? -1 : a.c.uri > b.c.uri ? 1 : a.c.index - b.c.index));
}
