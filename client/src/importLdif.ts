/**
 * "Import from an LDIF Export…": asks for the export, the target folder and
 * the time zone, has the language server convert the export (the engine of
 * `exconn import`), writes the files (never over one without asking), then
 * opens the report in a document.
 */
import * as vscode from 'vscode';
import { ImportLdifRequest, type ImportLdifParams } from '../../shared/protocol';
import type { ConnectorClient } from './client';
import { exists } from './files';
import { parseTimezone, safeSegments, timezoneOf } from './importPlan';

export interface ImportArgs {
  export?: vscode.Uri;
  folder?: vscode.Uri;
  /** `±HH:MM`. */
  timezone?: string;
  /** Replace files that exist without asking (for scripts and tests). */
  overwrite?: boolean;
}

export interface ImportOutcome {
  written: vscode.Uri[];
  report: vscode.TextDocument;
}

const TITLE = 'Import from an LDIF Export';
const REPORT_SCHEME = 'exconn-import-report';

/**
 * Reports open as read-only documents of their own scheme: not untitled
 * files, so nothing asks to save them (and "Save All" passes them by).
 */
export class ImportReports implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);
  private count = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  async open(text: string, source: vscode.Uri): Promise<vscode.TextDocument> {
    const name = source.path.slice(source.path.lastIndexOf('/') + 1);
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${++this.count}/Import of ${name}.log` });
    this.texts.set(uri.toString(), text);
    return vscode.workspace.openTextDocument(uri);
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}

export async function importFromLdif(
  connector: ConnectorClient,
  reports: ImportReports,
  given: ImportArgs = {},
): Promise<ImportOutcome | undefined> {
  const source =
    given.export ??
    (
      await vscode.window.showOpenDialog({
        title: `${TITLE} (1/3): the ldifde export`,
        canSelectMany: false,
        filters: { 'LDIF exports': ['ldf', 'ldif', 'txt'], 'All files': ['*'] },
        openLabel: 'Import',
      })
    )?.[0];
  if (!source) return undefined;
  const folder =
    given.folder ??
    (
      await vscode.window.showOpenDialog({
        title: `${TITLE} (2/3): the folder to write the organization into`,
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        openLabel: 'Write Here',
      })
    )?.[0];
  if (!folder) return undefined;
  const timezone =
    given.timezone ??
    (await vscode.window.showInputBox({
      title: `${TITLE} (3/3): the time zone of schedules`,
      prompt:
        'Active Directory keeps connection schedules in UTC; they are written at this offset from UTC (daylight saving time is not applied).',
      value: timezoneOf(new Date()),
      validateInput: (v) => (parseTimezone(v) === undefined ? 'Type an offset such as +01:00 or -05:00, on a quarter hour' : undefined),
    }));
  if (timezone === undefined) return undefined;
  const offsetMinutes = parseTimezone(timezone);
  if (offsetMinutes === undefined) throw new Error(`'${timezone}' is not an offset such as +01:00 or -05:00 on a quarter hour.`);

  const bytes = await vscode.workspace.fs.readFile(source);
  const params: ImportLdifParams = { exportBase64: Buffer.from(bytes).toString('base64'), offsetMinutes };
  const result = await connector.request(ImportLdifRequest, params);
  const report = await reports.open(result.report, source);
  if (!result.found) {
    await vscode.window.showTextDocument(report);
    throw new Error(`${vscode.workspace.asRelativePath(source)} holds no Exchange organization: nothing was written.`);
  }
  const targets = result.files.map((f) => {
    const segments = safeSegments(f.path);
    if (!segments) throw new Error(`Refusing to write outside the folder: ${f.path}`);
    return { uri: vscode.Uri.joinPath(folder, ...segments), text: f.text };
  });
  const existing: vscode.Uri[] = [];
  for (const t of targets) if (await exists(t.uri)) existing.push(t.uri);
  if (existing.length && !given.overwrite) {
    const choice = await vscode.window.showWarningMessage(
      `${existing.length} of the ${targets.length} files exist already in ${vscode.workspace.asRelativePath(folder)}. Replace them?`,
      { modal: true },
      'Replace',
    );
    if (choice !== 'Replace') return undefined;
  }
  for (const t of targets) await vscode.workspace.fs.writeFile(t.uri, new TextEncoder().encode(t.text));
  await vscode.window.showTextDocument(report);
  return { written: targets.map((t) => t.uri), report };
}
