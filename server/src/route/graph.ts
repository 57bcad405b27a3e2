import type { ConnectorModel } from '../model/extract';
import type { ConnectorEntry, WorkspaceIndex } from '../workspace/index';
import { groupKey, nameKey } from '../workspace/names';
import { groupLinks, ownGroupKey } from '../workspace/facts';

/** A routing group the simulation knows: defined, or inferred from the connectors that name it. */
export interface GroupNode {
  key: string;
  name: string;
  adminGroup: string;
  defined: boolean;
}

/** The organization's routing groups and connectors, as the simulation reads them. */
export interface RouteGraph {
  groups: Map<string, GroupNode>;
  connectors: ConnectorEntry[];
}

export function buildGraph(index: WorkspaceIndex): RouteGraph {
  const groups = new Map<string, GroupNode>();
  const note = (adminGroup: string, name: string, defined: boolean) => {
    const key = groupKey(adminGroup, name);
    const old = groups.get(key);
    if (!old || (defined && !old.defined)) groups.set(key, { key, name, adminGroup, defined });
  };
  for (const defs of index.groups.values()) {
    const m = defs[0].model;
    note(m.adminGroup!.value, m.name!.value, true);
  }
  // Connectors in file order, so that output is the same on every run.
  const connectors = [...index.connectors]
    .filter((c) => ownGroupKey(c.model) !== undefined && c.model.name)
    .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.index - b.index));
  for (const c of connectors) {
    note(c.model.adminGroup!.value, c.model.routingGroup!.value, false);
    for (const { link } of groupLinks(c.model)) note(link.adminGroupName!, link.routingGroup!.value, false);
  }
  return { groups, connectors };
}

/**
 * The routing groups a name given on the command line stands for: `NAME`
 * (every administrative group) or `ADMINISTRATIVE GROUP/NAME`.
 */
export function findGroups(graph: RouteGraph, text: string): GroupNode[] {
  const exact = [...graph.groups.values()].filter((g) => nameKey(g.name) === nameKey(text));
  if (exact.length) return exact;
  const slash = text.lastIndexOf('/');
  if (slash === -1) return [];
  const key = groupKey(text.slice(0, slash), text.slice(slash + 1));
  const g = graph.groups.get(key);
  return g ? [g] : [];
}

export function connectorName(c: ConnectorModel): string {
  return c.name?.value ?? '';
}
