/**
 * "New SMTP Connector": quick picks of the workspace's routing groups and
 * servers, the cost (and, to a routing group, whether to write the connector
 * back too), then the connector files beside their routing groups' definitions.
 */
import * as vscode from 'vscode';
import type { RoutingGroupNode, Topology } from '../../shared/protocol';
import { addressTarget, connectorFileName } from '../../shared/newConnector';
import { backText, connectorText, defaultName, type NewConnectorArgs } from './connectorText';
import { freeFileName } from './files';
import { allGroups, costBack, findGroup, freeConnectorName, parseCost, same } from './newConnectorPlan';

export { allGroups, findGroup };

export type { NewConnectorArgs };

const STEPS = 5;
const title = (n: number) => `New SMTP Connector (${n}/${STEPS})`;

/** Asks what is missing from `given`; undefined when the person cancels. */
export async function askNewConnector(topology: Topology, given: Partial<NewConnectorArgs> = {}): Promise<NewConnectorArgs | undefined> {
  const groups = allGroups(topology).filter((g) => !g.inferred && g.servers.length > 0);
  // A caller that gave everything (a test, a script) is not asked for the cost or the name either.
  let asked = false;
  let own = given.routingGroup ? findGroup(topology, given.routingGroup, given.administrativeGroup) : undefined;
  if (!own) {
    const pick = await vscode.window.showQuickPick(
      groups.map((g) => ({ label: g.name, description: g.administrativeGroup, group: g })),
      { title: title(1), placeHolder: 'The routing group the connector lives in' },
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
      { title: title(2), placeHolder: `The local bridgehead: a server of ${own.name} and its SMTP virtual server` },
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
      { title: title(3), placeHolder: 'Where the connector sends mail' },
    );
    if (!pick) return undefined;
    asked = true;
    if (pick.group) {
      toGroup = pick.group.name;
      toAdministrativeGroup = pick.group.administrativeGroup;
    } else {
      addressSpace = await vscode.window.showInputBox({
        title: title(3),
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
  const remote = toGroup ? findGroup(topology, toGroup, toAdministrativeGroup ?? own.administrativeGroup) : undefined;
  // A link usually costs the same both ways: the connector back's cost, when there is one, is offered.
  const back = remote ? costBack(remote, own) : undefined;
  let cost = given.cost ?? back ?? 1;
  let both = given.both ?? false;
  if (asked && given.cost === undefined) {
    const answer = toGroup
      ? await askCostAndDirection(own.name, toGroup, cost, back !== undefined || !remote || remote.inferred || !remote.servers.length)
      : await askCost(addressTarget(addressSpace ?? '*'), cost);
    if (!answer) return undefined;
    cost = answer.cost;
    both = given.both ?? answer.both;
  }
  const proposed = freeConnectorName(topology, defaultName({ routingGroup: own.name, toGroup, addressSpace }));
  let name = given.name ?? (asked ? undefined : proposed);
  if (!name) {
    name = await vscode.window.showInputBox({
      title: title(5),
      prompt: "The connector's name",
      value: proposed,
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
    cost,
    both,
  };
}

/**
 * One step for the cost and the direction: the person types the cost in the
 * box (the connector back's, or 1, is there already) and picks both ways or
 * one way. `oneWayOnly` when the remote group connects back already, or
 * cannot have a connector (inferred, no server).
 */
async function askCostAndDirection(
  from: string,
  to: string,
  initial: number,
  oneWayOnly: boolean,
): Promise<{ cost: number; both: boolean } | undefined> {
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { both?: boolean }>();
  qp.title = `${title(4)}: cost of the link, and its direction`;
  qp.placeholder = 'The cost, a whole number from 1 to 100';
  qp.value = String(initial);
  const render = () => {
    const cost = parseCost(qp.value);
    if (cost === undefined) {
      qp.items = [{ label: 'Type a cost: a whole number from 1 to 100', alwaysShow: true }];
      return;
    }
    qp.items = [
      ...(oneWayOnly
        ? []
        : [{ label: `Both ways, cost ${cost}`, description: `${from} to ${to} and ${to} to ${from}`, both: true, alwaysShow: true }]),
      { label: `One way, cost ${cost}`, description: `${from} to ${to}`, both: false, alwaysShow: true },
    ];
  };
  render();
  return new Promise((resolve) => {
    let answer: { cost: number; both: boolean } | undefined;
    qp.onDidChangeValue(render);
    qp.onDidAccept(() => {
      const cost = parseCost(qp.value);
      const item = qp.selectedItems[0];
      if (cost === undefined || item?.both === undefined) return;
      answer = { cost, both: item.both };
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve(answer);
    });
    qp.show();
  });
}

async function askCost(target: string, initial: number): Promise<{ cost: number; both: boolean } | undefined> {
  const text = await vscode.window.showInputBox({
    title: title(4),
    prompt: `The cost of the address space ${target}: a whole number from 1 to 100`,
    value: String(initial),
    validateInput: (v) => (parseCost(v) === undefined ? 'A whole number from 1 to 100' : undefined),
  });
  return text === undefined ? undefined : { cost: parseCost(text)!, both: false };
}

/**
 * Writes the connector beside its routing group's definition, and with `both`
 * the connector back beside the remote group's; returns the files, the
 * connector first.
 */
export async function writeNewConnector(topology: Topology, args: NewConnectorArgs): Promise<vscode.Uri[]> {
  const own = findGroup(topology, args.routingGroup, args.administrativeGroup);
  const remote = args.toGroup ? findGroup(topology, args.toGroup, args.toAdministrativeGroup ?? args.administrativeGroup) : undefined;
  const folderOf = (g: RoutingGroupNode | undefined) =>
    g?.location ? vscode.Uri.joinPath(vscode.Uri.parse(g.location.uri), '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const folder = folderOf(own);
  if (!folder) throw new Error('Open a folder first: the connector file needs somewhere to go.');
  const target = args.toGroup ?? addressTarget(args.addressSpace ?? '*');
  const uri = await freeFile(folder, connectorFileName(args.routingGroup, target));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(connectorText(args, remote?.servers[0])));
  // No second connector back where one exists (or the remote group cannot have one).
  if (!args.both || !args.toGroup || !remote || remote.inferred || (own && costBack(remote, own) !== undefined)) return [uri];
  const backUri = await freeFile(folderOf(remote) ?? folder, connectorFileName(remote.name, args.routingGroup));
  const ownServer = own?.servers.find((s) => same(s.name, args.server));
  await vscode.workspace.fs.writeFile(backUri, new TextEncoder().encode(backText({ ...args, toGroup: args.toGroup }, remote, ownServer)));
  return [uri, backUri];
}

/** `name`, else `name-2`… in the folder (files.ts), from a whole `….connector.yaml` name. */
function freeFile(folder: vscode.Uri, fileName: string): Promise<vscode.Uri> {
  const ext = '.connector.yaml';
  return freeFileName(folder, fileName.slice(0, -ext.length), ext);
}
