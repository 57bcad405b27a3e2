import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How long after a round of checks settles the young generation is collected: requests already in line go first. */
export const IDLE_COLLECT_DELAY_MS = 10;

/**
 * Collects V8's young generation once a round of checks has settled. An edit
 * leaves megabytes of garbage there (the parse, the checks, the text); the
 * requests that follow (a hover or completion allocates 10 to 50 KB) then
 * often met the collection it was near, 1 to 5 ms on one of them. Collected
 * while the server is idle, the space is empty when they come. Collections
 * asked for while one is scheduled are the same one.
 */
export class IdleCollector {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** How many collections ran (the tests count them). */
  collections = 0;

  constructor(
    private readonly collect: () => void,
    private readonly delayMs = IDLE_COLLECT_DELAY_MS,
  ) {}

  /** A round of checks settled: collect shortly, once. */
  settled(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.collections++;
      this.collect();
    }, this.delayMs);
    this.timer.unref?.();
  }
}

/**
 * A function that runs a young-generation collection (a scavenge). V8 gives
 * its `gc` function to contexts made after `--expose-gc` is set; the flag is
 * set back at once, so nothing else gets one.
 */
export function youngGenerationCollector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
  setFlagsFromString('--no-expose-gc');
  return () => gc({ type: 'minor' });
}
