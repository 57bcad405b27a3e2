/** What the reader thread (readerThread.ts) tells the loader. */
export type ReaderMessage =
  /** Every file it will read, in the order it reads them. */
  | { kind: 'found'; paths: string[] }
  /** The texts of the next files of that list (null: the file could not be read). */
  | { kind: 'texts'; texts: (string | null)[] };

/** A batch ends after this many files or characters, whichever comes first: the loader starts on the first files early. */
export const READ_BATCH_FILES = 64;
export const READ_BATCH_CHARS = 256 * 1024;
