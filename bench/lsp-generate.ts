/**
 * A generated file for the language-server benchmark: routing groups and
 * connectors between them, in one file of many YAML documents (about 44
 * lines per connector), clean enough that most work is the engine's own.
 */
export const GROUPS = 50;

function group(i: number): string {
  return [
    'kind: RoutingGroup',
    `name: RG-${i}`,
    'administrativeGroup: First Administrative Group',
    'servers:',
    `  - name: EX-${i}`,
    `    fqdn: ex-${i}.rg-${i}.contoso.com`,
    '',
  ].join('\n');
}

function connector(i: number, total: number): string {
  // Connectors come in pairs, one each way, so that every link is reciprocated.
  const pair = Math.floor(i / 2);
  const a = pair % GROUPS;
  const b = (pair + 1) % GROUPS;
  const [from, to] = i % 2 === 0 ? [a, b] : [b, a];
  return [
    'kind: SmtpConnector',
    `name: Connector ${String(i).padStart(5, '0')}`,
    'administrativeGroup: First Administrative Group',
    `routingGroup: RG-${from}`,
    'general:',
    '  delivery: smartHost',
    '  smartHosts:',
    `    - ex-${to}.rg-${to}.contoso.com`,
    '  localBridgeheads:',
    `    - server: EX-${from}`,
    '      virtualServer: Default SMTP Virtual Server',
    '  allowPublicFolderReferrals: true',
    'addressSpace:',
    '  scope: organization',
    '  allowRelay: false',
    'connectedRoutingGroups:',
    `  - routingGroup: RG-${to}`,
    '    administrativeGroup: First Administrative Group',
    `    routingAddress: rg-${to}.contoso.com`,
    '    cost: 1',
    'deliveryRestrictions:',
    '  default: accept',
    'contentRestrictions:',
    '  allowedPriorities: [high, normal, low]',
    '  allowedTypes: [system, nonSystem]',
    '  maxMessageSizeKB: 10240',
    'deliveryOptions:',
    '  connectionTime: custom',
    '  schedule: ["Mon-Fri 18:00-07:00", "Sat,Sun 00:00-24:00"]',
    '  oversize:',
    '    thresholdKB: 1000',
    '    connectionTime: custom',
    '    schedule: ["Mon-Sun 22:00-05:00"]',
    'advanced:',
    '  sendHelo: false',
    '  outboundSecurity:',
    '    authentication: basic',
    '    username: CONTOSO\\smtp-relay',
    '    tls: true',
    '  etrnTurn:',
    '    request: none',
    'details:',
    `  adminNote: Generated connector ${i + 1} of ${total}`,
    '',
  ].join('\n');
}

/** One file: the routing groups, then `connectors` connectors, separated by `---`. */
export function generate(connectors: number): string {
  const docs: string[] = [];
  for (let g = 0; g < GROUPS; g++) docs.push(group(g));
  for (let i = 0; i < connectors; i++) docs.push(connector(i, connectors));
  return docs.join('---\n');
}
