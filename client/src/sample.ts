/**
 * "Create a Sample Organization": a small organization shipped inside the
 * extension (not read from the repository's examples/), two routing groups
 * joined both ways and an Internet connector, written into a workspace folder.
 */
import * as vscode from 'vscode';
import { exists } from './files';

const lines = (...l: string[]) => l.join('\n') + '\n';

export const SAMPLE_FILES: Readonly<Record<string, string>> = {
  'contoso.organization.yaml': lines(
    '# The organization: the domains a recipient policy makes it responsible for.',
    'kind: Organization',
    'name: Contoso',
    'authoritativeDomains: [contoso.com]',
    'administrativeGroups: [First Administrative Group]',
  ),
  'paris.routinggroup.yaml': lines(
    'kind: RoutingGroup',
    'name: Paris',
    'administrativeGroup: First Administrative Group',
    'servers:',
    '  - name: PAR-EX01',
    '    fqdn: par-ex01.paris.contoso.com',
    '    ip: 10.2.0.10',
    '    version: "2003"',
    '    smtpVirtualServers: [Default SMTP Virtual Server]',
  ),
  'boston.routinggroup.yaml': lines(
    'kind: RoutingGroup',
    'name: Boston',
    'administrativeGroup: First Administrative Group',
    'servers:',
    '  - name: BOS-EX01',
    '    fqdn: bos-ex01.boston.contoso.com',
    '    ip: 10.1.0.10',
    '    version: "2003"',
    '    smtpVirtualServers: [Default SMTP Virtual Server]',
  ),
  'paris-to-boston.connector.yaml': lines(
    '# Paris sends mail for Boston to its bridgehead over the WAN.',
    'kind: SmtpConnector',
    'name: Paris to Boston',
    'administrativeGroup: First Administrative Group',
    'routingGroup: Paris',
    '',
    'general:',
    '  delivery: smartHost',
    '  smartHosts:',
    '    - bos-ex01.boston.contoso.com',
    '  localBridgeheads:',
    '    - server: PAR-EX01',
    '      virtualServer: Default SMTP Virtual Server',
    '',
    'connectedRoutingGroups:',
    '  - routingGroup: Boston',
    '    administrativeGroup: First Administrative Group',
    '    cost: 1',
    '',
    'details:',
    '  adminNote: Links Paris to Boston over the WAN',
  ),
  'boston-to-paris.connector.yaml': lines(
    'kind: SmtpConnector',
    'name: Boston to Paris',
    'administrativeGroup: First Administrative Group',
    'routingGroup: Boston',
    '',
    'general:',
    '  delivery: smartHost',
    '  smartHosts:',
    '    - par-ex01.paris.contoso.com',
    '  localBridgeheads:',
    '    - server: BOS-EX01',
    '      virtualServer: Default SMTP Virtual Server',
    '',
    'connectedRoutingGroups:',
    '  - routingGroup: Paris',
    '    administrativeGroup: First Administrative Group',
    '    cost: 1',
  ),
  'boston-internet.connector.yaml': lines(
    '# Boston delivers Internet mail itself, by DNS.',
    'kind: SmtpConnector',
    'name: Boston Internet',
    'administrativeGroup: First Administrative Group',
    'routingGroup: Boston',
    '',
    'general:',
    '  delivery: dns',
    '  localBridgeheads:',
    '    - server: BOS-EX01',
    '      virtualServer: Default SMTP Virtual Server',
    '',
    'addressSpace:',
    '  entries:',
    '    - type: SMTP',
    '      address: "*"',
    '      cost: 10',
    '',
    'contentRestrictions:',
    '  maxMessageSizeKB: 10240',
  ),
};

/** Writes the sample files that do not exist yet into `folder`; returns the ones written. */
export async function writeSample(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const written: vscode.Uri[] = [];
  for (const [name, text] of Object.entries(SAMPLE_FILES)) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (await exists(uri)) continue;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    written.push(uri);
  }
  return written;
}
