/**
 * The routing-group tree in its own activity-bar container: organization → administrative
 * groups → routing groups → servers (with their virtual servers) and
 * connectors (with their connected groups and costs). It reloads when the
 * server says the topology changed, never by polling.
 */
import * as vscode from 'vscode';
import type { Location } from 'vscode-languageserver-types';
import {
  TopologyRequest,
  type AddressSpaceNode,
  type AdministrativeGroupNode,
  type ConnectedGroupNode,
  type ConnectorNode,
  type ProblemSummary,
  type RoutingGroupNode,
  type ServerNode,
  type Topology,
} from '../../shared/protocol';
import type { ConnectorClient } from './client';

export type TreeNode =
  | { type: 'organization'; name: string; location: Location; groups: AdministrativeGroupNode[] }
  | { type: 'administrativeGroup'; group: AdministrativeGroupNode }
  | { type: 'routingGroup'; group: RoutingGroupNode }
  | { type: 'server'; group: RoutingGroupNode; server: ServerNode }
  | { type: 'virtualServer'; server: ServerNode; name: string }
  | { type: 'connector'; group: RoutingGroupNode; connector: ConnectorNode; index: number; oneSidedTo: string[] }
  | { type: 'connected'; connector: ConnectorNode; connected: ConnectedGroupNode; index: number; target?: RoutingGroupNode }
  | { type: 'addressSpace'; group: RoutingGroupNode; connector: ConnectorNode; space: AddressSpaceNode };

export const OPEN_LOCATION = 'exchangeConnectors.openLocation';

export class TopologyTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private topology: Topology | undefined;
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  /** A topology loaded ahead of the refresh it caused: the next root request uses it instead of asking again. */
  private preloaded: { topology: Topology | undefined; json: string } | undefined;
  /** The last topology shown, as JSON: a notification that changes nothing visible leaves the tree alone. */
  private shown: string | undefined;

  constructor(private readonly connector: ConnectorClient) {
    this.subscriptions = [
      connector.onDidChangeTopology(() => void this.refreshIfChanged()),
      connector.onDidChangeHealth(() => this.refresh()),
    ];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  private view: vscode.TreeView<TreeNode> | undefined;

  /** The view that shows this tree: while it is hidden a change only marks it stale, and it reloads when shown. */
  showIn(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    this.subscriptions.push(
      view.onDidChangeVisibility((e) => {
        if (e.visible) this.refresh();
      }),
    );
  }

  /**
   * The server says the topology may have changed after every round of checks (opening a file is one). A refresh
   * recreates every row and VS Code frees the old rows' commands, so a click landing meanwhile gets "command not
   * found": the shown tree reloads only when what it shows differs.
   */
  async refreshIfChanged(): Promise<void> {
    if (!this.view?.visible) return this.refresh();
    const next = await this.load();
    const json = JSON.stringify(next);
    if (json === this.shown) return;
    this.preloaded = { topology: next, json };
    this.changed.fire(undefined);
  }

  /** The topology as last loaded (undefined when the server gave none). */
  get current(): Topology | undefined {
    return this.topology;
  }

  /** Asks the server for the topology; undefined when it is not running. */
  async load(): Promise<Topology | undefined> {
    try {
      this.topology = await this.connector.request(TopologyRequest);
    } catch (e) {
      if (this.connector.state === 'running')
        this.connector.output.appendLine(`Topology request failed: ${e instanceof Error ? e.message : String(e)}`);
      this.topology = undefined;
    }
    return this.topology;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      const ahead = this.preloaded;
      this.preloaded = undefined;
      const topology = ahead ? (this.topology = ahead.topology) : await this.load();
      this.shown = ahead ? ahead.json : JSON.stringify(topology);
      if (!topology) return [];
      if (topology.organization) return [{ type: 'organization', ...topology.organization, groups: topology.administrativeGroups }];
      return topology.administrativeGroups.map((group) => ({ type: 'administrativeGroup', group }));
    }
    switch (node.type) {
      case 'organization':
        return node.groups.map((group) => ({ type: 'administrativeGroup', group }));
      case 'administrativeGroup':
        return node.group.routingGroups.map((group) => ({ type: 'routingGroup', group }));
      case 'routingGroup':
        return [
          ...node.group.servers.map((server): TreeNode => ({ type: 'server', group: node.group, server })),
          ...node.group.connectors.map((connector, index): TreeNode => ({
            type: 'connector',
            group: node.group,
            connector,
            index,
            oneSidedTo: this.withoutConnectorBack(node.group, connector),
          })),
        ];
      case 'server':
        return node.server.virtualServers.map((name) => ({ type: 'virtualServer', server: node.server, name }));
      case 'connector':
        return [
          ...node.connector.connected.map((connected, index): TreeNode => ({
            type: 'connected',
            connector: node.connector,
            connected,
            index,
            target: this.findGroup(connected),
          })),
          ...(node.connector.addressSpaces ?? []).map((space): TreeNode => ({
            type: 'addressSpace',
            group: node.group,
            connector: node.connector,
            space,
          })),
        ];
      default:
        return [];
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return treeItem(node);
  }

  /** The connected routing groups of the workspace that have no connector back to `group`. */
  private withoutConnectorBack(group: RoutingGroupNode, connector: ConnectorNode): string[] {
    const name = group.name.toLowerCase();
    const out: string[] = [];
    for (const connected of connector.connected) {
      const target = this.findGroup(connected);
      if (!target || target.inferred) continue;
      const back = target.connectors.some((c) => c.connected.some((x) => x.routingGroup?.toLowerCase() === name));
      if (!back) out.push(target.name);
    }
    return out;
  }

  private findGroup(connected: ConnectedGroupNode): RoutingGroupNode | undefined {
    if (!connected.routingGroup || !this.topology) return undefined;
    const name = connected.routingGroup.toLowerCase();
    const admin = connected.administrativeGroup?.toLowerCase();
    for (const ag of this.topology.administrativeGroups) {
      if (admin && ag.name.toLowerCase() !== admin) continue;
      const found = ag.routingGroups.find((g) => g.name.toLowerCase() === name);
      if (found) return found;
    }
    return undefined;
  }

  dispose(): void {
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;

function open(location: Location | undefined, title: string): vscode.Command | undefined {
  return location ? { command: OPEN_LOCATION, title, arguments: [location] } : undefined;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function linkStatusText(connector: ConnectorNode, oneSidedTo: string[] = []): string {
  switch (connector.status) {
    case 'complete':
      return connector.connected.some((c) => c.routingGroup)
        ? 'both ends present: every connected routing group has a connector back'
        : 'no problem: it connects to no routing group of the workspace';
    case 'oneSided':
      return oneSidedTo.length
        ? `one-sided: ${oneSidedTo.join(', ')} ${oneSidedTo.length === 1 ? 'has' : 'have'} no connector back`
        : 'one-sided: a connected routing group has no connector back';
    case 'errors':
      return `has errors: ${plural(connector.problems.errors, 'error')}, ${plural(connector.problems.warnings, 'warning')}`;
  }
}

/** A cost as the tree shows it: an invalid one as invalid, never as the default it counts as. */
export function costText(c: { cost: number; invalidCost?: string }): string {
  return c.invalidCost !== undefined ? `cost invalid (${c.invalidCost})` : `cost ${c.cost}`;
}

/** The first problems of a document as Markdown lines: "$(error) `code` message". */
function problemsMarkdown(problems: ProblemSummary[] | undefined, total: number): string {
  if (!problems?.length) return '';
  const lines = problems.map((p) => `- ${p.severity === 'error' ? '$(error)' : '$(warning)'} \`${p.code}\` ${escapeMarkdown(p.message)}`);
  if (total > problems.length) lines.push(`- …and ${total - problems.length} more in the Problems panel`);
  return `\n\n${lines.join('\n')}`;
}

/** Names from files are text, never Markdown. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

function markdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, true);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

function connectedLabel(c: ConnectedGroupNode): string {
  return c.routingGroup ?? (c.exchange55Site !== undefined ? `${c.exchange55Site} (Exchange 5.5 site)` : '(no name)');
}

/** No item has an explicit id: names repeat in a workspace with duplicate-name errors, and VS Code rejects a level with a repeated id. */
export function treeItem(node: TreeNode): vscode.TreeItem {
  const item = baseItem(node);
  // Screen readers (and the page tests) read "name, what it is, details".
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const details = node.type === 'connector' ? linkStatusText(node.connector, node.oneSidedTo) : item.description;
  const words = [label, KIND_WORDS[node.type], details].filter((w, i, all) => w && all.indexOf(w) === i);
  item.accessibilityInformation = { label: words.join(', ') };
  return item;
}

const KIND_WORDS: Record<TreeNode['type'], string> = {
  organization: 'organization',
  administrativeGroup: 'administrative group',
  routingGroup: 'routing group',
  server: 'server',
  virtualServer: 'SMTP virtual server',
  connector: 'connector',
  connected: 'connected routing group',
  addressSpace: 'address space',
};

function baseItem(node: TreeNode): vscode.TreeItem {
  switch (node.type) {
    case 'organization': {
      const item = new vscode.TreeItem(node.name, Expanded);
      item.description = 'organization';
      item.iconPath = new vscode.ThemeIcon('organization');
      item.contextValue = 'organization';
      item.command = open(node.location, 'Open the organization');
      return item;
    }
    case 'administrativeGroup': {
      const item = new vscode.TreeItem(node.group.name, Expanded);
      item.description = 'administrative group';
      item.iconPath = new vscode.ThemeIcon('folder-library');
      item.contextValue = 'administrativeGroup';
      return item;
    }
    case 'routingGroup': {
      const g = node.group;
      const item = new vscode.TreeItem(g.name, g.servers.length + g.connectors.length > 0 ? Expanded : None);
      const problems = g.problems.errors + g.problems.warnings;
      item.description = [g.inferred ? 'inferred' : '', problems ? plural(problems, 'problem') : ''].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(g.inferred ? 'question' : 'type-hierarchy');
      item.tooltip = markdown(
        (g.inferred
          ? `**${escapeMarkdown(g.name)}** (inferred): named by a connector, defined by no document of the workspace.`
          : `**${escapeMarkdown(g.name)}**, routing group of ${escapeMarkdown(g.administrativeGroup)}: ${plural(g.servers.length, 'server')}, ${plural(g.connectors.length, 'connector')}.`) +
          problemsMarkdown(g.firstProblems, problems),
      );
      item.contextValue = g.inferred ? 'routingGroup.inferred' : 'routingGroup';
      item.command = open(g.location, 'Open the routing group');
      return item;
    }
    case 'server': {
      const s = node.server;
      const item = new vscode.TreeItem(s.name, s.virtualServers.length ? Collapsed : None);
      item.description = [s.fqdn, s.version ? `Exchange ${s.version}` : ''].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon('server');
      item.contextValue = 'server';
      item.command = open(s.location, 'Open the server');
      return item;
    }
    case 'virtualServer': {
      const item = new vscode.TreeItem(node.name, None);
      item.description = 'SMTP virtual server';
      item.iconPath = new vscode.ThemeIcon('server-process');
      item.contextValue = 'virtualServer';
      item.command = open(node.server.location, 'Open the server');
      return item;
    }
    case 'connector': {
      const c = node.connector;
      const spaces = c.addressSpaces ?? [];
      const item = new vscode.TreeItem(c.name, c.connected.length + spaces.length ? Collapsed : None);
      const parts = [
        ...c.connected.map((x) => `→ ${connectedLabel(x)} (${costText(x)})`),
        ...spaces.map((a) => `${a.type === 'SMTP' ? '' : `${a.type}:`}${a.address} (${costText(a)})`),
      ];
      const described = parts.length ? parts.join(', ') : 'no connected group or address space';
      item.description = c.kind === 'RoutingGroupConnector' ? `RGC ${described}` : described;
      const icon = {
        complete: ['pass', 'testing.iconPassed'],
        oneSided: ['warning', 'list.warningForeground'],
        errors: ['error', 'list.errorForeground'],
      }[c.status];
      item.iconPath = new vscode.ThemeIcon(icon[0], new vscode.ThemeColor(icon[1]));
      const details = [...(c.restrictions ?? []), ...(c.schedule ? [c.schedule] : [])].map((l) => `- ${escapeMarkdown(l)}`);
      const kind = c.kind === 'RoutingGroupConnector' ? 'Routing Group Connector' : 'SMTP connector';
      item.tooltip = markdown(
        `**${escapeMarkdown(c.name)}** (${kind}): ${escapeMarkdown(linkStatusText(c, node.oneSidedTo))}` +
          (details.length ? `\n\n${details.join('\n')}` : '') +
          problemsMarkdown(c.firstProblems, c.problems.errors + c.problems.warnings),
      );
      item.contextValue = `connector.${c.status}`;
      item.command = open(c.location, 'Open the connector');
      return item;
    }
    case 'connected': {
      const c = node.connected;
      const item = new vscode.TreeItem(connectedLabel(c), None);
      item.description = costText(c);
      item.iconPath =
        c.invalidCost !== undefined
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
          : new vscode.ThemeIcon('arrow-right');
      item.tooltip = c.routingGroup
        ? `${c.routingGroup} (${c.administrativeGroup ?? 'same administrative group'}), ${costText(c)}`
        : `Exchange 5.5 site, ${costText(c)}`;
      item.contextValue = 'connectedGroup';
      item.command = open(node.target?.location ?? node.connector.location, 'Open the definition');
      return item;
    }
    case 'addressSpace': {
      const a = node.space;
      const item = new vscode.TreeItem(a.type === 'SMTP' ? a.address : `${a.type}: ${a.address}`, None);
      const scope = node.connector.scope === 'routingGroup' ? 'routing group' : 'organization';
      item.description = `${costText(a)} · ${scope}`;
      item.iconPath =
        a.invalidCost !== undefined
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
          : new vscode.ThemeIcon('globe');
      item.tooltip = `Address space ${a.type}:${a.address} of ${node.connector.name}, ${costText(a)}, scope: ${scope === 'organization' ? 'the organization' : 'its routing group only'}`;
      item.contextValue = 'addressSpace';
      item.command = open(node.connector.location, 'Open the connector');
      return item;
    }
  }
}

/** Where a tree node is defined, if anywhere (an administrative group or an inferred routing group is defined nowhere). */
export function nodeLocation(node: TreeNode): Location | undefined {
  switch (node.type) {
    case 'organization':
      return node.location;
    case 'administrativeGroup':
      return undefined;
    case 'routingGroup':
      return node.group.location;
    case 'server':
      return node.server.location;
    case 'virtualServer':
      return node.server.location;
    case 'connector':
    case 'addressSpace':
      return node.connector.location;
    case 'connected':
      return node.target?.location ?? node.connector.location;
  }
}
