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
  return new Promise((resolve) => setImmediate(() => resolve(runQuick(log, name, empty, work, token))));
}

/**
 * runSafe for requests answered in well under a millisecond (hover,
 * completion): the work runs in the turn the connection hands the request
 * over, and a synchronous answer is returned as it is, so that it is written
 * in that same turn. The turn runSafe waits would only let a cancellation
 * come in first, and the connection takes a turn per message already: a
 * `$/cancelRequest` that arrived with the request has been seen by then.
 */
export function runQuick<T>(
  log: Logger,
  name: string,
  empty: T,
  work: () => T | Promise<T>,
  token?: CancellationToken,
): T | ResponseError<void> | Promise<T | ResponseError<void>> {
  const failed = (e: unknown) => {
    log(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return empty;
  };
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = work();
    const settle = (r: T) => (token?.isCancellationRequested ? cancelled() : r);
    return result instanceof Promise ? result.then(settle, failed) : settle(result);
  } catch (e) {
    return failed(e);
  }
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
