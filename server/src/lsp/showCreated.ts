/**
 * After a quick fix that creates a file (the reciprocal connector, a routing
 * group), the editor runs the fix's command and the server shows the file:
 * `window/showDocument` where the client has it, else a message naming the
 * file and its folder.
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import { baseName, folderOf } from '../workspace/paths';
import { uriToPath } from './files';

/** The command a fix that creates a file carries (features/codeActions.ts); the server registers it. */
export { SHOW_CREATED_FILE } from '../features/codeActions';

export async function showCreatedFile(connection: Connection, canShowDocuments: boolean, uri: unknown): Promise<void> {
  if (typeof uri !== 'string') return;
  if (canShowDocuments) {
    const shown = await connection.window.showDocument({ uri, takeFocus: true }).catch(() => ({ success: false }));
    if (shown.success) return;
  }
  const folder = folderOf(uriToPath(uri) ?? uri);
  await connection.sendNotification(ShowMessageNotification.type, {
    type: MessageType.Info,
    message: `Created ${baseName(uri)} in ${folder}`,
  });
}
