import type { BridgeheadModel, ConnectorModel, Located } from '../../model/extract';
import type { GroupEntry } from '../../workspace/index';
import { replaceScalar } from '../../model/edits';
import { closest } from '../../model/distance';
import { nameKey } from '../../workspace/names';
import { groupLinks, modernServers, ownGroupKey } from '../../workspace/facts';
import { msg } from '../messages';
import type { WorkspaceRule, WsContext } from './context';
import { keys } from '../../workspace/keys';

/**
 * unknown-bridgehead and legacy-bridgehead: each local bridgehead must be a
 * server of the connector's routing group running Exchange 2000 or later
 * (not 5.5), and its virtual server one of that server's;
 * each remote bridgehead of a Routing Group Connector a server of the
 * connected routing group. Needs the group's definition: skipped for an
 * inferred group.
 */
export const bridgeheadRule: WorkspaceRule<ConnectorModel> = {
  kind: ['SmtpConnector', 'RoutingGroupConnector'],
  reads: (c) => [
    ...(c.adminGroup && c.routingGroup ? [keys.group(c.adminGroup.value, c.routingGroup.value)] : []),
    // A Routing Group Connector's remote bridgeheads are read against the connected group.
    ...(c.remoteBridgeheads.length
      ? c.connected.filter((l) => l.routingGroup && l.adminGroupName).map((l) => keys.group(l.adminGroupName!, l.routingGroup!.value))
      : []),
  ],
  check(ctx) {
    const key = ownGroupKey(ctx.model);
    checkList(ctx, ctx.model.bridgeheads, key ? ctx.index.groups.get(key)?.[0] : undefined, msg.unknownBridgeheadServer);
    const link = groupLinks(ctx.model)[0];
    if (ctx.model.remoteBridgeheads.length && link && link.key !== key)
      checkList(ctx, ctx.model.remoteBridgeheads, ctx.index.groups.get(link.key)?.[0], msg.unknownRemoteBridgehead);
  },
};

function checkList(
  ctx: WsContext<ConnectorModel>,
  list: BridgeheadModel[],
  def: GroupEntry | undefined,
  notAServer: (server: string, group: string) => string,
): void {
  if (!def) return;
  const servers = def.model.servers.filter((s) => s.name);
  const modern = modernServers(def.model).length > 0;
  for (const b of list) {
    if (!b.server) continue;
    const server = servers.find((s) => nameKey(s.name!.value) === nameKey(b.server!.value));
    if (!server) {
      report(
        ctx,
        'server',
        b.server,
        servers.map((s) => s.name!.value),
        notAServer(b.server.value, def.model.name!.value),
      );
      continue;
    }
    if (server.version === '5.5') {
      // An Exchange 5.5 server has no SMTP virtual server to name: this is the one fault. In a group
      // without a server of Exchange 2000 or later, routing-group-no-server says what is wrong.
      if (modern) ctx.report('legacy-bridgehead', b.server.range, msg.legacyBridgehead(b.server.value));
      continue;
    }
    if (b.virtualServer && !server.virtualServers.some((v) => nameKey(v) === nameKey(b.virtualServer!.value))) {
      report(
        ctx,
        'virtualServer',
        b.virtualServer,
        server.virtualServers,
        msg.unknownBridgeheadVirtualServer(b.virtualServer.value, server.name!.value),
      );
    }
  }
}

function report(ctx: WsContext<ConnectorModel>, key: string, value: Located, candidates: string[], message: string): void {
  // The closest name, however far: a bridgehead must be one of these.
  const near = closest(value.value, candidates, Math.max(value.value.length, ...candidates.map((c) => c.length)));
  const fixes = (value.aliased ? [] : near).map((n) => ({
    title: msg.fixChangeTo(key, n),
    edits: [replaceScalar(ctx.doc, value.node, n)],
  }));
  ctx.report('unknown-bridgehead', value.range, message, { fixes });
}
