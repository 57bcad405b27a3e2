import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  IPCMessageReader,
  IPCMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { ROOT, fixture } from './paths';
import { TopologyChangedNotification } from '../../shared/protocol';

/** The marker for cursor positions in fixture text: YAML gives it no meaning. */
export const CURSOR = '‸';

/** Text with ‸ markers: the text without them and each marker's position. */
export function marked(text: string): { text: string; positions: Position[] } {
  const positions: Position[] = [];
  let out = '';
  let line = 0;
  let col = 0;
  for (const ch of text) {
    if (ch === CURSOR) {
      positions.push({ line, character: col });
      continue;
    }
    out += ch;
    if (ch === '\n') {
      line++;
      col = 0;
    } else col += ch.length;
  }
  return { text: out, positions };
}

/** A copy of a fixture workspace in a temporary folder, so that tests may change files. */
export function tempWorkspace(name = 'workspace'): {
  dir: string;
  uri: (rel: string) => string;
  path: (rel: string) => string;
  dispose: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'exconn-lsp-'));
  cpSync(fixture('lsp', name), dir, { recursive: true });
  return {
    dir,
    uri: (rel) => pathToFileURL(join(dir, rel)).href,
    path: (rel) => join(dir, rel),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function initializeParams(kind: 'vscode' | 'minimal', folder: string): InitializeParams {
  const file = kind === 'vscode' ? 'vscode-1.99-initialize.json' : 'minimal-initialize.json';
  const p = JSON.parse(readFileSync(fixture('lsp', file), 'utf8')) as InitializeParams & { _recordedWith?: string };
  delete p._recordedWith;
  const uri = pathToFileURL(folder).href;
  return { ...p, processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'test' }] };
}

/**
 * The real server (dist/server.js --stdio) as a child process, spoken to over
 * JSON-RPC. It answers the server's requests to the client as an editor
 * would (configuration, registrations, progress, refresh) and keeps what
 * the server pushes.
 */
export class LspClient {
  readonly pushed = new Map<string, PublishDiagnosticsParams>();
  /** Every push, in the order received. */
  readonly pushes: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  /** The messages logged as errors (a handler or a rule that failed). */
  readonly errorLogs: string[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  refreshes = 0;
  /** How many client/registerCapability requests came, and what answers them (at once, by default). */
  registrations = 0;
  private registration: () => unknown = () => null;
  /** The URIs the server asked to show (window/showDocument), and the messages it showed (window/showMessage). */
  readonly shownDocuments: string[] = [];
  readonly shownMessages: string[] = [];
  /** The kinds of the work-done progress notifications received: begin, report…, end. */
  readonly progress: string[] = [];
  settings: Record<string, unknown> = {};
  /** The scopes of every workspace/configuration request, one list per request. */
  readonly configurationRequests: (string | undefined)[][] = [];
  private waiters: (() => void)[] = [];
  private exitCode: Promise<number | null>;
  initializeResult!: InitializeResult;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: ProtocolConnection,
  ) {
    this.exitCode = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.pushed.set(p.uri, p);
      this.pushes.push(p);
      this.wake();
    });
    conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p.message);
      if (p.type === 1) this.errorLogs.push(p.message);
    });
    conn.onNotification(TopologyChangedNotification.method, (params: object | undefined) => {
      this.notifications.push({ method: TopologyChangedNotification.method, params });
      this.wake();
    });
    conn.onRequest('workspace/configuration', (p: { items: { section?: string; scopeUri?: string }[] }) => {
      this.configurationRequests.push(p.items.map((i) => i.scopeUri));
      return p.items.map(() => this.settings);
    });
    conn.onRequest('client/registerCapability', () => {
      this.registrations++;
      return this.registration();
    });
    conn.onRequest('window/showDocument', (p: { uri: string }) => {
      this.shownDocuments.push(p.uri);
      this.wake();
      return { success: true };
    });
    conn.onNotification('window/showMessage', (p: { message: string }) => {
      this.shownMessages.push(p.message);
      this.wake();
    });
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.wake();
      return null;
    });
    conn.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
      this.progress.push(p.value?.kind ?? '');
      this.wake();
    });
    conn.listen();
  }

  /**
   * Starts the server: `dist/server.js --stdio` unless another script (the
   * package's bin) or node IPC is asked for.
   */
  static async start(
    params: InitializeParams,
    options: { script?: string; ipc?: boolean; registration?: () => unknown } = {},
  ): Promise<LspClient> {
    const script = options.script ?? join(ROOT, 'dist', 'server.js');
    const proc = options.ipc
      ? spawn(process.execPath, [script, '--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] })
      : spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = options.ipc
      ? createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc))
      : createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn);
    if (options.registration) client.registration = options.registration;
    proc.stderr!.on('data', (d) => client.logs.push(String(d)));
    client.initializeResult = await conn.sendRequest('initialize', params);
    await conn.sendNotification('initialized', {});
    return client;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Waits until the condition holds, re-checking whenever the server sends something. */
  async until<T>(what: string, check: () => T | undefined | false, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server log:\n${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits until the server has read the workspace folders (its "Loaded N connector files" log line), and returns N. */
  async loaded(timeoutMs = 30000): Promise<number> {
    const line = await this.until('the workspace loaded', () => this.logs.find((l) => l.startsWith('Loaded ')), timeoutMs);
    return Number(/^Loaded (\d+) /.exec(line)?.[1]);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'exchange-connector', version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Diagnostics pushed for a file, once one satisfying the check arrives. */
  pushedFor(
    uri: string,
    check: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams> {
    return this.until(
      `diagnostics for ${uri}`,
      () => {
        const p = this.pushed.get(uri);
        return p && check(p) ? p : undefined;
      },
      timeoutMs,
    );
  }

  /** Stops the server the way an editor does; resolves with its exit code. */
  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.notify('exit', null);
    const code = await this.exitCode;
    this.conn.dispose();
    return code;
  }

  /**
   * Stops the server and lets go of it: its pipes are closed and the process unreferenced, so that a server slow to
   * die (a loaded machine) cannot keep the test file's process alive after its tests passed; SIGKILL follows if it
   * has not exited in two seconds.
   */
  kill(): void {
    const proc = this.proc;
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill();
      setTimeout(() => {
        if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      }, 2000).unref();
    }
    this.conn.dispose();
    for (const stream of [proc.stdin, proc.stdout, proc.stderr]) stream?.destroy();
    if (proc.connected) proc.disconnect();
    proc.unref();
  }

  get running(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }
}
