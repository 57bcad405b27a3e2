/**
 * "Create the Reciprocal Connector": applies the server's own quick fix for
 * `missing-reciprocal-connector`, so the editor, the tree and `--fix` write
 * the same file.
 */
import * as vscode from 'vscode';
import type { ConnectorNode } from '../../shared/protocol';

export const MISSING_RECIPROCAL = 'missing-reciprocal-connector';

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

/** The connector's `missing-reciprocal-connector` diagnostics, waiting (on events, up to `timeoutMs`) for them to arrive. */
async function reciprocalDiagnostics(uri: vscode.Uri, range: vscode.Range, timeoutMs: number): Promise<vscode.Diagnostic[]> {
  const find = () => {
    const all = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === MISSING_RECIPROCAL);
    const inside = all.filter((d) => range.contains(d.range) || d.range.intersection(range));
    return inside.length ? inside : all;
  };
  const now = find();
  if (now.length) return now;
  return new Promise((resolve) => {
    const done = (result: vscode.Diagnostic[]) => {
      sub.dispose();
      clearTimeout(timer);
      resolve(result);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const found = find();
      if (found.length) done(found);
    });
    const timer = setTimeout(() => done(find()), timeoutMs);
  });
}

export type ReciprocalOutcome = { created: vscode.Uri[] } | { none: string };

export async function createReciprocal(connector: ConnectorNode): Promise<ReciprocalOutcome> {
  const uri = vscode.Uri.parse(connector.location.uri);
  const r = connector.location.range;
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  // Opening the file makes sure the server has diagnosed it.
  await vscode.workspace.openTextDocument(uri);
  const diagnostics = await reciprocalDiagnostics(uri, range, 5000);
  if (!diagnostics.length)
    return { none: `"${connector.name}" needs no reciprocal connector: every connected routing group connects back.` };
  const created: vscode.Uri[] = [];
  for (const d of diagnostics) {
    // The last argument resolves lazily computed edits.
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        d.range,
        vscode.CodeActionKind.QuickFix.value,
        10,
      )) ?? [];
    // Actions that come back through the command may lose their diagnostics: the title is the fallback.
    const action =
      actions.find((a) => a.diagnostics?.some((x) => codeOf(x) === MISSING_RECIPROCAL && x.range.isEqual(d.range))) ??
      actions.find((a) => a.diagnostics?.some((x) => codeOf(x) === MISSING_RECIPROCAL)) ??
      actions.find((a) => /reciprocal/i.test(a.title));
    if (!action) continue;
    if (action.edit) {
      const before = new Set(action.edit.entries().map(([u]) => u.toString()));
      if (!(await vscode.workspace.applyEdit(action.edit))) continue;
      for (const u of before) {
        if (u === uri.toString()) continue;
        // The edit creates the file in the editor; the command's promise is a file on disk.
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(u));
        if (doc.isDirty) await doc.save();
        created.push(doc.uri);
      }
    }
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
  if (!created.length)
    return {
      none: `The server offers no reciprocal connector for "${connector.name}" (${diagnostics.length} missing-reciprocal-connector diagnostics).`,
    };
  return { created };
}
