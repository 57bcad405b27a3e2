/** The text of new connector files (no VS Code here, so unit tests can check it with the engine). */
import type { RoutingGroupNode, ServerNode } from '../../shared/protocol';
import { addressTarget, connectorName, smtpConnectorText } from '../../shared/newConnector';

/** What the command needs; given in full (by a test or the tree), nothing is asked. */
export interface NewConnectorArgs {
  routingGroup: string;
  administrativeGroup: string;
  server: string;
  virtualServer: string;
  /** Connect to this routing group… */
  toGroup?: string;
  toAdministrativeGroup?: string;
  /** …or carry this SMTP address space (such as `*`). */
  addressSpace?: string;
  name?: string;
  /** 1 unless given (the wizard asks, offering the cost of a connector back when there is one). */
  cost?: number;
  /** Also write the connector back from the remote routing group (both directions of the link at once). */
  both?: boolean;
}

/** `Paris to Boston`, `Paris to tailspintoys.com`, `Paris to Internet` for `*`. */
export function defaultName(args: Pick<NewConnectorArgs, 'routingGroup' | 'toGroup' | 'addressSpace'>): string {
  return connectorName(args.routingGroup, args.toGroup ?? addressTarget(args.addressSpace ?? '*'));
}

/** The connector's YAML text: to a routing group it forwards to the remote bridgehead's FQDN. */
export function connectorText(args: NewConnectorArgs, remoteServer?: ServerNode): string {
  const cost = args.cost ?? 1;
  return smtpConnectorText({
    name: args.name ?? defaultName(args),
    administrativeGroup: args.administrativeGroup,
    routingGroup: args.routingGroup,
    // Between routing groups Exchange wants the remote bridgehead as smart host, not DNS.
    smartHosts: args.toGroup && remoteServer?.fqdn ? [remoteServer.fqdn] : [],
    bridgehead: { server: args.server, virtualServer: args.virtualServer },
    ...(args.toGroup
      ? { connected: { routingGroup: args.toGroup, administrativeGroup: args.toAdministrativeGroup ?? args.administrativeGroup, cost } }
      : { addressSpace: { address: args.addressSpace ?? '*', cost } }),
  });
}

/**
 * The connector back, from the remote group: its first server and virtual
 * server as bridgehead, forwarding to the FQDN of the bridgehead chosen for
 * the way out, at the same cost (as the reciprocal quick fix writes it).
 */
export function backText(args: NewConnectorArgs & { toGroup: string }, remote: RoutingGroupNode, ownServer?: ServerNode): string {
  const bridgehead = remote.servers[0];
  return smtpConnectorText({
    name: connectorName(args.toGroup, args.routingGroup),
    administrativeGroup: remote.administrativeGroup,
    routingGroup: remote.name,
    smartHosts: ownServer?.fqdn ? [ownServer.fqdn] : [],
    ...(bridgehead ? { bridgehead: { server: bridgehead.name, virtualServer: bridgehead.virtualServers[0] } } : {}),
    connected: { routingGroup: args.routingGroup, administrativeGroup: args.administrativeGroup, cost: args.cost ?? 1 },
  });
}
