/**
 * Rule documentation, rendered: docs/rules.md (shipped in the .vsix) in VS
 * Code's Markdown preview, scrolled to the code's own section. The server's
 * code links point at the file (`…/docs/rules.md#code`, right for any editor);
 * VS Code would open that as raw text at line 1, so the client turns them into
 * links to this command.
 */
import * as vscode from 'vscode';

export const SHOW_RULE_DOCUMENTATION = 'exchangeConnectors.showRuleDocumentation';

/** A code as codes.ts writes them: anything else is not a section of rules.md. */
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Opens the rule documentation (at a code's section when given) and returns what it opened. */
export async function showRuleDocumentation(extensionUri: vscode.Uri, code?: string): Promise<vscode.Uri> {
  const doc = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');
  const target = code && CODE.test(code) ? doc.with({ fragment: code }) : doc;
  try {
    await vscode.commands.executeCommand('markdown.showPreview', target);
  } catch {
    // VS Code's Markdown extension disabled: the file itself, read-only, at the section's heading.
    const text = await vscode.workspace.openTextDocument(doc);
    const line = Math.max(0, code ? text.getText().split(/\r?\n/).indexOf(`### \`${code}\``) : 0);
    const at = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(text, { selection: new vscode.Range(at, at), preview: true });
    await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
  }
  return target;
}

/** A diagnostic whose code links to a section of docs/rules.md links to the command instead (the same diagnostic, changed). */
export function withRuleLink(d: vscode.Diagnostic): vscode.Diagnostic {
  const c = d.code;
  if (typeof c !== 'object' || !c.target.path.endsWith('/docs/rules.md') || !CODE.test(c.target.fragment)) return d;
  const args = encodeURIComponent(JSON.stringify([c.target.fragment]));
  d.code = { value: c.value, target: vscode.Uri.parse(`command:${SHOW_RULE_DOCUMENTATION}?${args}`) };
  return d;
}
