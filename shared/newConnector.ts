/**
 * A new SMTP connector's file, as the New Connector wizard and the reciprocal
 * quick fix write it: one layout (a blank line between the tabs, as in
 * examples/), one naming rule for the connector and its file.
 */
import { fileStem } from './fileNames';
import { yamlScalar } from './yamlText';

export interface NewSmtpConnector {
  name: string;
  administrativeGroup: string;
  routingGroup: string;
  /** Delivery to these smart hosts; by DNS when there are none. */
  smartHosts: string[];
  bridgehead?: { server: string; virtualServer?: string };
  /** Connected to a routing group… */
  connected?: { routingGroup: string; administrativeGroup: string; cost: number };
  /** …or carrying an SMTP address space (such as `*`). */
  addressSpace?: { address: string; cost: number };
}

/** What a connector to an address space is named after: its address, `Internet` for `*`. */
export function addressTarget(address: string): string {
  return address === '*' ? 'Internet' : address;
}

/** `Paris to Boston`, `Paris to tailspintoys.com`, `Paris to Internet`. */
export function connectorName(from: string, to: string): string {
  return `${from} to ${to}`;
}

/** `paris-to-boston.connector.yaml` (names as slugs: shared/fileNames.ts). */
export function connectorFileName(from: string, to: string): string {
  return `${fileStem(from)}-to-${fileStem(to)}.connector.yaml`;
}

export function smtpConnectorText(c: NewSmtpConnector): string {
  const l = [
    'kind: SmtpConnector',
    `name: ${yamlScalar(c.name)}`,
    `administrativeGroup: ${yamlScalar(c.administrativeGroup)}`,
    `routingGroup: ${yamlScalar(c.routingGroup)}`,
    '',
    'general:',
  ];
  if (c.smartHosts.length) l.push('  delivery: smartHost', '  smartHosts:', ...c.smartHosts.map((h) => `    - ${yamlScalar(h)}`));
  else l.push('  delivery: dns');
  if (c.bridgehead) {
    l.push('  localBridgeheads:', `    - server: ${yamlScalar(c.bridgehead.server)}`);
    if (c.bridgehead.virtualServer !== undefined) l.push(`      virtualServer: ${yamlScalar(c.bridgehead.virtualServer)}`);
  }
  if (c.connected) {
    l.push(
      '',
      'connectedRoutingGroups:',
      `  - routingGroup: ${yamlScalar(c.connected.routingGroup)}`,
      `    administrativeGroup: ${yamlScalar(c.connected.administrativeGroup)}`,
      `    cost: ${c.connected.cost}`,
    );
  }
  if (c.addressSpace) {
    l.push(
      '',
      'addressSpace:',
      '  entries:',
      '    - type: SMTP',
      `      address: ${JSON.stringify(c.addressSpace.address)}`,
      `      cost: ${c.addressSpace.cost}`,
    );
  }
  return l.join('\n') + '\n';
}
