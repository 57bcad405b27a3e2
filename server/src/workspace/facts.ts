import type { ConnectedGroupModel, ConnectorModel, RoutingGroupModel } from '../model/extract';
import type { ConnectorEntry, GroupEntry, WorkspaceIndex } from './index';
import { groupKey, hostKey, nameKey } from './names';

/** Questions the workspace rules, the fixes and the route simulation ask of the index. */

export type GroupLookup =
  | { state: 'defined'; entry: GroupEntry }
  /** The name is defined, but only in other administrative groups. */
  | { state: 'mismatch'; defs: GroupEntry[] }
  /** No definition: a group the workspace only knows from connectors. */
  | { state: 'inferred' };

export function lookupGroup(index: WorkspaceIndex, adminGroup: string, name: string): GroupLookup {
  const entry = index.group(adminGroup, name);
  if (entry) return { state: 'defined', entry };
  const defs = index.groupsByName.get(nameKey(name));
  return defs?.length ? { state: 'mismatch', defs } : { state: 'inferred' };
}

/** The routing group a connector lives in, as a key, when it names one. */
export function ownGroupKey(c: ConnectorModel): string | undefined {
  return c.adminGroup && c.routingGroup ? groupKey(c.adminGroup.value, c.routingGroup.value) : undefined;
}

export function connectedKey(g: ConnectedGroupModel): string | undefined {
  return g.routingGroup && g.adminGroupName && g.exchange55Site === undefined
    ? groupKey(g.adminGroupName, g.routingGroup.value)
    : undefined;
}

type GroupLink = { link: ConnectedGroupModel; key: string };
const hostSets = new WeakMap<RoutingGroupModel, Set<string>>();
// Models are cached per document text and never change, so their links can be remembered:
// the workspace rules ask for them once per connector of a group, for every connector.
const linkCache = new WeakMap<ConnectorModel, GroupLink[]>();

/** Routing-group entries of a connector (Exchange 5.5 sites and incomplete entries left out). */
export function groupLinks(c: ConnectorModel): GroupLink[] {
  const cached = linkCache.get(c);
  if (cached) return cached;
  const out: GroupLink[] = [];
  for (const link of c.connected) {
    const key = connectedKey(link);
    if (key) out.push({ link, key });
  }
  linkCache.set(c, out);
  return out;
}

/** Connectors living in group `remoteKey` that are connected to group `originKey`. */
export function connectorsBack(index: WorkspaceIndex, remoteKey: string, originKey: string): ConnectorEntry[] {
  return (index.connectorsIn.get(remoteKey) ?? []).filter((e) => groupLinks(e.model).some((l) => l.key === originKey));
}

/** Does any connector of group `remoteKey` connect to group `originKey`? */
export function hasConnectorBack(index: WorkspaceIndex, remoteKey: string, originKey: string): boolean {
  return (index.connectorsIn.get(remoteKey) ?? []).some((e) => groupLinks(e.model).some((l) => l.key === originKey));
}

/** Servers that count as running Exchange 2000 or later. */
export function modernServers(g: RoutingGroupModel) {
  return g.servers.filter((s) => s.version !== '5.5');
}

/**
 * The bridgehead FQDNs of a connected group, as seen from the origin group:
 * the FQDNs of the servers that the connectors in the connected group which
 * connect back name as their local bridgeheads (those servers are the ones
 * that receive the mail in Exchange's own setup); when no connector connects
 * back, every Exchange 2000+ server of the group's definition. Unknown
 * (empty) for an inferred group.
 */
export function bridgeheadFqdns(index: WorkspaceIndex, remoteKey: string, originKey: string): string[] {
  const def = index.groups.get(remoteKey)?.[0];
  if (!def) return [];
  const byName = new Map(def.model.servers.filter((s) => s.name && s.fqdn).map((s) => [nameKey(s.name!.value), s.fqdn!.value]));
  const out: string[] = [];
  const push = (fqdn: string | undefined) => {
    if (fqdn && !out.some((x) => hostKey(x) === hostKey(fqdn))) out.push(fqdn);
  };
  for (const back of connectorsBack(index, remoteKey, originKey)) {
    for (const b of back.model.bridgeheads) if (b.server) push(byName.get(nameKey(b.server.value)));
  }
  if (out.length === 0) for (const s of modernServers(def.model)) push(s.fqdn?.value);
  return out;
}

/** FQDNs of the servers that a connector names as its own bridgeheads, from its group's definition. */
export function ownBridgeheadFqdns(index: WorkspaceIndex, c: ConnectorModel): string[] {
  const key = ownGroupKey(c);
  const def = key ? index.groups.get(key)?.[0] : undefined;
  if (!def) return [];
  const out: string[] = [];
  for (const b of c.bridgeheads) {
    const s = def.model.servers.find((x) => b.server && x.name && nameKey(x.name.value) === nameKey(b.server.value));
    if (s?.fqdn && !out.some((x) => hostKey(x) === hostKey(s.fqdn!.value))) out.push(s.fqdn.value);
  }
  return out;
}

/** Host keys (FQDN and IP) of a group's servers; models never change, so each group's set is made once. */
export function serverHosts(g: RoutingGroupModel): ReadonlySet<string> {
  let out = hostSets.get(g);
  if (out) return out;
  out = new Set<string>();
  hostSets.set(g, out);
  for (const s of g.servers) {
    if (s.fqdn) out.add(hostKey(s.fqdn.value));
    if (s.ip) out.add(hostKey(s.ip.value));
  }
  return out;
}
