/** Every command of the extension, each saying plainly when the server is not running. */
import * as vscode from 'vscode';
import type { Location } from 'vscode-languageserver-types';
import {
  RouteRequest,
  RouteTargetProblemRequest,
  ServerStatusRequest,
  TopologyRequest,
  type ConnectorNode,
  type RouteQuery,
} from '../../shared/protocol';
import { ConnectorClient, ServerNotRunningError } from './client';
import { askNewConnector, allGroups, writeNewConnector, type NewConnectorArgs } from './newConnector';
import { createReciprocal } from './reciprocal';
import { formatRoute } from './route';
import { writeSample } from './sample';
import { importFromLdif, ImportReports, type ImportArgs } from './importLdif';
import { describeStatus } from './status';
import { nodeLocation, OPEN_LOCATION, type TopologyTree, type TreeNode } from './treeView';
import type { TopologyDiagram } from './diagramPanel';
import { askRouteQuery, routeStartOf } from './traceQuestions';
import { showRuleDocumentation } from './ruleDocs';

type Handler = (...args: any[]) => Promise<unknown>;

export function registerCommands(
  connector: ConnectorClient,
  tree: TopologyTree,
  diagram: TopologyDiagram,
  extensionUri: vscode.Uri,
): vscode.Disposable[] {
  const routes = vscode.window.createOutputChannel('Exchange Connectors: Routes');
  const reports = new ImportReports();

  // A missing server is a plain message with a way out, never a raw "command failed".
  const guard =
    (fn: Handler): Handler =>
    async (...args) => {
      try {
        return await fn(...args);
      } catch (e) {
        if (e instanceof ServerNotRunningError) {
          const choice = await vscode.window.showErrorMessage(
            `${e.message} Restart it, or see the "Exchange Connectors" output.`,
            'Restart',
            'Show Output',
          );
          if (choice === 'Restart') await connector.restart();
          if (choice === 'Show Output') connector.output.show();
          return undefined;
        }
        const message = e instanceof Error ? e.message : String(e);
        connector.output.appendLine(message);
        void vscode.window.showErrorMessage(message);
        return undefined;
      }
    };
  const topology = () => connector.request(TopologyRequest);

  const commands: Record<string, Handler> = {
    'exchangeConnectors.restartServer': async () => {
      await connector.restart();
      if (connector.state !== 'running')
        throw new Error(`The language server did not start: ${connector.error ?? 'see the "Exchange Connectors" output'}.`);
      return connector.state;
    },

    'exchangeConnectors.refreshTopology': async () => tree.refresh(),

    [OPEN_LOCATION]: async (location: Location, column?: vscode.ViewColumn) => {
      const r = location.range;
      await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), {
        selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
        preview: true,
        ...(column !== undefined ? { viewColumn: column } : {}),
      });
      return location;
    },

    'exchangeConnectors.showTopology': async () => diagram.show(),

    'exchangeConnectors.showRuleDocumentation': async (code?: string) =>
      showRuleDocumentation(extensionUri, typeof code === 'string' ? code : undefined),

    'exchangeConnectors.openNode': async (node: TreeNode) => {
      const location = nodeLocation(node);
      if (!location) throw new Error('This item is defined in no file.');
      return vscode.commands.executeCommand(OPEN_LOCATION, location);
    },

    'exchangeConnectors.revealInExplorer': async (node: TreeNode) => {
      const location = nodeLocation(node);
      if (!location) throw new Error('This item is defined in no file.');
      await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(location.uri));
      return location.uri;
    },

    'exchangeConnectors.showInDiagram': async (node: TreeNode) => {
      switch (node.type) {
        case 'routingGroup':
        case 'server':
          return diagram.reveal('group', node.group.name);
        case 'connector':
        case 'addressSpace':
          return diagram.reveal('connector', node.connector.name);
        case 'connected':
          return diagram.reveal('connector', node.connector.name);
        default:
          return diagram.show();
      }
    },

    'exchangeConnectors.traceFromHere': async (node: TreeNode) =>
      vscode.commands.executeCommand('exchangeConnectors.traceRoute', routeStartOf(node)),

    'exchangeConnectors.checkWorkspace': async () => {
      const status = await connector.request(ServerStatusRequest);
      // Opens and focuses the Problems panel; workbench.actions.view.problems would close it when it is open.
      await vscode.commands.executeCommand('workbench.action.problems.focus');
      void vscode.window.showInformationMessage(`Exchange connectors checked: ${describeStatus(status)}.`);
      return status;
    },

    'exchangeConnectors.traceRoute': async (arg?: Partial<RouteQuery> | TreeNode) => {
      const given: Partial<RouteQuery> = arg && 'type' in arg ? routeStartOf(arg) : (arg ?? {});
      const query = await askRouteQuery(await topology(), given, (text) => connector.request(RouteTargetProblemRequest, text));
      if (!query) return undefined;
      const result = await connector.request(RouteRequest, query);
      // The route is drawn on the diagram, its text in the diagram's side panel; the output channel keeps a log.
      routes.appendLine(formatRoute(query, result));
      routes.appendLine('');
      await diagram.show(query);
      return result;
    },

    'exchangeConnectors.newConnector': async (arg?: Partial<NewConnectorArgs> | TreeNode) => {
      const t = await topology();
      const given: Partial<NewConnectorArgs> =
        arg && 'type' in arg
          ? arg.type === 'routingGroup'
            ? { routingGroup: arg.group.name, administrativeGroup: arg.group.administrativeGroup }
            : {}
          : (arg ?? {});
      if (!allGroups(t).some((g) => !g.inferred && g.servers.length)) {
        throw new Error('Define a routing group with a server first (a *.routinggroup.yaml file), or run "Create a Sample Organization".');
      }
      const args = await askNewConnector(t, given);
      if (!args) return undefined;
      const uris = await writeNewConnector(t, args);
      // The connector back (when written) in its own tab, the connector itself in front.
      for (const uri of [...uris].reverse()) await vscode.window.showTextDocument(uri, { preview: false });
      return uris;
    },

    'exchangeConnectors.createReciprocalConnector': async (arg?: TreeNode | ConnectorNode) => {
      let node: ConnectorNode | undefined = arg && 'type' in arg ? (arg.type === 'connector' ? arg.connector : undefined) : arg;
      if (!node) {
        const oneSided = allGroups(await topology()).flatMap((g) =>
          g.connectors.filter((c) => c.status === 'oneSided').map((c) => ({ label: c.name, description: g.name, connector: c })),
        );
        if (!oneSided.length) {
          void vscode.window.showInformationMessage('Every connector between routing groups has a reciprocal connector.');
          return undefined;
        }
        const pick = await vscode.window.showQuickPick(oneSided, {
          title: 'Create the Reciprocal Connector',
          placeHolder: 'A connector whose remote routing group has no connector back',
        });
        if (!pick) return undefined;
        node = pick.connector;
      }
      if (connector.state !== 'running') throw new ServerNotRunningError();
      const outcome = await createReciprocal(node);
      if ('none' in outcome) {
        void vscode.window.showInformationMessage(outcome.none);
        connector.output.appendLine(outcome.none);
        return outcome.none;
      }
      await vscode.window.showTextDocument(outcome.created[0]);
      return outcome.created;
    },

    'exchangeConnectors.importLdif': async (args?: ImportArgs) => {
      if (connector.state !== 'running') throw new ServerNotRunningError();
      return importFromLdif(connector, reports, args ?? {});
    },

    'exchangeConnectors.createSampleOrganization': async (folderArg?: vscode.Uri) => {
      const folder = folderArg ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!folder) throw new Error('Open a folder first: the sample organization is written into it.');
      const written = await writeSample(folder);
      if (!written.length) {
        void vscode.window.showInformationMessage("The sample organization's files are already there.");
        return written;
      }
      const first = written.find((u) => u.path.endsWith('.connector.yaml')) ?? written[0];
      await vscode.window.showTextDocument(first);
      return written;
    },
  };

  return [routes, reports, ...Object.entries(commands).map(([id, fn]) => vscode.commands.registerCommand(id, guard(fn)))];
}
