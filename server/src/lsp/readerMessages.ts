/** What the loader asks the reader thread (readerThread.ts), once: the folders (paths) to read. */
export interface ReaderRequest {
  roots: string[];
}

/** What the reader thread (readerThread.ts) tells the loader. */
export type ReaderMessage =
  /** The next files found, their URIs and texts (null: the file could not be read). */
  | { kind: 'files'; paths: string[]; uris: string[]; texts: (string | null)[] }
  /** Every file was sent: this many in all. */
  | { kind: 'done'; total: number };

/** A batch ends after this many files or characters, whichever comes first: the loader starts on the first files early. */
export const READ_BATCH_FILES = 64;
/** The first batch is smaller: the server's thread has nothing else to do until it comes (64 files were about 10 ms of waiting). */
export const READ_FIRST_BATCH_FILES = 8;
export const READ_BATCH_CHARS = 256 * 1024;
