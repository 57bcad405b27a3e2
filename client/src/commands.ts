/** Every command of the extension, each saying plainly when the server is not running. */
import * as vscode from 'vscode';
import type { Location } from 'vscode-languageserver-types';
import { RouteRequest, ServerStatusRequest, TopologyRequest, type ConnectorNode, type RouteQuery } from '../../shared/protocol';
import { ConnectorClient, ServerNotRunningError } from './client';
import { askNewConnector, allGroups, writeNewConnector, type NewConnectorArgs } from './newConnector';
import { createReciprocal } from './reciprocal';
import { formatRoute } from './route';
import { writeSample } from './sample';
import { importFromLdif, ImportReports, type ImportArgs } from './importLdif';
import { describeStatus } from './status';
import { OPEN_LOCATION, type TopologyTree, type TreeNode } from './treeView';

type Handler = (...args: any[]) => Promise<unknown>;

export function registerCommands(connector: ConnectorClient, tree: TopologyTree): vscode.Disposable[] {
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

    [OPEN_LOCATION]: async (location: Location) => {
      const r = location.range;
      await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), {
        selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
        preview: true,
      });
    },

    'exchangeConnectors.checkWorkspace': async () => {
      const status = await connector.request(ServerStatusRequest);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(`Exchange connectors checked: ${describeStatus(status)}.`);
      return status;
    },

    'exchangeConnectors.traceRoute': async (arg?: Partial<RouteQuery> | TreeNode) => {
      const given: Partial<RouteQuery> =
        arg && 'type' in arg
          ? arg.type === 'routingGroup'
            ? { from: `${arg.group.administrativeGroup}/${arg.group.name}` }
            : {}
          : (arg ?? {});
      let from = given.from;
      if (!from) {
        const groups = allGroups(await topology());
        if (!groups.length) throw new Error('The workspace defines no routing group to start from.');
        // A name used in several administrative groups is written ADMINISTRATIVE GROUP/NAME, as `exconn route` takes it.
        const ambiguous = (name: string) => groups.filter((g) => g.name.toLowerCase() === name.toLowerCase()).length > 1;
        const pick = await vscode.window.showQuickPick(
          groups.map((g) => ({
            label: g.name,
            description: g.administrativeGroup + (g.inferred ? ' (inferred)' : ''),
            from: ambiguous(g.name) ? `${g.administrativeGroup}/${g.name}` : g.name,
          })),
          { title: 'Trace a Route (1/2)', placeHolder: 'The routing group the message starts in' },
        );
        if (!pick) return undefined;
        from = pick.from;
      }
      let to = given.to;
      if (!to && !given.toGroup) {
        to = await vscode.window.showInputBox({
          title: 'Trace a Route (2/2)',
          prompt: `Deliver from ${from} to this e-mail address or domain`,
          placeHolder: 'someone@example.com',
          validateInput: (v) => (v.trim() ? undefined : 'Type an address such as someone@example.com'),
        });
        if (to === undefined) return undefined;
        to = to.trim();
      }
      const query: RouteQuery = { ...given, from, to };
      const result = await connector.request(RouteRequest, query);
      routes.appendLine(formatRoute(query, result));
      routes.appendLine('');
      routes.show(true);
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
      const uri = await writeNewConnector(t, args);
      await vscode.window.showTextDocument(uri);
      return uri;
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
