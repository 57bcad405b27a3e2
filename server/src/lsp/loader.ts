import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { Caps } from '../features/caps';
import { findConnectorFiles, pathToUri, readText, uriToPath } from './files';
import type { ServerState } from './state';

/**
 * Reads every connector file of the workspace folders into the engine, with a
 * progress report where the client shows one. Files are read a few at a time
 * so that the server keeps answering while it loads.
 */
export async function loadFolders(
  connection: Connection,
  state: ServerState,
  folders: string[],
  caps: Caps,
  log: (m: string) => void,
): Promise<number> {
  let progress: WorkDoneProgressServerReporter | undefined;
  if (caps.workDoneProgress) {
    try {
      progress = await connection.window.createWorkDoneProgress();
      progress.begin('Exchange connectors', 0, 'Finding connector files…', false);
    } catch {
      progress = undefined;
    }
  }
  let count = 0;
  try {
    const paths: string[] = [];
    for (const folder of folders) {
      const root = uriToPath(folder);
      if (root) paths.push(...(await findConnectorFiles(root)));
    }
    const BATCH = 16;
    for (let i = 0; i < paths.length; i += BATCH) {
      const slice = paths.slice(i, i + BATCH);
      const texts = await Promise.all(slice.map(readText));
      slice.forEach((p, j) => {
        const text = texts[j];
        if (text !== undefined) {
          state.setDisk(pathToUri(p), text);
          count++;
        }
      });
      progress?.report(Math.round(((i + slice.length) / paths.length) * 100), `${i + slice.length} of ${paths.length} files`);
    }
    log(`Loaded ${count} connector files from ${folders.length} folder(s).`);
  } finally {
    progress?.done();
  }
  return count;
}
