/**
 * A small organization in connector-file text, for the server's warm-up
 * (warmUp.ts): routing groups and connectors that use the fields real files
 * use (smart hosts and DNS, bridgeheads, address spaces, connected groups
 * with costs, restrictions, schedules, outbound security, ETRN/TURN,
 * comments), so that the code a large file's open runs is the code the
 * warm-up ran, with the same kinds of values.
 */
export const SAMPLE_GROUPS = ['Paris', 'Boston', 'Tokyo'] as const;

/** The sample's `i`-th YAML document (a routing group for i < 3, then connectors), without its `---` line. */
export function sampleDocument(i: number): string {
  if (i < SAMPLE_GROUPS.length) return routingGroup(i);
  const n = i - SAMPLE_GROUPS.length;
  const from = SAMPLE_GROUPS[n % 3];
  const to = SAMPLE_GROUPS[(n + 1) % 3];
  const host = (g: string, k: number) => `${g.toLowerCase()}-ex0${k}.${g.toLowerCase()}.contoso.com`;
  const lines = [
    `# Connector ${n}: ${from} to ${to}`,
    'kind: SmtpConnector',
    `name: ${from} to ${to} ${n}`,
    `administrativeGroup: ${admin(from)}`,
    `routingGroup: ${from}`,
    'general:',
  ];
  if (n % 2 === 0) lines.push('  delivery: smartHost', '  smartHosts:', `    - ${host(to, 1)}`, `    - ${host(to, 2)}`);
  else lines.push('  delivery: dns');
  lines.push(
    '  localBridgeheads:',
    `    - server: ${from.toUpperCase()}-EX01`,
    '      virtualServer: Default SMTP Virtual Server',
    `  allowPublicFolderReferrals: ${n % 3 === 0}`,
  );
  if (n % 4 === 3) {
    lines.push(
      'addressSpace:',
      '  entries:',
      '    - type: SMTP',
      `      address: "*.partner${n}.example.com"`,
      `      cost: ${1 + (n % 5)}`,
      '    - type: SMTP',
      `      address: partner${n}.example.com`,
      '      cost: 1',
      `  scope: ${n % 8 === 3 ? 'routingGroup' : 'organization'}`,
      '  allowRelay: false',
    );
  } else {
    lines.push(
      'addressSpace:',
      '  scope: organization',
      'connectedRoutingGroups:',
      `  - routingGroup: ${to}`,
      `    administrativeGroup: ${admin(to)}`,
      `    routingAddress: ${to.toLowerCase()}.contoso.com`,
      `    cost: ${1 + (n % 10)}   # the usual path`,
    );
  }
  lines.push(
    'deliveryRestrictions:',
    `  default: ${n % 5 === 0 ? 'reject' : 'accept'}`,
    ...(n % 5 === 0 ? ['  acceptFrom: [CONTOSO\\partners]'] : []),
    'contentRestrictions:',
    '  allowedPriorities: [high, normal, low]',
    '  allowedTypes: [system, nonSystem]',
    `  maxMessageSizeKB: ${10240 * (1 + (n % 3))}`,
    'deliveryOptions:',
    `  connectionTime: ${n % 3 === 0 ? 'custom' : 'always'}`,
    ...(n % 3 === 0 ? ['  schedule: ["Mon-Fri 18:00-07:00", "Sat,Sun 00:00-24:00"]'] : []),
    '  oversize:',
    '    thresholdKB: 4096',
    '    connectionTime: custom',
    '    schedule: ["Mon-Sun 22:00-05:00"]',
    'advanced:',
    `  sendHelo: ${n % 2 === 1}`,
    '  outboundSecurity:',
    `    authentication: ${['anonymous', 'basic', 'integratedWindows'][n % 3]}`,
    ...(n % 3 === 0 ? [] : [`    username: CONTOSO\\smtp-${from.toLowerCase()}`]),
    `    tls: ${n % 2 === 0}`,
    '  etrnTurn:',
    `    request: ${n % 4 === 1 ? 'whenSending' : 'none'}`,
    ...(n % 4 === 1 ? ['    dequeue: etrn', `    etrnDomains: [${from.toLowerCase()}.contoso.com]`] : []),
    'details:',
    `  adminNote: Sample connector ${n}, ${from} to ${to}`,
  );
  return lines.join('\n') + '\n';
}

function routingGroup(i: number): string {
  const g = SAMPLE_GROUPS[i];
  const lines = [`# Routing group ${g}`, 'kind: RoutingGroup', `name: ${g}`, `administrativeGroup: ${admin(g)}`, 'servers:'];
  for (let k = 1; k <= 2; k++) {
    const name = `${g.toUpperCase()}-EX0${k}`;
    lines.push(
      `  - name: ${name}`,
      `    fqdn: ${name.toLowerCase()}.${g.toLowerCase()}.contoso.com`,
      `    ip: 10.${i}.0.1${k}`,
      '    version: "2003"',
    );
  }
  return lines.join('\n') + '\n';
}

function admin(group: string): string {
  return group === 'Paris' ? 'Europe' : group === 'Boston' ? 'North America' : 'Asia';
}
