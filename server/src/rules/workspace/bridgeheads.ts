import type { ConnectorModel, Located } from '../../model/extract';
import { replaceScalar } from '../../model/edits';
import { closest } from '../../model/distance';
import { nameKey } from '../../workspace/names';
import { ownGroupKey } from '../../workspace/facts';
import { msg } from '../messages';
import type { WorkspaceRule, WsContext } from './context';
import { keys } from '../../workspace/keys';

/**
 * unknown-bridgehead: each local bridgehead must be a server of the
 * connector's routing group, and its virtual server one of that server's.
 * Needs the group's definition: skipped for an inferred group.
 */
export const bridgeheadRule: WorkspaceRule<ConnectorModel> = {
  kind: 'SmtpConnector',
  reads: (c) => (c.adminGroup && c.routingGroup ? [keys.group(c.adminGroup.value, c.routingGroup.value)] : []),
  check(ctx) {
    const key = ownGroupKey(ctx.model);
    const def = key ? ctx.index.groups.get(key)?.[0] : undefined;
    if (!def) return;
    const servers = def.model.servers.filter((s) => s.name);
    for (const b of ctx.model.bridgeheads) {
      if (!b.server) continue;
      const server = servers.find((s) => nameKey(s.name!.value) === nameKey(b.server!.value));
      if (!server) {
        report(
          ctx,
          'server',
          b.server,
          servers.map((s) => s.name!.value),
          msg.unknownBridgeheadServer(b.server.value, def.model.name!.value),
        );
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
  },
};

function report(ctx: WsContext<ConnectorModel>, key: string, value: Located, candidates: string[], message: string): void {
  // The closest name, however far: a bridgehead must be one of these.
  const near = closest(value.value, candidates, Math.max(value.value.length, ...candidates.map((c) => c.length)));
  const fixes = (value.aliased ? [] : near).map((n) => ({
    title: msg.fixChangeTo(key, n),
    edits: [replaceScalar(ctx.doc, value.node, n)],
  }));
  ctx.report('unknown-bridgehead', value.range, message, { fixes });
}
