import type { Location } from 'vscode-languageserver-types';
import type { ConnectorNode, RoutingGroupNode, Topology } from '../../../shared/protocol';

/**
 * The topology as a picture's elements: routing groups (and Exchange 5.5
 * sites) as nodes inside their administrative groups, each connector's link
 * as an arrow with its name and cost, each address space as a leaf. Pure and
 * ordered: the same topology always gives the same ids in the same order, so
 * every writer (SVG, DOT, Mermaid) is deterministic.
 */

export type NodeKind = 'group' | 'site' | 'exit' | 'dns';

export interface DiagramNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** A second, smaller line. */
  detail: string;
  /** The administrative group's cluster id, for routing groups. */
  cluster?: string;
  classes: string[];
  /** The hover text, plain lines. */
  title: string[];
  target?: Location;
  /** Routing groups: the key `administrative group/name`, lower case. */
  key?: string;
}

export interface DiagramEdge {
  id: string;
  from: string;
  to: string;
  label: string;
  classes: string[];
  title: string[];
  target?: Location;
  /** The connector drawn, by name (empty for a DNS exit). */
  connector: string;
}

export interface DiagramCluster {
  id: string;
  label: string;
}

export interface Diagram {
  clusters: DiagramCluster[];
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

const lower = (s: string) => s.toLowerCase();
export const groupKeyOf = (admin: string, name: string) => `${lower(admin)}/${lower(name)}`;

function costText(cost: number, invalid: string | undefined): string {
  return invalid !== undefined ? `cost invalid (${invalid})` : `cost ${cost}`;
}

function problemLines(c: { firstProblems?: { code: string; message: string }[] }): string[] {
  return (c.firstProblems ?? []).map((p) => `${p.code}: ${p.message}`);
}

export function buildDiagram(topology: Topology): Diagram {
  const clusters: DiagramCluster[] = [];
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const groups = new Map<string, DiagramNode>();
  const sites = new Map<string, DiagramNode>();

  topology.administrativeGroups.forEach((ag, i) => {
    const cluster = `a${i + 1}`;
    clusters.push({ id: cluster, label: ag.name || '(no administrative group)' });
    for (const g of ag.routingGroups) {
      const node: DiagramNode = {
        id: `g${groups.size + 1}`,
        kind: 'group',
        label: g.name,
        detail: groupDetail(g),
        cluster,
        classes: ['group', ...(g.inferred ? ['inferred'] : []), ...(g.problems.errors ? ['errors'] : [])],
        title: groupTitle(g),
        ...(g.location ? { target: g.location } : {}),
        key: groupKeyOf(g.administrativeGroup, g.name),
      };
      groups.set(node.key!, node);
      nodes.push(node);
    }
  });

  let exits = 0;
  for (const ag of topology.administrativeGroups) {
    for (const g of ag.routingGroups) {
      const from = groups.get(groupKeyOf(g.administrativeGroup, g.name))!;
      for (const c of g.connectors) {
        const status = c.status === 'oneSided' ? 'one-sided' : c.status === 'errors' ? 'errors' : 'complete';
        const base = connectorTitle(c, g);
        for (const link of c.connected) {
          let to: DiagramNode | undefined;
          if (link.routingGroup !== undefined) to = groups.get(groupKeyOf(link.administrativeGroup ?? '', link.routingGroup));
          else if (link.exchange55Site !== undefined) {
            const k = lower(link.exchange55Site);
            to = sites.get(k);
            if (!to) {
              to = {
                id: `s${sites.size + 1}`,
                kind: 'site',
                label: link.exchange55Site,
                detail: 'Exchange 5.5 site',
                classes: ['site'],
                title: [`${link.exchange55Site}: Exchange 5.5 site`],
              };
              sites.set(k, to);
              nodes.push(to);
            }
          }
          if (!to) continue;
          edges.push({
            id: `e${edges.length + 1}`,
            from: from.id,
            to: to.id,
            label: `${c.name} · ${costText(link.cost, link.invalidCost)}`,
            classes: ['link', status, ...(link.invalidCost !== undefined ? ['invalid-cost'] : [])],
            title: [...base, `To ${to.label}, ${costText(link.cost, link.invalidCost)}`],
            target: c.location,
            connector: c.name,
          });
        }
        for (const space of c.addressSpaces) {
          const exit: DiagramNode = {
            id: `x${++exits}`,
            kind: 'exit',
            label: space.type === 'SMTP' ? space.address : `${space.type}: ${space.address}`,
            detail: `${costText(space.cost, space.invalidCost)} · ${c.scope === 'routingGroup' ? 'routing group' : 'organization'}`,
            classes: ['exit', ...(space.invalidCost !== undefined ? ['invalid-cost'] : [])],
            title: [
              `Address space ${space.type}:${space.address} of ${c.name}`,
              `${costText(space.cost, space.invalidCost)}, scope ${c.scope === 'routingGroup' ? 'its routing group only' : 'the organization'}`,
            ],
            target: c.location,
          };
          nodes.push(exit);
          edges.push({
            id: `e${edges.length + 1}`,
            from: from.id,
            to: exit.id,
            label: c.name,
            classes: ['link', 'to-exit', status],
            title: [...base],
            target: c.location,
            connector: c.name,
          });
        }
      }
    }
  }
  return { clusters, nodes, edges };
}

function groupDetail(g: RoutingGroupNode): string {
  if (g.inferred) return 'inferred: no definition';
  const n = g.servers.length;
  return `${n} server${n === 1 ? '' : 's'}`;
}

function groupTitle(g: RoutingGroupNode): string[] {
  const out = [
    g.inferred
      ? `${g.name} (inferred): named by a connector, defined by no document`
      : `${g.name}, routing group of ${g.administrativeGroup || '(no administrative group)'}`,
  ];
  if (g.servers.length)
    out.push(
      `Servers: ${g.servers.map((s) => (s.version && s.version !== '2003' ? `${s.name} (Exchange ${s.version})` : s.name)).join(', ')}`,
    );
  return [...out, ...problemLines(g)];
}

function connectorTitle(c: ConnectorNode, g: RoutingGroupNode): string[] {
  const status =
    c.status === 'oneSided'
      ? 'One-sided: a connected routing group has no connector back'
      : c.status === 'errors'
        ? `Has errors (${c.problems.errors})`
        : '';
  return [
    `${c.name}, connector of ${g.name}`,
    ...(status ? [status] : []),
    ...(c.restrictions ?? []),
    ...(c.schedule ? [c.schedule] : []),
    ...problemLines(c),
  ];
}
