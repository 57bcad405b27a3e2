/**
 * The end-to-end run in a real VS Code (code-server 4.99.4, VS Code 1.99.3)
 * driven through Debian's Chromium: the API suite runs inside the extension
 * host (results read from a file), then the page suite drives the workbench.
 * Failures leave a screenshot in .e2e/screenshots/; success refreshes
 * docs/screenshot.png.
 */
import { after, before, test } from 'node:test';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startCodeServer, stopCodeServer, waitUntil, type Session } from './codeServer';
import { Workbench } from './page/workbench';
import { pageTests, screenshot, topologyScreenshot } from './page/suite';
import type { ApiResult } from './api/harness';

const root = process.cwd();
const shots = join(root, '.e2e/screenshots');
let session: Session | undefined;
let browser: Browser | undefined;
let page: Page;
let wb: Workbench;
let results: ApiResult[] = [];
/** Any failure keeps the run's folder (code-server's log, the LSP trace, the workspace) for a post-mortem. */
let failed = false;

before(async () => {
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  session = await startCodeServer(root, [join(root, '.e2e/exchange-connector-tools.vsix'), join(root, '.e2e/exconn-e2e-runner.vsix')]);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  wb = new Workbench(page);
  // The workbench starts the extension host, which runs the API suite once.
  await page.goto(session.url);
  await wb.ready();
  const file = session.results;
  results = await waitUntil(
    "the API suite's results",
    () => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ApiResult[]) : undefined),
    300000,
  ).catch(async (e) => {
    await page.screenshot({ path: join(shots, 'api-suite-timeout.png') });
    throw new Error(`${e.message}; code-server log: ${session?.log}`);
  });
});

after(async () => {
  await browser?.close();
  await stopCodeServer(session);
  if (session && !failed && results.length && results.every((r) => r.ok))
    rmSync(session.dir, { recursive: true, force: true, maxRetries: 5 });
  else if (session) console.log(`# kept for a post-mortem: ${session.dir}`);
});

test('API suite, inside the extension host', async (t) => {
  if (!results.length) throw new Error('the API suite reported no result');
  for (const r of results) {
    await t.test(r.name, () => {
      if (!r.ok) throw new Error(r.error);
    });
  }
});

test('page suite, in the workbench', async (t) => {
  // Start from a quiet workbench: no dialog or editor left over from the API suite.
  const dontSave = page.locator('.monaco-dialog-box button', { hasText: "Don't Save" });
  if (await dontSave.isVisible()) await dontSave.click();
  await wb.command('View: Close All Editors');
  for (const pt of pageTests) {
    await t.test(pt.name, async () => {
      try {
        await pt.fn(wb, session!.workspace);
      } catch (e) {
        failed = true;
        await page.screenshot({ path: join(shots, `${pt.name.replace(/[^a-z0-9]+/gi, '-')}.png`) }).catch(() => undefined);
        await page.keyboard.press('Escape').catch(() => undefined);
        throw e;
      }
    });
  }
  await t.test('the README screenshot: tree, hover and Problems on examples/', async () => {
    await wb.command('View: Close All Editors');
    // Leave the examples alone in the workspace. The API suite opened the other files, and VS Code keeps a
    // closed editor's document open for a while (the server then keeps it too): a reload starts afresh.
    for (const folder of ['mistakes', 'e2e']) removeFiles(join(session!.workspace, folder));
    await page.reload();
    await wb.ready();
    try {
      await screenshot(wb, join(root, 'docs/screenshot.png'));
      await topologyScreenshot(wb, join(root, 'docs/topology.png'));
    } catch (e) {
      failed = true;
      await page.screenshot({ path: join(shots, 'readme-screenshot.png') }).catch(() => undefined);
      throw e;
    }
  });
});

function removeFiles(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) removeFiles(p);
    else unlinkSync(p);
  }
  rmSync(dir, { recursive: true, force: true });
}
