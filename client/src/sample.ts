/** "Create a Sample Organization": writes the shipped sample into a workspace folder, never over a file. */
import * as vscode from 'vscode';
import { exists } from './files';
import { SAMPLE_FILES } from './sampleFiles';

/** Writes the sample files that do not exist yet into `folder`; returns the ones written. */
export async function writeSample(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const written: vscode.Uri[] = [];
  for (const [name, text] of Object.entries(SAMPLE_FILES)) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (await exists(uri)) continue;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    written.push(uri);
  }
  return written;
}
