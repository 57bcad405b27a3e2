import type { ConnectorModel, RoutingGroupModel } from '../../model/extract';
import { groupLinks, hasConnectorBack, lookupGroup, modernServers, ownBridgeheadFqdns, ownGroupKey } from '../../workspace/facts';
import { baseName, freeFileName, sibling } from '../../workspace/paths';
import { connectorFileName, connectorName, smtpConnectorText } from '../../../../shared/newConnector';
import { nameKey } from '../../workspace/names';
import type { WorkspaceIndex } from '../../workspace/index';
import type { Fix } from '../../engine/types';
import { msg } from '../messages';
import type { WorkspaceRule } from './context';
import { yamlString } from './groups';
import { keys } from '../../workspace/keys';

/**
 * missing-reciprocal-connector: Exchange does not create the connector back
 * from the remote routing group; without it, mail flows one way only. The fix
 * writes that connector as a new file (docs/format.md gives its name and content).
 */
export const reciprocalRule: WorkspaceRule<ConnectorModel> = {
  kind: ['SmtpConnector', 'RoutingGroupConnector'],
  reads(c) {
    if (!c.adminGroup || !c.routingGroup) return [];
    const out = [keys.hasGroups, keys.group(c.adminGroup.value, c.routingGroup.value), keys.groupName(c.routingGroup.value)];
    for (const { link } of groupLinks(c)) {
      const name = link.routingGroup!.value;
      out.push(keys.group(link.adminGroupName!, name), keys.groupName(name), keys.connectorsIn(link.adminGroupName!, name));
      out.push(keys.connectorFile(name, c.routingGroup.value));
    }
    return out;
  },
  check(ctx) {
    const c = ctx.model;
    const own = ownGroupKey(c);
    if (!own) return;
    for (const { link, key } of groupLinks(c)) {
      if (key === own) continue; // self-connection
      const remote = lookupGroup(ctx.index, link.adminGroupName!, link.routingGroup!.value);
      if (remote.state === 'mismatch') continue; // administrative-group-mismatch says it
      if (remote.state === 'inferred' && ctx.index.hasGroups) continue; // unknown-routing-group says it
      if (hasConnectorBack(ctx.index, key, own) || backWithWrongAdminGroup(ctx.index, key, c.routingGroup!.value)) continue;
      const remoteName = remote.state === 'defined' ? remote.entry.model.name!.value : link.routingGroup!.value;
      const originDef = ctx.index.groups.get(own)?.[0];
      const originName = originDef?.model.name?.value ?? c.routingGroup!.value;
      const file = connectorFileName(remoteName, originName);
      const target = freeFileName(sibling(remote.state === 'defined' ? remote.entry.uri : ctx.uri, file), (u) => ctx.exists(u));
      const fixes: Fix[] = [];
      if (target) {
        const bridgehead = remote.state === 'defined' ? remote.entry.model.servers.find((s) => s.name) : undefined;
        const rgc = c.kind === 'RoutingGroupConnector';
        const text = (rgc ? reciprocalRgcText : reciprocalText)({
          name: connectorName(remoteName, originName),
          adminGroup: link.adminGroupName!,
          routingGroup: remoteName,
          smartHosts: ownBridgeheadFqdns(ctx.index, c),
          ...(bridgehead ? { bridgehead: { server: bridgehead.name!.value, virtualServer: bridgehead.virtualServers[0] } } : {}),
          origin: originName,
          originAdminGroup: c.adminGroup!.value,
          cost: link.cost,
          remoteServers: originSenders(c, originDef?.model),
          localServers: c.remoteBridgeheads.map((b) => b.server?.value).filter((s): s is string => s !== undefined),
        });
        fixes.push({ title: msg.fixCreateReciprocal(baseName(target)), edits: [], create: [{ uri: target, text }] });
      }
      const message = c.kind === 'RoutingGroupConnector' ? msg.missingReciprocalRgc : msg.missingReciprocal;
      ctx.report('missing-reciprocal-connector', link.routingGroup!.range, message(remoteName, originName), { fixes });
    }
  },
};

/**
 * A connector in the remote group that names the origin by name but with an
 * administrative group where no such group is defined: it is meant to connect
 * back, and administrative-group-mismatch reports it there.
 */
function backWithWrongAdminGroup(index: WorkspaceIndex, remoteKey: string, originName: string): boolean {
  return (index.connectorsIn.get(remoteKey) ?? []).some((e) =>
    groupLinks(e.model).some(
      (l) =>
        nameKey(l.link.routingGroup!.value) === nameKey(originName) &&
        lookupGroup(index, l.link.adminGroupName!, originName).state === 'mismatch',
    ),
  );
}

interface Reciprocal {
  name: string;
  adminGroup: string;
  routingGroup: string;
  smartHosts: string[];
  bridgehead?: { server: string; virtualServer?: string };
  origin: string;
  originAdminGroup: string;
  cost: number;
  /** Routing Group Connector: the origin's local bridgeheads (the new connector's remote ones) and remote bridgeheads (its local ones). */
  remoteServers: string[];
  localServers: string[];
}

/** The SMTP connector back, in the New Connector wizard's layout (shared/newConnector.ts). */
function reciprocalText(r: Reciprocal): string {
  return smtpConnectorText({
    name: r.name,
    administrativeGroup: r.adminGroup,
    routingGroup: r.routingGroup,
    smartHosts: r.smartHosts,
    ...(r.bridgehead ? { bridgehead: r.bridgehead } : {}),
    connected: { routingGroup: r.origin, administrativeGroup: r.originAdminGroup, cost: r.cost },
  });
}

/**
 * The Routing Group Connector back, as System Manager creates it: connected to
 * the origin, the same cost, its local bridgeheads the origin's remote ones and
 * its remote bridgeheads the origin's local ones (when the origin lets any
 * server send, the first Exchange 2000+ server of the origin group: one remote
 * bridgehead is required; empty only when the origin group is not defined).
 */
function reciprocalRgcText(r: Reciprocal): string {
  const out = [
    'kind: RoutingGroupConnector',
    `name: ${yamlString(r.name)}`,
    `administrativeGroup: ${yamlString(r.adminGroup)}`,
    `routingGroup: ${yamlString(r.routingGroup)}`,
    '',
    'general:',
    `  connectedRoutingGroup: { routingGroup: ${yamlString(r.origin)}, administrativeGroup: ${yamlString(r.originAdminGroup)} }`,
    `  cost: ${r.cost}`,
  ];
  const local = r.localServers.length ? r.localServers : r.bridgehead ? [r.bridgehead.server] : [];
  if (local.length) out.push('  localBridgeheads:', ...local.map((s) => `    - server: ${yamlString(s)}`));
  out.push(
    '',
    r.remoteServers.length ? 'remoteBridgeheads:' : 'remoteBridgeheads: []',
    ...r.remoteServers.map((s) => `  - server: ${yamlString(s)}`),
    '',
  );
  return out.join('\n');
}

/** The servers that send over the origin connector: its local bridgeheads, else the first modern server of its group. */
function originSenders(c: ConnectorModel, group: RoutingGroupModel | undefined): string[] {
  const named = c.bridgeheads.map((b) => b.server?.value).filter((s): s is string => s !== undefined);
  if (named.length) return named;
  const first = group ? modernServers(group).find((s) => s.name) : undefined;
  return first ? [first.name!.value] : [];
}
