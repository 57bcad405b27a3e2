/** A fresh code-server for one run: its own user data, extensions and workspace copy, stopped by its process id. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Session {
  url: string;
  dir: string;
  workspace: string;
  userData: string;
  results: string;
  log: string;
  process: ChildProcess;
}

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
  'editor.lightbulb.enabled': 'on',
  'files.autoSave': 'off',
  'workbench.colorTheme': 'Default Dark Modern',
  // The LSP traffic goes to the extension's log under the user-data folder, for post-mortems (at code-server's default
  // log level: the setting alone shows it, which the API suite checks).
  'exchangeConnectors.trace.server': 'messages',
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(root: string, vsixes: string[]): Promise<Session> {
  const bin = join(root, '.e2e/runtime/node_modules/.bin/code-server');
  const dir = mkdtempSync(join(tmpdir(), 'exconn-e2e-'));
  const workspace = join(dir, 'workspace');
  const userData = join(dir, 'user-data');
  const extensions = join(dir, 'extensions');
  // The workspace: the examples at the top, the mistakes fixtures and the e2e fixture beside them.
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  cpSync(join(root, 'test/fixtures/mistakes'), join(workspace, 'mistakes'), { recursive: true });
  cpSync(join(root, 'test/e2e/workspace'), join(workspace, 'e2e'), { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify(SETTINGS, null, 2));

  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  for (const vsix of vsixes)
    execFileSync(bin, [...common, '--install-extension', vsix], {
      stdio: 'pipe',
      env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config') },
    });

  const port = await freePort();
  const results = join(dir, 'api-results.json');
  const log = join(dir, 'code-server.log');
  const out = openSync(log, 'a');
  const child = spawn(
    bin,
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      ...common,
      workspace,
    ],
    {
      // Its own process group, so that stopping it stops its extension hosts too.
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...process.env, EXCONN_E2E_RESULTS: results, XDG_CONFIG_HOME: join(dir, 'config') },
    },
  );
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
  await waitUntil(
    'code-server to answer',
    async () => {
      if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${log}`);
      const r = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      return r?.ok ? true : undefined;
    },
    60000,
  );
  return { url, dir, workspace, userData, results, log, process: child };
}

/** Stops code-server's process group by its id and waits for it to exit (killing it after 10 s). */
export async function stopCodeServer(session: Session | undefined): Promise<void> {
  const child = session?.process;
  const pid = child?.pid;
  if (!child || !pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      child.kill(sig);
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}

/** Re-checks a condition (every 200 ms) until it holds; the interval is a polling step, never a wait for time to pass. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
