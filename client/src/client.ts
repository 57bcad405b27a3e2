/**
 * Starts, restarts and talks to the language server (dist/server.js over
 * stdio). Everything else asks it through `request`, which says plainly when
 * the server is not running instead of failing with a protocol error.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import type { RequestType, RequestType0 } from 'vscode-languageclient/node';
import { DocumentVisibilityNotification, TopologyChangedNotification, type DocumentVisibility } from '../../shared/protocol';
import { inTabs, isConnectorUri, openWithoutTab, watchTabs } from './hiddenDocuments';
import { CONNECTOR_FILES_GLOB, LANGUAGE_ID } from './files';
import { traceChannel } from './traceChannel';
import { withRuleLink } from './ruleDocs';

export class ServerNotRunningError extends Error {
  constructor() {
    super('The Exchange connector language server is not running.');
  }
}

export type ServerHealth = 'starting' | 'running' | 'stopped' | 'failed';

export class ConnectorClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  /** Watches the editor tabs for open documents without one (hiddenDocuments.ts). */
  private tabs: vscode.Disposable | undefined;
  private health: ServerHealth = 'stopped';
  private lastError: string | undefined;
  private readonly healthEmitter = new vscode.EventEmitter<ServerHealth>();
  private readonly topologyEmitter = new vscode.EventEmitter<void>();
  /** Fires when the server's health changes. */
  readonly onDidChangeHealth = this.healthEmitter.event;
  /** Fires when the server says the topology changed (never polled). */
  readonly onDidChangeTopology = this.topologyEmitter.event;

  /** The output channel as the client's trace channel sees it (traceChannel.ts). */
  private readonly trace: vscode.LogOutputChannel;

  constructor(
    private readonly serverModule: string,
    readonly output: vscode.LogOutputChannel,
  ) {
    this.trace = traceChannel(output, 'exchangeConnectors');
  }

  get state(): ServerHealth {
    return this.health;
  }

  get error(): string | undefined {
    return this.lastError;
  }

  async start(): Promise<void> {
    if (this.client) return;
    const serverOptions: ServerOptions = {
      run: { module: this.serverModule, transport: TransportKind.stdio },
      debug: { module: this.serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    this.watcher?.dispose();
    const watcher = vscode.workspace.createFileSystemWatcher(CONNECTOR_FILES_GLOB);
    this.watcher = watcher;
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: LANGUAGE_ID }],
      synchronize: { configurationSection: 'exchangeConnectors', fileEvents: watcher },
      outputChannel: this.output,
      // exchangeConnectors.trace.server alone shows the traffic (traceChannel.ts).
      traceOutputChannel: this.trace,
      // Hovers and completion documentation show names from the files: no command links, no HTML.
      markdown: { isTrusted: false, supportHtml: false },
      middleware: {
        // A code link opens the rule's section rendered (ruleDocs.ts), pulled or pushed alike.
        provideDiagnostics: async (document, previousResultId, token, next) => {
          const report = await next(document, previousResultId, token);
          if (report?.kind === 'full') report.items = report.items.map(withRuleLink);
          return report;
        },
        handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(withRuleLink)),
        // A document opened without a tab (by a command, or kept open by VS Code) has its problems pushed.
        didOpen: async (document, next) => {
          await next(document);
          if (isConnectorUri(document.uri) && !inTabs().has(document.uri.toString()))
            this.sendVisibility(client, { hidden: [document.uri.toString()], shown: [] });
        },
      },
    };
    const client = new LanguageClient('exchangeConnectors', 'Exchange Connectors', serverOptions, clientOptions);
    this.client = client;
    client.onNotification(TopologyChangedNotification, () => this.topologyEmitter.fire());
    client.onDidChangeState((e) => {
      if (client !== this.client) return;
      if (e.newState === State.Running) this.setHealth('running');
      else if (e.newState === State.Starting) this.setHealth('starting');
      else this.setHealth(this.health === 'failed' ? 'failed' : 'stopped');
    });
    this.setHealth('starting');
    try {
      await client.start();
      this.tabs?.dispose();
      this.tabs = watchTabs((v) => this.sendVisibility(client, v));
      const tabless = openWithoutTab();
      if (tabless.length) this.sendVisibility(client, { hidden: tabless, shown: [] });
      this.lastError = undefined;
      this.setHealth('running');
    } catch (e) {
      this.lastError = e instanceof Error ? e.message : String(e);
      this.output.appendLine(`The language server did not start: ${this.lastError}`);
      this.setHealth('failed');
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.watcher?.dispose();
    this.watcher = undefined;
    this.tabs?.dispose();
    this.tabs = undefined;
    if (!client) return;
    try {
      if (client.isRunning()) await client.stop(5000);
    } catch (e) {
      this.output.appendLine(`Stopping the language server: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.setHealth('stopped');
  }

  async restart(): Promise<void> {
    this.output.appendLine('Restarting the language server.');
    await this.stop();
    await this.start();
    this.topologyEmitter.fire();
  }

  /** Tells the server which open connector files left every tab, or came back (client/src/hiddenDocuments.ts). */
  private sendVisibility(client: LanguageClient, v: DocumentVisibility): void {
    if (client.isRunning()) client.sendNotification(DocumentVisibilityNotification, v).catch(() => undefined);
  }

  /** Sends a custom request of shared/protocol.ts; throws ServerNotRunningError when there is no running server. */
  async request<R>(type: RequestType0<R, void>): Promise<R>;
  async request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  async request<P, R>(type: RequestType0<R, void> | RequestType<P, R, void>, params?: P): Promise<R> {
    const client = this.client;
    if (!client || !client.isRunning()) throw new ServerNotRunningError();
    return type.numberOfParams === 0
      ? client.sendRequest(type as RequestType0<R, void>)
      : client.sendRequest(type as RequestType<unknown, R, void>, params);
  }

  dispose(): void {
    void this.stop();
    this.trace.dispose();
    this.healthEmitter.dispose();
    this.topologyEmitter.dispose();
  }

  private setHealth(health: ServerHealth): void {
    if (health === this.health) return;
    this.health = health;
    void vscode.commands.executeCommand('setContext', 'exchangeConnectors.serverRunning', health === 'running');
    this.healthEmitter.fire(health);
  }
}
