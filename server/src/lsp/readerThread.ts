/**
 * The loader's reader thread (dist/readerThread.js, started by lsp/loader.ts):
 * lists the connector files under the folders it is given and reads them,
 * sending the texts in batches, so that the server's own thread never waits
 * for the disk and parses while this one reads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connectorFilesIn, readTextSync } from './files';
import { READ_BATCH_CHARS, READ_BATCH_FILES, type ReaderMessage } from './readerMessages';

const post = (m: ReaderMessage) => parentPort!.postMessage(m);

const paths = [...new Set((workerData as string[]).flatMap(connectorFilesIn))];
post({ kind: 'found', paths });
let texts: (string | null)[] = [];
let chars = 0;
for (const path of paths) {
  const text = readTextSync(path);
  texts.push(text ?? null);
  chars += text?.length ?? 0;
  if (texts.length >= READ_BATCH_FILES || chars >= READ_BATCH_CHARS) {
    post({ kind: 'texts', texts });
    texts = [];
    chars = 0;
  }
}
post({ kind: 'texts', texts });
