/**
 * "New SMTP Connector": quick picks of the workspace's routing groups and
 * servers, then a connector file beside the routing group's definition.
 */
import * as vscode from 'vscode';
import type { RoutingGroupNode, Topology } from '../../shared/protocol';
import { connectorText, type NewConnectorArgs } from './connectorText';
import { freeFileName } from './files';
import { fileNamePart } from './text';

export type { NewConnectorArgs };

export function allGroups(topology: Topology): RoutingGroupNode[] {
  return topology.administrativeGroups.flatMap((ag) => ag.routingGroups);
}

const same = (a?: string, b?: string) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

export function findGroup(topology: Topology, name: string, administrativeGroup?: string): RoutingGroupNode | undefined {
  return allGroups(topology).find((g) => same(g.name, name) && (!administrativeGroup || same(g.administrativeGroup, administrativeGroup)));
}

/** Asks what is missing from `given`; undefined when the person cancels. */
export async function askNewConnector(topology: Topology, given: Partial<NewConnectorArgs> = {}): Promise<NewConnectorArgs | undefined> {
  const groups = allGroups(topology).filter((g) => !g.inferred && g.servers.length > 0);
  // A caller that gave everything (a test, a script) is not asked for the name either.
  let asked = false;
  let own = given.routingGroup ? findGroup(topology, given.routingGroup, given.administrativeGroup) : undefined;
  if (!own) {
    const pick = await vscode.window.showQuickPick(
      groups.map((g) => ({ label: g.name, description: g.administrativeGroup, group: g })),
      { title: 'New SMTP Connector (1/4)', placeHolder: 'The routing group the connector lives in' },
    );
    if (!pick) return undefined;
    own = pick.group;
    asked = true;
  }
  let server = given.server;
  let virtualServer = given.virtualServer;
  if (!server || !virtualServer) {
    const pick = await vscode.window.showQuickPick(
      own.servers.flatMap((s) =>
        s.virtualServers.map((v) => ({ label: s.name, description: v, detail: s.fqdn, server: s.name, virtualServer: v })),
      ),
      { title: 'New SMTP Connector (2/4)', placeHolder: `The local bridgehead: a server of ${own.name} and its SMTP virtual server` },
    );
    if (!pick) return undefined;
    server = pick.server;
    virtualServer = pick.virtualServer;
    asked = true;
  }
  let toGroup = given.toGroup;
  let toAdministrativeGroup = given.toAdministrativeGroup;
  let addressSpace = given.addressSpace;
  if (!toGroup && !addressSpace) {
    const others = allGroups(topology).filter((g) => g !== own);
    const pick = await vscode.window.showQuickPick(
      [
        ...others.map((g) => ({
          label: g.name,
          description: g.administrativeGroup + (g.inferred ? ' (inferred)' : ''),
          group: g as RoutingGroupNode | undefined,
        })),
        { label: 'An address space…', description: 'such as * for the Internet', group: undefined },
      ],
      { title: 'New SMTP Connector (3/4)', placeHolder: 'Where the connector sends mail' },
    );
    if (!pick) return undefined;
    asked = true;
    if (pick.group) {
      toGroup = pick.group.name;
      toAdministrativeGroup = pick.group.administrativeGroup;
    } else {
      addressSpace = await vscode.window.showInputBox({
        title: 'New SMTP Connector (3/4)',
        prompt: 'The SMTP address space: *, a domain, or *.domain',
        value: '*',
        validateInput: (v) =>
          /^(\*|(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)$/.test(v.trim())
            ? undefined
            : 'Write *, a domain such as example.com, or *.example.com',
      });
      if (addressSpace === undefined) return undefined;
      addressSpace = addressSpace.trim();
    }
  }
  let name = given.name ?? (asked ? undefined : toGroup ? `${own.name} to ${toGroup}` : `${own.name} Internet`);
  if (!name) {
    name = await vscode.window.showInputBox({
      title: 'New SMTP Connector (4/4)',
      prompt: "The connector's name",
      value: toGroup ? `${own.name} to ${toGroup}` : `${own.name} Internet`,
      validateInput: (v) => (v.trim() ? undefined : 'A connector needs a name'),
    });
    if (name === undefined) return undefined;
  }
  return {
    ...given,
    routingGroup: own.name,
    administrativeGroup: own.administrativeGroup,
    server,
    virtualServer,
    toGroup,
    toAdministrativeGroup,
    addressSpace,
    name: name.trim(),
  };
}

/** Writes the connector beside its routing group's definition and returns its file. */
export async function writeNewConnector(topology: Topology, args: NewConnectorArgs): Promise<vscode.Uri> {
  const own = findGroup(topology, args.routingGroup, args.administrativeGroup);
  const remote = args.toGroup ? findGroup(topology, args.toGroup, args.toAdministrativeGroup ?? args.administrativeGroup) : undefined;
  const folder = own?.location
    ? vscode.Uri.joinPath(vscode.Uri.parse(own.location.uri), '..')
    : vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('Open a folder first: the connector file needs somewhere to go.');
  const base = `${fileNamePart(args.routingGroup)}-to-${args.toGroup ? fileNamePart(args.toGroup) : 'internet'}`;
  const uri = await freeFileName(folder, base, '.connector.yaml');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(connectorText(args, remote?.servers[0])));
  return uri;
}
