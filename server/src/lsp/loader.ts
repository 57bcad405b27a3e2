import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { Caps } from '../features/caps';
import { forEachConnectorFile, pathToUri, readText, uriToPath } from './files';
import type { ReaderMessage, ReaderRequest } from './readerMessages';
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

/** One file of the folders: its text, undefined if it could not be read; `total`, the number of files, once known. */
interface LoadedFile {
  uri: string;
  text: string | undefined;
  total: number | undefined;
}

/**
 * Reads every connector file of the workspace folders into the engine, with a
 * progress report where the client shows one. The files are found and read
 * on a thread of their own while this one parses them (in the order found:
 * the engine's findings do not depend on it); the engine takes them in
 * slices of about LOAD_SLICE_MS, and the server answers what came in between
 * slices. The files are checked once all are in (the caller's
 * DiagnosticsPublisher.whileLoading).
 */
export async function loadFolders(
  connection: Connection,
  state: ServerState,
  reading: FolderFiles,
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
  // What the files' documents read is worked out when they are checked, before the next change, or by the server's
  // idle steps once the load's round of checks has settled (WorkspaceIndex.deferReads). Only these files: what else is
  // read meanwhile (an open document, a large file in parts) is not deferred.
  const index = state.ws.index;
  try {
    let taken = 0;
    let shown = -1;
    let sliceStart = performance.now();
    for await (const file of reading.files) {
      taken++;
      if (file.text !== undefined) {
        index.deferReads = true;
        try {
          state.setDisk(file.uri, file.text, reading.since);
        } finally {
          index.deferReads = false;
        }
        count++;
      }
      if (performance.now() - sliceStart >= LOAD_SLICE_MS) {
        // Until the folders are walked, how many files there are is not known.
        const percent = file.total ? Math.round((taken / file.total) * 100) : 0;
        if (percent !== shown || !file.total) progress?.report(percent, `${taken}${file.total ? ` of ${file.total}` : ''} files`);
        shown = percent;
        await nextTurn();
        sliceStart = performance.now();
      }
    }
    log(`Loaded ${count} connector files from ${reading.folders} folder(s).`);
  } finally {
    progress?.done();
  }
  return count;
}

/** The connector files of some workspace folders, being read. */
export interface FolderFiles {
  folders: number;
  files: AsyncIterable<LoadedFile>;
  /** The disk time (ServerState.diskTime) the reading started at: a text taken since is newer than the one read. */
  since: number;
}

/**
 * Starts reading the connector files under the folders (URIs) on a reader
 * thread, at once: the server starts it when it learns its folders
 * (initialize), and the engine takes the files after `initialized`. The
 * thread is `reader` when one was started ahead (startReaderThread), else a
 * new one running the script `reader` (by default dist/readerThread.js). A file whose text the server takes
 * from elsewhere meanwhile (a watched-file change) keeps that text.
 */
export function readFolders(
  folders: readonly string[],
  since: number,
  log: (m: string) => void,
  reader: ReaderThread | string | undefined = READER_THREAD,
): FolderFiles {
  const roots = folders.map(uriToPath).filter((r): r is string => r !== undefined);
  const thread = typeof reader === 'object' ? reader : startReaderThread(reader);
  thread.read(roots);
  return { folders: folders.length, files: filesOf(roots, thread, log), since };
}

/**
 * A reader thread, started and waiting for the folders it is to read: a
 * thread takes tens of milliseconds to start (more on a busy machine), so the
 * server starts one at its own start, before initialize tells it its
 * folders, and the first files come in as soon as it asks.
 */
export interface ReaderThread {
  /** Reads these folders (once). */
  read(roots: string[]): void;
  /** Stops the thread. */
  stop(): void;
  /** The thread's messages, as they come. */
  inbox: (ReaderMessage | Error)[];
  /** How many files there are, known as soon as the thread says (files it sent before may still wait in the inbox). */
  total?: number;
  wake?: () => void;
}

/** Starts a reader thread (running `script`), which waits for its folders; until then it does not keep the process alive. */
export function startReaderThread(script = READER_THREAD): ReaderThread {
  const reader: ReaderThread = { inbox: [], read: () => undefined, stop: () => undefined };
  const put = (m: ReaderMessage | Error) => {
    if (!(m instanceof Error) && m.kind === 'done') reader.total = m.total;
    reader.inbox.push(m);
    reader.wake?.();
    reader.wake = undefined;
  };
  try {
    const worker = new Worker(script);
    worker.unref();
    worker.on('message', put);
    worker.on('error', (e: unknown) => put(e instanceof Error ? e : new Error(String(e))));
    worker.on('exit', (code) => put(new Error(`it stopped with exit code ${code}`)));
    reader.read = (roots) => {
      worker.ref();
      worker.postMessage({ roots } satisfies ReaderRequest);
    };
    reader.stop = () => void worker.terminate();
  } catch (e) {
    put(e instanceof Error ? e : new Error(String(e)));
  }
  return reader;
}

/**
 * The connector files under the folders with their texts, as the reader
 * thread finds and reads them. Should the thread fail, the folders are
 * walked here and the files it has not sent are read here.
 */
async function* filesOf(roots: string[], reader: ReaderThread, log: (m: string) => void): AsyncGenerator<LoadedFile> {
  const sent = new Set<string>();
  let done = false;
  try {
    while (!done) {
      if (reader.inbox.length === 0) await new Promise<void>((r) => (reader.wake = r));
      const m = reader.inbox.shift()!;
      if (m instanceof Error) {
        log(`The files could not be read on a thread of their own (${m.message}); reading them on the server's.`);
        break;
      }
      if (m.kind === 'done') done = true;
      else
        for (let i = 0; i < m.paths.length; i++) {
          sent.add(m.paths[i]);
          yield { uri: m.uris[i], text: m.texts[i] ?? undefined, total: reader.total };
        }
    }
  } finally {
    reader.stop();
  }
  if (done) return;
  const rest = new Set<string>();
  for (const root of roots) forEachConnectorFile(root, (path) => !sent.has(path) && rest.add(path));
  yield* readHere([...rest], sent.size + rest.size);
}

/** Files read on this thread (without waiting for the disk), READ_AHEAD at a time. */
async function* readHere(paths: string[], total: number): AsyncGenerator<LoadedFile> {
  const reads: (Promise<string | undefined> | undefined)[] = [];
  let started = 0;
  for (let i = 0; i < paths.length; i++) {
    for (; started < Math.min(paths.length, i + READ_AHEAD); started++) reads[started] = readText(paths[started]);
    const text = await reads[i];
    reads[i] = undefined;
    yield { uri: pathToUri(paths[i]), text, total };
  }
}
