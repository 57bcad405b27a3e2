import {
  isConnector,
  type ConnectedGroupModel,
  type ConnectorModel,
  type OrganizationModel,
  type RoutingGroupModel,
  type ServerModel,
} from '../model/extract';
import { shiftRange } from '../model/text';
import type { DocEntry } from './index';
import { groupKey, hostKey, nameKey } from './names';
import { occurrencesOf, type Occurrence } from './occurrences';

export type Entry<M> = DocEntry & { model: M };

/** A name occurrence in file coordinates. */
export interface FileOccurrence extends Occurrence {
  uri: string;
}

type Multi<T> = Map<string, Set<T>>;

/**
 * The editor features' view of the names (completion, hover, navigation,
 * symbols, the tree): every routing group, server, connector and
 * organization by name, and every place a name is written. Kept by the
 * WorkspaceIndex (one per workspace) and updated with it one document at a
 * time: an edit never rebuilds it. Occurrences keep document-local ranges
 * and move to file lines when asked for.
 */
export class NameIndex {
  /** Every routing-group, connector and organization document. */
  readonly routingGroups = new Set<Entry<RoutingGroupModel>>();
  readonly connectors = new Set<Entry<ConnectorModel>>();
  readonly organizations = new Set<Entry<OrganizationModel>>();
  private readonly groupsByName: Multi<Entry<RoutingGroupModel>> = new Map();
  /** Routing groups listing a server, by server name and by host (FQDN or IP). */
  private readonly serverGroups: Multi<Entry<RoutingGroupModel>> = new Map();
  private readonly hostGroups: Multi<Entry<RoutingGroupModel>> = new Map();
  /** Connectors by the routing group they live in: by name, and by administrative group and name. */
  private readonly connectorsByName: Multi<Entry<ConnectorModel>> = new Map();
  private readonly connectorsByGroup: Multi<Entry<ConnectorModel>> = new Map();
  /** Connectors by a routing group they connect to (administrative group and name), a server they name as bridgehead, a smart host. */
  private readonly connectorsTo: Multi<Entry<ConnectorModel>> = new Map();
  private readonly connectorsByBridgehead: Multi<Entry<ConnectorModel>> = new Map();
  private readonly connectorsBySmartHost: Multi<Entry<ConnectorModel>> = new Map();
  private readonly occurrences: Multi<DocEntry> = new Map();
  /** Routing groups and connectors by the administrative group they name, and the first of each in file order once asked. */
  private readonly admins: Multi<Entry<RoutingGroupModel | ConnectorModel>> = new Map();
  private readonly firstAdmins = new Map<string, Entry<RoutingGroupModel | ConnectorModel>>();
  /** How many connectors of a routing group connect to another (group keys), and how many connectors bear a name. */
  private readonly linkCounts = new Map<string, Map<string, number>>();
  private readonly connectorNames = new Map<string, number>();

  add(e: DocEntry): void {
    this.visit(e, true);
  }

  remove(e: DocEntry): void {
    this.visit(e, false);
  }

  private visit(e: DocEntry, adding: boolean): void {
    const on = <T>(map: Multi<T>, key: string, v: T) => {
      let s = map.get(key);
      if (adding) {
        if (!s) map.set(key, (s = new Set()));
        s.add(v);
      } else if (s) {
        s.delete(v);
        if (s.size === 0) map.delete(key);
      }
    };
    const set = <T>(s: Set<T>, v: T) => (adding ? s.add(v) : s.delete(v));
    for (const o of occurrencesOf(e.doc)) on(this.occurrences, o.id, e);
    const m = e.model;
    if ((m?.kind === 'RoutingGroup' || isConnector(m)) && m.adminGroup) {
      const key = nameKey(m.adminGroup.value);
      on(this.admins, key, e as Entry<RoutingGroupModel | ConnectorModel>);
      // The first one stays known while it stays; a removed first one is looked for again when asked.
      const first = this.firstAdmins.get(key);
      if (!adding && first === e) this.firstAdmins.delete(key);
      else if (adding && first && byPlace(e, first) < 0) this.firstAdmins.set(key, e as Entry<RoutingGroupModel | ConnectorModel>);
    }
    if (m?.kind === 'RoutingGroup') {
      const g = e as Entry<RoutingGroupModel>;
      set(this.routingGroups, g);
      if (m.name) on(this.groupsByName, nameKey(m.name.value), g);
      for (const s of m.servers) {
        if (s.name) on(this.serverGroups, nameKey(s.name.value), g);
        if (s.fqdn) on(this.hostGroups, hostKey(s.fqdn.value), g);
        if (s.ip) on(this.hostGroups, hostKey(s.ip.value), g);
      }
    } else if (isConnector(m)) {
      const c = e as Entry<ConnectorModel>;
      set(this.connectors, c);
      if (m.routingGroup) {
        on(this.connectorsByName, nameKey(m.routingGroup.value), c);
        on(this.connectorsByGroup, groupKey(m.adminGroup?.value ?? '', m.routingGroup.value), c);
      }
      const from = m.routingGroup ? groupKey(m.adminGroup?.value ?? '', m.routingGroup.value) : undefined;
      for (const l of m.connected) {
        if (!l.routingGroup) continue;
        const to = groupKey(l.adminGroupName ?? m.adminGroup?.value ?? '', l.routingGroup.value);
        on(this.connectorsTo, to, c);
        if (from !== undefined) count(this.linkCounts, from, to, adding ? 1 : -1);
      }
      if (m.name) tally(this.connectorNames, nameKey(m.name.value), adding ? 1 : -1);
      for (const b of [...m.bridgeheads, ...m.remoteBridgeheads]) if (b.server) on(this.connectorsByBridgehead, nameKey(b.server.value), c);
      // Smart hosts listed with `delivery: dns` are not used (smart-hosts-ignored).
      if (m.delivery === 'smartHost') for (const h of m.smartHosts) on(this.connectorsBySmartHost, hostKey(h.value), c);
    } else if (m?.kind === 'Organization') {
      set(this.organizations, e as Entry<OrganizationModel>);
    }
  }

  /** Every place a name is written, in file order (by URI, then position). */
  occurrencesOf(id: string): FileOccurrence[] {
    const out: FileOccurrence[] = [];
    for (const e of sorted(this.occurrences.get(id))) {
      for (const o of occurrencesOf(e.doc)) if (o.id === id) out.push({ ...o, uri: e.uri, range: shiftRange(o.range, e.line) });
    }
    return out;
  }

  /** The routing group of that name; within the administrative group when one defines it there, else the first in file order. */
  findGroup(name: string, adminGroup?: string): Entry<RoutingGroupModel> | undefined {
    const matches = sorted(this.groupsByName.get(nameKey(name)));
    if (adminGroup !== undefined) {
      const a = nameKey(adminGroup);
      const exact = matches.find((g) => nameKey(g.model.adminGroup?.value ?? '') === a);
      if (exact) return exact;
    }
    return matches[0];
  }

  /** The first routing group (in file order) that lists a server of that name, with the server. */
  findServer(name: string): { group: Entry<RoutingGroupModel>; server: ServerModel } | undefined {
    const k = nameKey(name);
    for (const group of sorted(this.serverGroups.get(k))) {
      const server = group.model.servers.find((s) => s.name && nameKey(s.name.value) === k);
      if (server) return { group, server };
    }
    return undefined;
  }

  /** The first server (in file order) with that FQDN or IP address. */
  findHost(host: string): { group: Entry<RoutingGroupModel>; server: ServerModel } | undefined {
    const k = hostKey(host);
    for (const group of sorted(this.hostGroups.get(k))) {
      const server = group.model.servers.find((s) => (s.fqdn && hostKey(s.fqdn.value) === k) || (s.ip && s.ip.value === k));
      if (server) return { group, server };
    }
    return undefined;
  }

  /** Every administrative group that a routing group or connector names, as first written in file order. */
  adminGroups(): string[] {
    const out: string[] = [];
    for (const [key, set] of this.admins) {
      let best = this.firstAdmins.get(key);
      if (!best) {
        for (const e of set) if (!best || byPlace(e, best) < 0) best = e;
        if (best) this.firstAdmins.set(key, best);
      }
      if (best?.model.adminGroup) out.push(best.model.adminGroup.value);
    }
    return out;
  }

  /** Does a connector of this routing group connect to that one? */
  links(fromAdminGroup: string, from: string, toAdminGroup: string, to: string): boolean {
    return (this.linkCounts.get(groupKey(fromAdminGroup, from))?.get(groupKey(toAdminGroup, to)) ?? 0) > 0;
  }

  /** The first link (in file order) of a connector of one routing group to another: what it costs. */
  firstLink(fromAdminGroup: string, from: string, toAdminGroup: string, to: string): ConnectedGroupModel | undefined {
    if (!this.links(fromAdminGroup, from, toAdminGroup, to)) return undefined;
    const target = groupKey(toAdminGroup, to);
    let best: { e: Entry<ConnectorModel>; link: ConnectedGroupModel } | undefined;
    for (const e of this.connectorsByGroup.get(groupKey(fromAdminGroup, from)) ?? []) {
      if (best && byPlace(e, best.e) > 0) continue;
      const link = e.model.connected.find(
        (l) => l.routingGroup && groupKey(l.adminGroupName ?? fromAdminGroup, l.routingGroup.value) === target,
      );
      if (link) best = { e, link };
    }
    return best?.link;
  }

  /** Does any connector bear this name? */
  hasConnectorNamed(name: string): boolean {
    return (this.connectorNames.get(nameKey(name)) ?? 0) > 0;
  }

  /**
   * Connectors living in a routing group (of the administrative group given,
   * else of any), the first `limit` of them in file order, and how many there are.
   */
  connectorsIn(name: string, adminGroup?: string, limit = Infinity): { entries: Entry<ConnectorModel>[]; total: number } {
    const set =
      adminGroup === undefined ? this.connectorsByName.get(nameKey(name)) : this.connectorsByGroup.get(groupKey(adminGroup, name));
    return { entries: first(set, limit), total: set?.size ?? 0 };
  }

  /** Connectors that connect to this routing group, the first `limit` in file order, and how many there are. */
  connectorsInto(name: string, adminGroup: string, limit = Infinity): { entries: Entry<ConnectorModel>[]; total: number } {
    const set = this.connectorsTo.get(groupKey(adminGroup, name));
    return { entries: first(set, limit), total: set?.size ?? 0 };
  }

  /** Connectors that name a server as a local (or a Routing Group Connector's remote) bridgehead. */
  bridgeheadOf(server: string, limit = Infinity): { entries: Entry<ConnectorModel>[]; total: number } {
    const set = this.connectorsByBridgehead.get(nameKey(server));
    return { entries: first(set, limit), total: set?.size ?? 0 };
  }

  /** Connectors that forward to any of these hosts (a server's FQDN and IP address) as a smart host. */
  smartHostOf(hosts: string[], limit = Infinity): { entries: Entry<ConnectorModel>[]; total: number } {
    const set = new Set<Entry<ConnectorModel>>();
    for (const h of hosts) for (const c of this.connectorsBySmartHost.get(hostKey(h)) ?? []) set.add(c);
    return { entries: first(set, limit), total: set.size };
  }
}

/** Adds `by` to a count, forgetting it at zero. */
function tally(counts: Map<string, number>, key: string, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

/** Adds `by` to the count of a pair of keys. */
function count(counts: Map<string, Map<string, number>>, a: string, b: string, by: number): void {
  let inner = counts.get(a);
  if (!inner) counts.set(a, (inner = new Map()));
  tally(inner, b, by);
  if (inner.size === 0) counts.delete(a);
}

/** Entries in file order: by URI, then position in the file. */
export function sorted<T extends DocEntry>(set: Iterable<T> | undefined): T[] {
  return set ? [...set].sort(byPlace) : [];
}

function byPlace(a: DocEntry, b: DocEntry): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.index - b.index;
}

/** The first `limit` entries in file order, without sorting them all (a hover lists a few of thousands). */
function first<T extends DocEntry>(set: Set<T> | undefined, limit: number): T[] {
  if (!set) return [];
  if (set.size <= limit) return sorted(set);
  const out: T[] = [];
  for (const e of set) {
    if (out.length === limit && byPlace(e, out[limit - 1]) >= 0) continue;
    let i = out.length;
    while (i > 0 && byPlace(e, out[i - 1]) < 0) i--;
    out.splice(i, 0, e);
    if (out.length > limit) out.pop();
  }
  return out;
}
