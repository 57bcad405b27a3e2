/** The New Connector wizard's choices, without VS Code (unit-tested on their own). */
import type { RoutingGroupNode, Topology } from '../../shared/protocol';

export function allGroups(topology: Topology): RoutingGroupNode[] {
  return topology.administrativeGroups.flatMap((ag) => ag.routingGroups);
}

export const same = (a?: string, b?: string) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

export function findGroup(topology: Topology, name: string, administrativeGroup?: string): RoutingGroupNode | undefined {
  return allGroups(topology).find((g) => same(g.name, name) && (!administrativeGroup || same(g.administrativeGroup, administrativeGroup)));
}

/** The cost of a connector from `from` back to `to`, when there is one. */
export function costBack(from: RoutingGroupNode, to: RoutingGroupNode): number | undefined {
  for (const c of from.connectors)
    for (const l of c.connected) if (same(l.routingGroup, to.name) && same(l.administrativeGroup, to.administrativeGroup)) return l.cost;
  return undefined;
}

/** `Paris to Boston`, else `Paris to Boston 2`…: a name no connector of the workspace has. */
export function freeConnectorName(topology: Topology, base: string): string {
  const taken = new Set(allGroups(topology).flatMap((g) => g.connectors.map((c) => c.name.toLowerCase())));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}

/** A cost as written: a whole number from 1 to 100, else undefined. */
export function parseCost(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n >= 1 && n <= 100 ? n : undefined;
}
