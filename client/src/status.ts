/**
 * The language status item: the server's health, and the number of files and
 * problems it knows, with a restart action. Updated on events only (health,
 * topology or diagnostics changes), never by polling.
 */
import * as vscode from 'vscode';
import { ServerStatusRequest, type ServerStatus } from '../../shared/protocol';
import type { ConnectorClient } from './client';
import { LANGUAGE_ID } from './files';

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private last: ServerStatus | undefined;

  constructor(private readonly connector: ConnectorClient) {
    this.item = vscode.languages.createLanguageStatusItem('exchangeConnectors.status', { language: LANGUAGE_ID });
    this.item.name = 'Exchange Connectors';
    this.item.command = { title: 'Restart', command: 'exchangeConnectors.restartServer', tooltip: 'Restart the language server' };
    this.subscriptions.push(
      connector.onDidChangeHealth(() => this.refreshSoon()),
      connector.onDidChangeTopology(() => this.refreshSoon()),
      // Problems change far more often than people read them: gather a burst into one request.
      vscode.languages.onDidChangeDiagnostics(() => this.refreshSoon()),
    );
    this.refreshSoon();
  }

  /** The last status the server gave (for tests and the check command). */
  get status(): ServerStatus | undefined {
    return this.last;
  }

  refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 250);
  }

  async refresh(): Promise<void> {
    this.timer = undefined;
    const health = this.connector.state;
    this.item.busy = health === 'starting';
    if (health !== 'running') {
      this.last = undefined;
      this.item.severity = health === 'starting' ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Error;
      this.item.text = health === 'starting' ? '$(sync~spin) exconn starting' : '$(error) exconn stopped';
      this.item.detail =
        health === 'failed'
          ? `The language server failed: ${this.connector.error ?? 'see the output'}`
          : health === 'starting'
            ? 'The language server is starting'
            : 'The language server is not running';
      return;
    }
    try {
      const status = await this.connector.request(ServerStatusRequest);
      this.last = status;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.text = `$(check) exconn: ${describeStatus(status)}`;
      this.item.detail = 'The language server is running';
    } catch (e) {
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      this.item.text = '$(warning) exconn running';
      this.item.detail = `The server gave no status: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** `3 files, 1 error, 2 warnings` */
export function describeStatus(status: ServerStatus): string {
  return `${plural(status.files, 'file')}, ${plural(status.problems.errors, 'error')}, ${plural(status.problems.warnings, 'warning')}`;
}
