/** A failure the command line reports in one line, with its exit status (2: usage, unreadable path, nothing to check). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly status = 2,
    /** Print the usage text after the message. */
    readonly showUsage = false,
  ) {
    super(message);
  }
}

/** A file-system error in words, for one line of stderr: never a stack trace. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
