import type { Range } from 'vscode-languageserver-types';
import type { AddressSpaceModel, ConnectorModel } from '../../model/extract';
import { parseSmtpAddressSpace } from '../../model/domain';
import { mapOf, nodeRange, pairOf } from '../../model/access';
import type { ConnectorEntry, WorkspaceIndex } from '../../workspace/index';
import { groupLinks, ownGroupKey } from '../../workspace/facts';
import { nameKey } from '../../workspace/names';
import { keys } from '../../workspace/keys';
import { buildGraph } from '../../route/graph';
import { bestMatch } from '../../route/match';
import { LoopFinder, probeDomain } from '../../route/loops';
import { msg } from '../messages';
import type { WorkspaceRule, WsRelated } from './context';

/**
 * routing-loop and internet-scoped-only: what the organization's routing as a
 * whole does with a connector's address space (docs/routing.md). Both read
 * every connector and routing group (keys.routing), so only the connectors
 * they can fire on declare the read.
 */

/**
 * What both rules work out for the whole organization, once per state of the
 * index and shared by every connector they check: without it, an organization
 * whose routing groups each have a scoped Internet connector did the same
 * whole-organization scan once per connector (seconds per edit at 500 groups).
 */
interface Shared {
  generation: number;
  finder?: LoopFinder;
  /** The routing groups with no connector for `*` of their own; none when one connector for `*` serves the organization. */
  withoutInternet?: string[];
}
const shared = new WeakMap<WorkspaceIndex, Shared>();

function sharedFor(index: WorkspaceIndex): Shared {
  let s = shared.get(index);
  if (!s || s.generation !== index.generation) shared.set(index, (s = { generation: index.generation }));
  return s;
}

/** A connector with connected routing groups and an SMTP address space: it hands matching mail over to those groups. */
function handsOver(c: ConnectorModel): boolean {
  const own = ownGroupKey(c);
  return (
    c.kind === 'SmtpConnector' &&
    own !== undefined &&
    c.addressSpaces.some((a) => a.type === 'SMTP') &&
    groupLinks(c).some((l) => l.key !== own)
  );
}

/** The connector's entry that a domain matches best, as routing picks it. */
function entryFor(c: ConnectorModel, domain: string): AddressSpaceModel | undefined {
  const m = bestMatch(c, domain);
  return m && c.addressSpaces.find((a) => a.type === 'SMTP' && a.address.value === m.space && a.cost === m.cost);
}

export const routingLoopRule: WorkspaceRule<ConnectorModel> = {
  kind: 'SmtpConnector',
  reads: (c) => (handsOver(c) ? [keys.routing] : []),
  check(ctx) {
    const c = ctx.model;
    if (!handsOver(c)) return;
    const own = ownGroupKey(c)!;
    const me = ctx.entry as ConnectorEntry;
    const s = sharedFor(ctx.index);
    const reported = new Set<AddressSpaceModel>();
    for (const as of c.addressSpaces) {
      const parsed = as.type === 'SMTP' ? parseSmtpAddressSpace(as.address.value) : undefined;
      if (!parsed) continue;
      const domain = probeDomain(parsed);
      const entry = entryFor(c, domain);
      if (!entry || reported.has(entry)) continue;
      const loop = (s.finder ??= new LoopFinder(ctx.index)).loop(own, domain);
      if (!loop?.connectors.includes(me)) continue;
      reported.add(entry);
      const related: WsRelated[] = [];
      loop.connectors.forEach((other, i) => {
        if (other === me || loop.connectors.indexOf(other) !== i) return;
        const hop = loop.hops[i];
        related.push({ entry: other, range: hopRange(other.model, domain, hop.to), message: msg.routingLoopOther(hop.from, hop.to) });
      });
      ctx.report('routing-loop', entry.address.range, msg.routingLoop(entry.address.value, loop.groups), { related });
    }
  },
};

/** Where another connector of the loop takes the message on: its matching address-space entry, else its entry for the next group. */
function hopRange(c: ConnectorModel, domain: string, to: string): Range {
  const entry = entryFor(c, domain);
  if (entry) return entry.address.range;
  const link = c.connected.find((l) => l.routingGroup && nameKey(l.routingGroup.value) === nameKey(to));
  return (link?.routingGroup ?? c.name)?.range ?? c.kindRange;
}

/** An SMTP connector for `*` scoped to its own routing group. */
function scopedInternet(c: ConnectorModel): boolean {
  return c.kind === 'SmtpConnector' && c.scope === 'routingGroup' && isInternet(c);
}

function isInternet(c: ConnectorModel): boolean {
  return c.addressSpaces.some((a) => a.type === 'SMTP' && a.address.value === '*');
}

function groupsWithoutInternet(index: WorkspaceIndex): string[] {
  const served = new Set<string>();
  for (const x of index.connectors) {
    if (x.model.kind !== 'SmtpConnector' || !isInternet(x.model)) continue;
    if (x.model.scope === 'organization') return []; // one connector for '*' serves every group
    const k = ownGroupKey(x.model);
    if (k) served.add(k);
  }
  return [...buildGraph(index).groups.values()].filter((g) => !served.has(g.key)).map((g) => g.name);
}

export const internetScopedOnlyRule: WorkspaceRule<ConnectorModel> = {
  kind: 'SmtpConnector',
  reads: (c) => (scopedInternet(c) ? [keys.routing] : []),
  check(ctx) {
    if (!scopedInternet(ctx.model)) return;
    const s = sharedFor(ctx.index);
    const left = (s.withoutInternet ??= groupsWithoutInternet(ctx.index));
    if (left.length === 0) return;
    const scope = pairOf(mapOf(ctx.doc, ctx.model.nodes.root, 'addressSpace'), 'scope');
    if (!scope?.value) return;
    ctx.report('internet-scoped-only', nodeRange(ctx.doc, scope.value), msg.internetScopedOnly(left));
  },
};
