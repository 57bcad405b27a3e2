import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export type Logger = (message: string) => void;

/**
 * Runs a request handler so that nothing it does can take the server down: a
 * thrown error is logged and answered with the empty result; a request the
 * client cancelled is answered with RequestCancelled. The work starts on the
 * next turn of the event loop, so a cancellation sent right after the request
 * is seen before the work begins.
 */
export function runSafe<T>(
  log: Logger,
  name: string,
  empty: T,
  work: () => T | Promise<T>,
  token?: CancellationToken,
): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    setImmediate(async () => {
      if (token?.isCancellationRequested) return resolve(cancelled());
      try {
        const result = await work();
        resolve(token?.isCancellationRequested ? cancelled() : result);
      } catch (e) {
        log(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        resolve(empty);
      }
    });
  });
}

/** The same guard for notifications: errors are logged, never thrown. */
export function guard(log: Logger, name: string, work: () => void | Promise<void>): void {
  try {
    const p = work();
    if (p) p.catch((e) => log(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  } catch (e) {
    log(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
