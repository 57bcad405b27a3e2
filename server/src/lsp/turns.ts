import type { Message } from 'vscode-languageserver/node';

/** Background work gives way for at most this many turns in a row: a count gone wrong costs turns, never the work. */
export const MAX_YIELDED_TURNS = 64;

const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The messages the connection has been handed and not yet dispatched, and
 * the turns of the event loop that background work (a large file's checks
 * in slices, the name index, the warm-ups) takes between its steps. The
 * connection dispatches one message per turn, after whatever turns were
 * queued before it: a hover that came in while a check ran in slices waited
 * for a slice before it was handled (and, before runQuick and the writer's
 * answers at once, for two more before it was answered). Background work
 * takes its next turn only once every message that came in has been
 * dispatched. Cancellations are not counted: the connection handles most of
 * them as they come in, without a turn.
 */
export class MessageLine {
  private arrivedCount = 0;
  private dispatchedCount = 0;
  /** Turns background work gave way to messages (the tests count them). */
  yielded = 0;

  /** The reader handed a message to the connection. */
  arrived(message: Message): void {
    if (counted(message)) this.arrivedCount++;
  }

  /** The connection dispatches a message from its queue. */
  dispatching(message: Message): void {
    if (counted(message)) this.dispatchedCount++;
  }

  /** Messages in and not dispatched yet. */
  get pending(): number {
    return this.arrivedCount - this.dispatchedCount;
  }

  /** A turn for background work's next step: after the connection has dispatched every message in. */
  async nextTurn(): Promise<void> {
    await immediate();
    for (let i = 0; this.pending > 0 && i < MAX_YIELDED_TURNS; i++) {
      this.yielded++;
      await immediate();
    }
  }
}

function counted(message: Message): boolean {
  return !('method' in message && message.method === '$/cancelRequest');
}
