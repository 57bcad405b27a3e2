/** The extension's entry points: wire the client, status item, tree and commands together. */
import * as vscode from 'vscode';
import { ConnectorClient } from './client';
import { registerCommands } from './commands';
import { trackConnectorFiles } from './files';
import { StatusItem } from './status';
import { TopologyTree, treeItem, type TreeNode } from './treeView';
import { TopologyDiagram } from './diagramPanel';
import type { DiagramView, Topology } from '../../shared/protocol';

let connector: ConnectorClient | undefined;

/** What activate returns: for the end-to-end tests, which read the tree as VS Code shows it. */
export interface ExtensionApi {
  serverState(): string;
  /** The topology as the server gives it to the tree. */
  topology(): Promise<Topology | undefined>;
  /** The tree's items, depth first, as `indent + label — description`. */
  treeLines(): Promise<string[]>;
  /** What the Routing Topology view shows (undefined when it is closed). */
  diagram(): DiagramView | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel('Exchange Connectors', { log: true });
  connector = new ConnectorClient(context.asAbsolutePath('dist/server.js'), output);
  const tree = new TopologyTree(connector);
  const view = vscode.window.createTreeView('exchangeConnectors.topology', { treeDataProvider: tree, showCollapseAll: true });
  tree.showIn(view);
  const diagram = new TopologyDiagram(context.extensionUri, connector, () =>
    vscode.commands.executeCommand('exchangeConnectors.traceRoute'),
  );
  context.subscriptions.push(
    output,
    connector,
    tree,
    view,
    diagram,
    new StatusItem(connector),
    trackConnectorFiles(),
    ...registerCommands(connector, tree, diagram, context.extensionUri),
  );
  await connector.start();
  return {
    serverState: () => connector?.state ?? 'stopped',
    topology: () => tree.load(),
    diagram: () => diagram.view,
    treeLines: async () => {
      const out: string[] = [];
      const walk = async (node: TreeNode | undefined, depth: number) => {
        for (const child of await tree.getChildren(node)) {
          const item = treeItem(child);
          const label = typeof item.label === 'string' ? item.label : item.label?.label;
          out.push(`${'  '.repeat(depth)}${label}${item.description ? ` — ${item.description}` : ''}`);
          await walk(child, depth + 1);
        }
      };
      await walk(undefined, 0);
      return out;
    },
  };
}

export async function deactivate(): Promise<void> {
  await connector?.stop();
}
