/**
 * The reader thread the workspace's first folders are read on, started as
 * the server's bundle starts (server.ts imports this first): a thread takes
 * tens of milliseconds to start, more on a busy machine, and would otherwise
 * start only at initialize, when the server learns its folders, and make the
 * engine wait for the first files.
 */
import { startReaderThread, type ReaderThread } from './loader';

let early: ReaderThread | undefined = startReaderThread();

/** The thread started early, the first time; a new one's script after. */
export function takeEarlyReader(): ReaderThread | undefined {
  const taken = early;
  early = undefined;
  return taken;
}
