import type { SmtpAddressSpace } from '../model/domain';
import type { WorkspaceIndex } from '../workspace/index';
import { buildGraph, type RouteGraph } from './graph';
import { RouteMemo, routeToAddress, type Loop } from './hops';
import { blockedConnectors, DEFAULT_MESSAGE } from './match';
import { linksOut, type Edge } from './paths';

/**
 * Loops for the workspace rules (routing-loop): the organization routed once
 * as `exconn route` does for its default message (1 KB, normal priority,
 * non-system), then asked, for a domain and a starting group, whether the
 * message comes back to a group it has left.
 */
export class LoopFinder {
  private readonly graph: RouteGraph;
  private readonly blocked;
  private readonly links: Map<string, Edge[]>;
  /** Each group's paths and decisions, shared by every loop looked for (one per connector that hands mail over). */
  readonly memo = new RouteMemo();

  constructor(index: WorkspaceIndex) {
    this.graph = buildGraph(index);
    this.blocked = blockedConnectors(this.graph, DEFAULT_MESSAGE);
    this.links = linksOut(this.graph, this.blocked);
  }

  loop(from: string, domain: string): Loop | undefined {
    if (!this.graph.groups.has(from)) return undefined;
    return routeToAddress(this.graph, from, domain, this.blocked, this.links, this.memo).loop;
  }
}

/**
 * A domain that an address space matches and nothing more specific is likely
 * to: the domain itself for `contoso.com`, a subdomain for `*.contoso.com`,
 * and for `*` a domain under `.invalid`, which no real address space names (RFC 2606).
 */
export function probeDomain(space: SmtpAddressSpace): string {
  if (space.domain === '') return 'exconn-probe.invalid';
  return space.subdomains ? `exconn-probe.${space.domain}` : space.domain;
}
