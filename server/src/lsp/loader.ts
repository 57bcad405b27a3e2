import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { Caps } from '../features/caps';
import { connectorFilesIn, pathToUri, readText, uriToPath } from './files';
import type { ReaderMessage } from './readerMessages';
import type { ServerState } from './state';

/**
 * How long the loader works before it lets requests in: a request that
 * arrives while the workspace loads waits about this long.
 */
export const LOAD_SLICE_MS = 15;

/** Files read ahead of the engine when this thread reads them itself. */
const READ_AHEAD = 32;

/** The reader thread's script, beside the server's bundle. */
export const READER_THREAD = join(__dirname, 'readerThread.js');

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

/** One file of the folders: its text, undefined if it could not be read; `total` once the folders are listed. */
interface LoadedFile {
  path: string;
  text: string | undefined;
  total: number;
}

/**
 * Reads every connector file of the workspace folders into the engine, with a
 * progress report where the client shows one. The files are listed and read
 * on a thread of their own while this one parses them; the engine takes them
 * in path order, in slices of about LOAD_SLICE_MS, and the server answers
 * what came in between slices. The files are checked once all are in (the
 * caller's DiagnosticsPublisher.whileLoading).
 */
export async function loadFolders(
  connection: Connection,
  state: ServerState,
  folders: string[],
  caps: Caps,
  log: (m: string) => void,
  readerThread = READER_THREAD,
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
    const roots = folders.map(uriToPath).filter((r): r is string => r !== undefined);
    let taken = 0;
    let shown = -1;
    let sliceStart = performance.now();
    for await (const file of filesOf(roots, readerThread, log)) {
      taken++;
      if (file.text !== undefined) {
        state.setDisk(pathToUri(file.path), file.text);
        count++;
      }
      if (performance.now() - sliceStart >= LOAD_SLICE_MS) {
        const percent = Math.round((taken / file.total) * 100);
        if (percent !== shown) progress?.report(percent, `${taken} of ${file.total} files`);
        shown = percent;
        await nextTurn();
        sliceStart = performance.now();
      }
    }
    log(`Loaded ${count} connector files from ${folders.length} folder(s).`);
  } finally {
    progress?.done();
  }
  return count;
}

/**
 * The connector files under the folders with their texts, in path order, as
 * the reader thread sends them. Should the thread fail, the files it has not
 * sent are read here (listing the folders here too if it had not).
 */
async function* filesOf(roots: string[], script: string, log: (m: string) => void): AsyncGenerator<LoadedFile> {
  const inbox: (ReaderMessage | Error)[] = [];
  let wake: (() => void) | undefined;
  const put = (m: ReaderMessage | Error) => {
    inbox.push(m);
    wake?.();
    wake = undefined;
  };
  let worker: Worker | undefined;
  try {
    worker = new Worker(script, { workerData: roots });
    worker.on('message', put);
    worker.on('error', (e: unknown) => put(e instanceof Error ? e : new Error(String(e))));
    worker.on('exit', (code) => put(new Error(`it stopped with exit code ${code}`)));
  } catch (e) {
    put(e instanceof Error ? e : new Error(String(e)));
  }
  let paths: string[] | undefined;
  let next = 0;
  try {
    while (paths === undefined || next < paths.length) {
      if (inbox.length === 0) await new Promise<void>((r) => (wake = r));
      const m = inbox.shift()!;
      if (m instanceof Error) {
        log(`The files could not be read on a thread of their own (${m.message}); reading them on the server's.`);
        break;
      }
      if (m.kind === 'found') paths = m.paths;
      else for (const text of m.texts) yield { path: paths![next++], text: text ?? undefined, total: paths!.length };
    }
  } finally {
    void worker?.terminate();
  }
  paths ??= [...new Set(roots.flatMap(connectorFilesIn))];
  yield* readHere(paths, next);
}

/** The files from `from` on, read on this thread (without waiting for the disk), READ_AHEAD at a time. */
async function* readHere(paths: string[], from: number): AsyncGenerator<LoadedFile> {
  const reads: (Promise<string | undefined> | undefined)[] = [];
  let started = from;
  for (let i = from; i < paths.length; i++) {
    for (; started < Math.min(paths.length, i + READ_AHEAD); started++) reads[started] = readText(paths[started]);
    const text = await reads[i];
    reads[i] = undefined;
    yield { path: paths[i], text, total: paths.length };
  }
}
