import type { ConnectorModel } from '../model/extract';
import { parseSmtpAddressSpace, normalizeDomain } from '../model/domain';
import { isOpen, parseSchedule } from '../model/schedule';
import type { ConnectorEntry, WorkspaceIndex } from '../workspace/index';
import { groupLinks, ownGroupKey } from '../workspace/facts';
import { buildGraph, findGroups, type GroupNode, type RouteGraph } from './graph';
import type { PassReason, Route, RouteHop, RouteQuery, RouteResult } from './types';

/**
 * The Exchange 2003 route simulation (docs/routing.md explains it):
 * 1. a connector is usable for the message when its content restrictions let
 *    it through and its schedule ever opens;
 * 2. routing groups are linked by the usable connectors' connected groups,
 *    each hop costing that entry's cost; the path to every group is the one
 *    with the lowest sum (Dijkstra), equal sums kept side by side;
 * 3. to an address: among the usable, reachable connectors whose SMTP address
 *    space matches (routing-group scope: only from its own group), the most
 *    specific match wins whatever its cost; among those, the lowest total of
 *    path cost plus address-space cost; equal totals share the load.
 * Pure: the index and the query in, the answer out.
 */

export class RouteQueryError extends Error {}

/** More than this many equal routes are not listed (an organization of equal costs everywhere has exponentially many). */
export const MAX_ROUTES = 50;

export function simulateRoute(index: WorkspaceIndex, query: RouteQuery): RouteResult {
  const graph = buildGraph(index);
  const from = oneGroup(graph, query.from, '--from');
  const msg = { sizeKB: query.sizeKB ?? 1, priority: query.priority ?? 'normal', system: query.system ?? false };
  const blocked = new Map<ConnectorEntry, PassReason>();
  for (const c of graph.connectors) {
    const why = restrictionReason(c.model, msg);
    if (why) blocked.set(c, why);
  }
  const paths = shortestPaths(graph, from.key, blocked);
  const passed = new Map<ConnectorEntry, PassReason>();

  if (query.toGroup !== undefined) {
    const target = oneGroup(graph, query.toGroup, '--to-group');
    const used = new Set<ConnectorEntry>();
    const routes = target.key === from.key ? [{ totalCost: 0, hops: [] }] : expand(paths, graph, target.key, used);
    for (const c of graph.connectors) {
      const links = groupLinks(c.model).filter((l) => l.key !== ownGroupKey(c.model));
      const own = ownGroupKey(c.model)!;
      // Candidates lead somewhere new: not only back to the start, and not out of the target.
      if (links.length === 0 || links.every((l) => l.key === from.key) || own === target.key || used.has(c)) continue;
      passed.set(c, blocked.get(c) ?? (paths.dist.has(own) ? 'cost' : 'unreachable'));
    }
    return result(routes, passed);
  }

  const domain = domainOf(query.to ?? '');
  type Candidate = { c: ConnectorEntry; space: string; specificity: number; total: number };
  const candidates: Candidate[] = [];
  for (const c of graph.connectors) {
    if (!c.model.addressSpaces.length) continue;
    const match = bestMatch(c.model, domain);
    if (!match) {
      passed.set(c, 'address-space');
      continue;
    }
    const own = ownGroupKey(c.model)!;
    if (c.model.scope === 'routingGroup' && own !== from.key) passed.set(c, 'scope');
    else if (blocked.has(c)) passed.set(c, blocked.get(c)!);
    else if (!paths.dist.has(own)) passed.set(c, 'unreachable');
    else candidates.push({ c, space: match.space, specificity: match.specificity, total: paths.dist.get(own)! + match.cost });
  }
  const best = Math.max(-1, ...candidates.map((x) => x.specificity));
  const specific = candidates.filter((x) => x.specificity === best);
  for (const x of candidates) if (x.specificity < best) passed.set(x.c, 'address-space');
  const lowest = Math.min(Infinity, ...specific.map((x) => x.total));
  const routes: Route[] = [];
  for (const x of specific) {
    if (x.total !== lowest) {
      passed.set(x.c, 'cost');
      continue;
    }
    const own = ownGroupKey(x.c.model)!;
    const last: RouteHop = {
      connector: x.c.model.name!.value,
      from: graph.groups.get(own)!.name,
      to: x.space,
      cost: x.total - paths.dist.get(own)!,
    };
    const toGroup = own === from.key ? [{ totalCost: 0, hops: [] }] : expand(paths, graph, own, new Set());
    for (const r of toGroup) routes.push({ totalCost: x.total, hops: [...r.hops, last] });
  }
  // Link connectors that the message cannot use change the paths: say why they were passed over too.
  for (const [c, why] of blocked) {
    const links = groupLinks(c.model).filter((l) => l.key !== ownGroupKey(c.model));
    if (!passed.has(c) && links.some((l) => l.key !== from.key)) passed.set(c, why);
  }
  return result(routes.slice(0, MAX_ROUTES), passed);
}

function result(routes: Route[], passed: Map<ConnectorEntry, PassReason>): RouteResult {
  return {
    delivered: routes.length > 0,
    routes,
    passedOver: [...passed].map(([c, reason]) => ({ connector: c.model.name!.value, reason })),
  };
}

function oneGroup(graph: RouteGraph, text: string, option: string): GroupNode {
  const found = findGroups(graph, text);
  if (found.length === 0) throw new RouteQueryError(`${option}: no routing group named '${text}'`);
  if (found.length > 1)
    throw new RouteQueryError(
      `${option}: '${text}' names routing groups in several administrative groups; write ADMINISTRATIVE GROUP/NAME`,
    );
  return found[0];
}

/** The domain of an address (`user@contoso.com`) or a domain given as is. */
function domainOf(to: string): string {
  const at = to.lastIndexOf('@');
  const d = at === -1 ? to : to.slice(at + 1);
  return normalizeDomain(d) ?? d.toLowerCase();
}

/**
 * How specifically an address space matches a domain: `*` 0; `*.d` the
 * number of labels of d (its domain and subdomains); an exact domain above
 * every wildcard. Undefined when it does not match.
 */
export function specificity(space: string, domain: string): number | undefined {
  const p = parseSmtpAddressSpace(space);
  if (!p) return undefined;
  if (p.domain === '') return 0;
  const labels = p.domain.split('.').length;
  if (domain === p.domain) return p.subdomains ? labels : 1000 + labels;
  if (p.subdomains && domain.endsWith('.' + p.domain)) return labels;
  return undefined;
}

function bestMatch(c: ConnectorModel, domain: string): { space: string; specificity: number; cost: number } | undefined {
  let best: { space: string; specificity: number; cost: number } | undefined;
  for (const as of c.addressSpaces) {
    if (as.type !== 'SMTP') continue;
    const s = specificity(as.address.value, domain);
    if (s === undefined) continue;
    if (!best || s > best.specificity || (s === best.specificity && as.cost < best.cost))
      best = { space: as.address.value, specificity: s, cost: as.cost };
  }
  return best;
}

/** Why the message cannot use a connector at all, whatever its address: content restrictions, then schedule. */
export function restrictionReason(c: ConnectorModel, m: { sizeKB: number; priority: string; system: boolean }): PassReason | undefined {
  if (c.maxMessageSizeKB !== undefined && m.sizeKB >= c.maxMessageSizeKB) return 'size';
  if (!c.allowedPriorities.includes(m.priority)) return 'priority';
  if (!c.allowedTypes.includes(m.system ? 'system' : 'nonSystem')) return 'type';
  const oversize = c.oversize?.thresholdKB !== undefined && m.sizeKB >= c.oversize.thresholdKB ? c.oversize : undefined;
  const time = oversize ?? c;
  if (!everOpens(time.connectionTime, time.schedule)) return 'schedule';
  return undefined;
}

/**
 * The simulation has no clock: a connector that opens at some time of the week
 * carries the message (it waits in the queue until then). Only one that never
 * opens is passed over: `never`, or a custom schedule without a usable window.
 */
function everOpens(connectionTime: string, schedule: string[]): boolean {
  if (connectionTime === 'never') return false;
  if (connectionTime !== 'custom') return true;
  const windows = parseSchedule(schedule);
  for (let day = 0; day < 7; day++) for (let minute = 0; minute < 1440; minute += 15) if (isOpen(windows, day, minute)) return true;
  return false;
}

interface Edge {
  c: ConnectorEntry;
  from: string;
  to: string;
  cost: number;
}

interface Paths {
  dist: Map<string, number>;
  /** For each group, the hops that reach it on a cheapest path. */
  preds: Map<string, Edge[]>;
}

/** Dijkstra over the usable connectors' links, keeping every predecessor on an equal-cost path. */
function shortestPaths(graph: RouteGraph, start: string, blocked: Map<ConnectorEntry, PassReason>): Paths {
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
  return { dist, preds };
}

/** Every cheapest path to a group, as routes of hops (at most MAX_ROUTES). */
function expand(paths: Paths, graph: RouteGraph, target: string, used: Set<ConnectorEntry>): Route[] {
  const total = paths.dist.get(target);
  if (total === undefined) return [];
  const routes: Route[] = [];
  const walk = (g: string, hops: RouteHop[]) => {
    if (routes.length >= MAX_ROUTES) return;
    const preds = paths.preds.get(g);
    if (!preds) {
      routes.push({ totalCost: total, hops });
      return;
    }
    for (const e of preds) {
      used.add(e.c);
      walk(e.from, [
        { connector: e.c.model.name!.value, from: graph.groups.get(e.from)!.name, to: graph.groups.get(e.to)!.name, cost: e.cost },
        ...hops,
      ]);
    }
  };
  walk(target, []);
  return routes;
}
