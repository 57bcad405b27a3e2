/**
 * A generated organization for the benchmark: `groups` routing groups in a
 * ring with chords, each with two servers, and four connectors per group (to
 * the neighbours at ±1 and ±7, so that every link has its reciprocal). Every
 * 50th group also has an Internet connector of its own (an address space on
 * a link connector would hand the message to the neighbour, and loop back).
 * Paths are in memory.
 */
export function generateOrganization(groups = 500): Map<string, string> {
  const files = new Map<string, string>();
  const ag = 'First Administrative Group';
  const name = (i: number) => `RG${String(((i % groups) + groups) % groups).padStart(4, '0')}`;
  const fqdn = (i: number, n: number) => `${name(i).toLowerCase()}-ex0${n}.contoso.com`;
  for (let i = 0; i < groups; i++) {
    files.set(
      `/bench/${name(i)}/${name(i).toLowerCase()}.routinggroup.yaml`,
      [
        'kind: RoutingGroup',
        `name: ${name(i)}`,
        `administrativeGroup: ${ag}`,
        'servers:',
        `  - name: ${name(i)}-EX01`,
        `    fqdn: ${fqdn(i, 1)}`,
        `  - name: ${name(i)}-EX02`,
        `    fqdn: ${fqdn(i, 2)}`,
        '',
      ].join('\n'),
    );
    for (const step of [1, -1, 7, -7]) {
      const to = i + step;
      files.set(
        `/bench/${name(i)}/${name(i).toLowerCase()}-to-${name(to).toLowerCase()}.connector.yaml`,
        [
          'kind: SmtpConnector',
          `name: ${name(i)} to ${name(to)}`,
          `administrativeGroup: ${ag}`,
          `routingGroup: ${name(i)}`,
          'general:',
          '  delivery: smartHost',
          '  smartHosts:',
          `    - ${fqdn(to, 1)}`,
          '  localBridgeheads:',
          `    - server: ${name(i)}-EX01`,
          '      virtualServer: Default SMTP Virtual Server',
          'connectedRoutingGroups:',
          `  - routingGroup: ${name(to)}`,
          `    cost: ${1 + ((i * 31 + step) & 7)}`,
          '',
        ].join('\n'),
      );
    }
    if (i % 50 === 0)
      files.set(
        `/bench/${name(i)}/${name(i).toLowerCase()}-internet.connector.yaml`,
        [
          'kind: SmtpConnector',
          `name: ${name(i)} Internet`,
          `administrativeGroup: ${ag}`,
          `routingGroup: ${name(i)}`,
          'general:',
          '  localBridgeheads:',
          `    - server: ${name(i)}-EX02`,
          '      virtualServer: Default SMTP Virtual Server',
          'addressSpace:',
          '  entries:',
          '    - type: SMTP',
          '      address: "*"',
          `      cost: ${1 + (i % 7)}`,
          '',
        ].join('\n'),
      );
  }
  return files;
}
