/**
 * With pull diagnostics, vscode-languageclient keeps the problems of open
 * documents shown in a tab only: when a document's last tab closes (a preview
 * replaced by the next click) it drops them, and it discards pulls for a
 * document open without a tab, although VS Code keeps such documents open, so
 * the server gets no didClose and goes on waiting for pulls. The file's
 * problems then leave the Problems panel while they still exist. This tells
 * the server which open connector files are in no tab (it pushes their
 * problems, as for closed files) and which are in one again (it withdraws the
 * push: the client pulls them).
 */
import * as vscode from 'vscode';
import type { DocumentVisibility } from '../../shared/protocol';

const CONNECTOR_FILE = /\.(connector|routinggroup|organization)\.ya?ml$/i;

export const isConnectorUri = (uri: vscode.Uri) => CONNECTOR_FILE.test(uri.path);

/** The connector files shown in a tab (a text editor or either side of a diff). */
export function inTabs(): Set<string> {
  const out = new Set<string>();
  for (const group of vscode.window.tabGroups.all)
    for (const tab of group.tabs) {
      const input = tab.input;
      const uris =
        input instanceof vscode.TabInputText
          ? [input.uri]
          : input instanceof vscode.TabInputTextDiff
            ? [input.original, input.modified]
            : [];
      for (const u of uris) if (isConnectorUri(u)) out.add(u.toString());
    }
  return out;
}

/** The open connector documents without a tab: what the server should push. */
export function openWithoutTab(): string[] {
  const shown = inTabs();
  return vscode.workspace.textDocuments.filter((d) => isConnectorUri(d.uri) && !shown.has(d.uri.toString())).map((d) => d.uri.toString());
}

/** Calls `changed` with the connector files that left every tab and those that came back into one. */
export function watchTabs(changed: (v: DocumentVisibility) => void): vscode.Disposable {
  let shown = inTabs();
  return vscode.window.tabGroups.onDidChangeTabs(() => {
    const now = inTabs();
    const hidden = [...shown].filter((u) => !now.has(u));
    const back = [...now].filter((u) => !shown.has(u));
    shown = now;
    if (hidden.length || back.length) changed({ hidden, shown: back });
  });
}
