import type { ConnectorEntry } from '../workspace/index';
import { groupLinks, ownGroupKey } from '../workspace/facts';
import type { RouteGraph } from './graph';
import { bestMatch, smtpSpaces, type Match } from './match';
import { firstEdges, MAX_ROUTES, shortestPaths, type Edge, type Paths } from './paths';
import type { Pass, Route, RouteHop } from './types';

/**
 * Hop-by-hop routing to an address, as Exchange 2003 does it: every
 * bridgehead a message reaches chooses the next hop again, from its own
 * routing group, among the connectors in scope there (its own group's
 * routing-group-scoped ones included). KB 811706.
 *
 * At a group G:
 * - no connector in scope for G matches the address: the message leaves by
 *   DNS from G's SMTP virtual servers (a connector is preferable, not required);
 * - connectors match but none can carry the message (restrictions, schedule,
 *   no path): non-delivery;
 * - otherwise the most specific match wins, then the lowest total of path
 *   cost and address-space cost (equal totals share the load). A winner in G
 *   takes the message out, or, when it has connected routing groups, hands it
 *   to them, where routing goes on; a winner elsewhere draws the message one
 *   link along a cheapest path towards it, and the next group decides again.
 * A message that comes back to a group it has already left loops (NDR 5.4.6).
 */

type Step = { hop: RouteHop; entry: ConnectorEntry; next?: string };
type Decision = { kind: 'dns' } | { kind: 'refused' } | { kind: 'steps'; steps: Step[] };

export interface Loop {
  groups: string[];
  hops: RouteHop[];
  connectors: ConnectorEntry[];
}

export interface AddressRouting {
  routes: Route[];
  loop?: Loop;
  /** Some group the message reaches has matching connectors that all refuse it. */
  refused: boolean;
  /** Why each connector was not taken, at the last group that considered it. */
  passed: Map<ConnectorEntry, Pass>;
  used: Set<ConnectorEntry>;
}

/**
 * What routing works out per group, for one state of the organization (the
 * same graph, blocked connectors and links): the cheapest paths from each
 * group, and each group's decision per domain with why it passed over the
 * other connectors. The workspace's loop search (loops.ts) routes from many
 * groups to the same domain; sharing this, each group decides once, not once
 * per connector whose loop is looked for.
 */
export class RouteMemo {
  private readonly paths = new Map<string, Paths>();
  private readonly decisions = new Map<string, Map<string, { decision: Decision; reasons: Map<ConnectorEntry, Pass> }>>();
  /** How many decisions were worked out (the tests count them). */
  decided = 0;

  decision(
    graph: RouteGraph,
    g: string,
    domain: string,
    blocked: Map<ConnectorEntry, Pass>,
    links: Map<string, Edge[]>,
  ): { decision: Decision; reasons: Map<ConnectorEntry, Pass> } {
    let byGroup = this.decisions.get(domain);
    if (!byGroup) this.decisions.set(domain, (byGroup = new Map()));
    let known = byGroup.get(g);
    if (!known) {
      let paths = this.paths.get(g);
      if (!paths) this.paths.set(g, (paths = shortestPaths(links, g)));
      const reasons = new Map<ConnectorEntry, Pass>();
      known = { decision: decide(graph, g, domain, blocked, paths, reasons), reasons };
      this.decided++;
      byGroup.set(g, known);
    }
    return known;
  }
}

export function routeToAddress(
  graph: RouteGraph,
  from: string,
  domain: string,
  blocked: Map<ConnectorEntry, Pass>,
  links: Map<string, Edge[]>,
  memo = new RouteMemo(),
): AddressRouting {
  const out: AddressRouting = { routes: [], refused: false, passed: new Map(), used: new Set() };
  const decisions = new Map<string, Decision>();
  const name = (key: string) => graph.groups.get(key)!.name;

  const decisionAt = (g: string): Decision => {
    let d = decisions.get(g);
    if (!d) {
      const known = memo.decision(graph, g, domain, blocked, links);
      for (const [c, why] of known.reasons) out.passed.set(c, why);
      d = known.decision;
      decisions.set(g, d);
    }
    return d;
  };

  const walk = (g: string, visited: string[], hops: RouteHop[], entries: ConnectorEntry[], cost: number) => {
    if (out.routes.length >= MAX_ROUTES || out.loop) return;
    const d = decisionAt(g);
    if (d.kind === 'dns') {
      for (const e of entries) out.used.add(e);
      out.routes.push({ totalCost: cost, exit: 'dns', hops });
      return;
    }
    if (d.kind === 'refused') {
      out.refused = true;
      return;
    }
    for (const s of d.steps) {
      if (out.loop) return;
      const nextHops = [...hops, s.hop];
      const nextEntries = [...entries, s.entry];
      if (s.next === undefined) {
        for (const e of nextEntries) out.used.add(e);
        out.routes.push({ totalCost: cost + s.hop.cost, exit: 'connector', hops: nextHops });
        continue;
      }
      const back = visited.indexOf(s.next);
      if (back !== -1) {
        out.loop = {
          groups: [...visited.slice(back), s.next].map(name),
          hops: nextHops.slice(back),
          connectors: nextEntries.slice(back),
        };
        return;
      }
      walk(s.next, [...visited, s.next], nextHops, nextEntries, cost + s.hop.cost);
    }
  };
  walk(from, [from], [], [], 0);
  return out;
}

/** The choice a bridgehead of group `g` makes; `reasons` receives why every other connector was not chosen there. */
function decide(
  graph: RouteGraph,
  g: string,
  domain: string,
  blocked: Map<ConnectorEntry, Pass>,
  paths: Paths,
  reasons: Map<ConnectorEntry, Pass>,
): Decision {
  type Candidate = { c: ConnectorEntry; own: string; match: Match; total: number };
  const candidates: Candidate[] = [];
  const at = graph.groups.get(g)!.name;
  let inScope = 0;
  for (const c of graph.connectors) {
    if (!c.model.addressSpaces.length) continue;
    const match = bestMatch(c.model, domain);
    if (!match) {
      reasons.set(c, { reason: 'address-space', detail: { domain, spaces: smtpSpaces(c.model) } });
      continue;
    }
    const own = ownGroupKey(c.model)!;
    const group = graph.groups.get(own)!.name;
    if (c.model.scope === 'routingGroup' && own !== g) {
      reasons.set(c, { reason: 'scope', detail: { group, at } });
      continue;
    }
    inScope++;
    if (blocked.has(c)) reasons.set(c, blocked.get(c)!);
    else if (!paths.dist.has(own)) reasons.set(c, { reason: 'unreachable', detail: { group, at } });
    else candidates.push({ c, own, match, total: paths.dist.get(own)! + match.cost });
  }
  if (inScope === 0) return { kind: 'dns' };
  const best = Math.max(-1, ...candidates.map((x) => x.match.specificity));
  const specific = candidates.filter((x) => x.match.specificity === best);
  const nameOf = (x: Candidate) => x.c.model.name!.value;
  for (const x of candidates)
    if (x.match.specificity < best)
      reasons.set(x.c, {
        reason: 'address-space',
        detail: { domain, space: x.match.space, winner: nameOf(specific[0]), winnerSpace: specific[0].match.space },
      });
  const lowest = Math.min(Infinity, ...specific.map((x) => x.total));
  const cheapest = specific.find((x) => x.total === lowest);
  const steps: Step[] = [];
  const taken = new Set<Edge>();
  for (const x of specific) {
    if (x.total !== lowest) {
      reasons.set(x.c, { reason: 'cost', detail: { total: x.total, lowest, at, ...(cheapest ? { winner: nameOf(cheapest) } : {}) } });
      continue;
    }
    const from = graph.groups.get(g)!.name;
    const connector = x.c.model.name!.value;
    if (x.own !== g) {
      for (const e of firstEdges(paths, x.own)) {
        if (taken.has(e)) continue;
        taken.add(e);
        steps.push({
          hop: { connector: e.c.model.name!.value, from, to: graph.groups.get(e.to)!.name, cost: e.cost },
          entry: e.c,
          next: e.to,
        });
      }
      continue;
    }
    // A connector with connected routing groups hands the message over to them; routing goes on there.
    const handover = groupLinks(x.c.model).filter((l) => l.key !== g);
    if (handover.length === 0) steps.push({ hop: { connector, from, to: x.match.space, cost: x.match.cost }, entry: x.c });
    for (const l of handover)
      steps.push({ hop: { connector, from, to: graph.groups.get(l.key)!.name, cost: x.match.cost }, entry: x.c, next: l.key });
  }
  return steps.length ? { kind: 'steps', steps } : { kind: 'refused' };
}
