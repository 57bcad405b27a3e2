/**
 * The test-runner extension: installed beside the product in the end-to-end
 * run, it runs the API suite once when VS Code starts and writes the results
 * (JSON) to $EXCONN_E2E_RESULTS, or to .e2e-results.json in the workspace.
 */
import * as vscode from 'vscode';
import { existsSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { runSuite } from '../api/harness';
import { tests } from '../api/suite';

export async function activate(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const out = process.env.EXCONN_E2E_RESULTS || (folder ? join(folder, '.e2e-results.json') : undefined);
  // A page reload starts a new extension host: run only once.
  if (!out || existsSync(out) || existsSync(out + '.running')) return;
  writeFileSync(out + '.running', String(process.pid));
  const results = await runSuite(tests);
  writeFileSync(out + '.tmp', JSON.stringify(results, null, 2));
  renameSync(out + '.tmp', out);
}
