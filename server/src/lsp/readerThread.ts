/**
 * The loader's reader thread (dist/readerThread.js, started by lsp/loader.ts):
 * walks the folders it is given and reads each connector file as it finds it,
 * sending the texts in batches, so that the server's own thread never waits
 * for the disk and parses while this one reads. The server starts it before
 * it knows its folders (a thread takes a while to start); the folders come
 * in the first message.
 */
import { parentPort } from 'node:worker_threads';
import { forEachConnectorFile, pathToUri, readTextSync } from './files';
import { READ_BATCH_CHARS, READ_BATCH_FILES, READ_FIRST_BATCH_FILES, type ReaderMessage, type ReaderRequest } from './readerMessages';

const post = (m: ReaderMessage) => parentPort!.postMessage(m);

function read(roots: readonly string[]): void {
  let batch: Extract<ReaderMessage, { kind: 'files' }> = { kind: 'files', paths: [], uris: [], texts: [] };
  let chars = 0;
  let batchFiles = READ_FIRST_BATCH_FILES;
  const send = () => {
    post(batch);
    batchFiles = READ_BATCH_FILES;
    batch = { kind: 'files', paths: [], uris: [], texts: [] };
    chars = 0;
  };
  const seen = new Set<string>();
  for (const root of roots)
    forEachConnectorFile(root, (path) => {
      if (seen.has(path)) return;
      seen.add(path);
      const text = readTextSync(path);
      batch.paths.push(path);
      batch.uris.push(pathToUri(path));
      batch.texts.push(text ?? null);
      chars += text?.length ?? 0;
      if (batch.paths.length >= batchFiles || chars >= READ_BATCH_CHARS) send();
    });
  send();
  post({ kind: 'done', total: seen.size });
}

parentPort!.once('message', (m: ReaderRequest) => read(m.roots));
