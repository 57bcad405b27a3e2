/** The text of a new connector file (no VS Code here, so unit tests can check it with the engine). */
import type { ServerNode } from '../../shared/protocol';
import { yamlScalar } from './text';

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
  cost?: number;
}

/** The connector's YAML text. */
export function connectorText(args: NewConnectorArgs, remoteServer?: ServerNode): string {
  const l: string[] = [];
  const name = args.name ?? (args.toGroup ? `${args.routingGroup} to ${args.toGroup}` : `${args.routingGroup} Internet`);
  l.push(
    'kind: SmtpConnector',
    `name: ${yamlScalar(name)}`,
    `administrativeGroup: ${yamlScalar(args.administrativeGroup)}`,
    `routingGroup: ${yamlScalar(args.routingGroup)}`,
    '',
  );
  l.push('general:');
  if (args.toGroup && remoteServer?.fqdn) {
    // Between routing groups Exchange wants the remote bridgehead as smart host, not DNS.
    l.push('  delivery: smartHost', '  smartHosts:', `    - ${yamlScalar(remoteServer.fqdn)}`);
  } else {
    l.push('  delivery: dns');
  }
  l.push('  localBridgeheads:', `    - server: ${yamlScalar(args.server)}`, `      virtualServer: ${yamlScalar(args.virtualServer)}`, '');
  if (args.toGroup) {
    l.push('connectedRoutingGroups:', `  - routingGroup: ${yamlScalar(args.toGroup)}`);
    l.push(`    administrativeGroup: ${yamlScalar(args.toAdministrativeGroup ?? args.administrativeGroup)}`);
    l.push(`    cost: ${args.cost ?? 1}`);
  } else {
    l.push(
      'addressSpace:',
      '  entries:',
      '    - type: SMTP',
      `      address: ${JSON.stringify(args.addressSpace ?? '*')}`,
      `      cost: ${args.cost ?? 1}`,
    );
  }
  return l.join('\n') + '\n';
}
