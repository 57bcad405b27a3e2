/** The connector files of the workspace, as docs/format.md's globs name them. */
import * as vscode from 'vscode';

export const LANGUAGE_ID = 'exchange-connector';
export const CONNECTOR_FILES_GLOB = '**/*.{connector,routinggroup,organization}.{yaml,yml}';
const EXCLUDE = '{**/node_modules/**,**/.*/**}';

/** Keeps the context key `exchangeConnectors.hasFiles` true while the workspace has a connector file (for the welcome view). */
export function trackConnectorFiles(): vscode.Disposable {
  const update = async () => {
    const found = await vscode.workspace.findFiles(CONNECTOR_FILES_GLOB, EXCLUDE, 1);
    await vscode.commands.executeCommand('setContext', 'exchangeConnectors.hasFiles', found.length > 0);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(CONNECTOR_FILES_GLOB, false, true, false);
  watcher.onDidCreate(update);
  watcher.onDidDelete(update);
  const folders = vscode.workspace.onDidChangeWorkspaceFolders(update);
  void update();
  return vscode.Disposable.from(watcher, folders);
}

/** The first of `base.ext`, `base-2.ext`, … that does not exist in `folder`: never overwrite a file. */
export async function freeFileName(folder: vscode.Uri, base: string, ext: string): Promise<vscode.Uri> {
  for (let i = 1; ; i++) {
    const uri = vscode.Uri.joinPath(folder, `${base}${i === 1 ? '' : `-${i}`}${ext}`);
    if (!(await exists(uri))) return uri;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
