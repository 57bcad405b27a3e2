/** A tiny sequential test harness for the extension host, where node:test's reporter has nowhere to print. */

export interface ApiTest {
  name: string;
  fn: () => Promise<void>;
  timeoutMs?: number;
}

export interface ApiResult {
  name: string;
  ok: boolean;
  error?: string;
  ms: number;
}

let current = '';
/** Names the step a test is at, so that a timeout says where it stopped. */
export function step(name: string): void {
  current = name;
}

export async function runSuite(tests: ApiTest[]): Promise<ApiResult[]> {
  const results: ApiResult[] = [];
  for (const t of tests) {
    const start = Date.now();
    current = '';
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        t.fn(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`timed out after ${t.timeoutMs ?? 30000} ms${current ? ` at: ${current}` : ''}`)),
            t.timeoutMs ?? 30000,
          );
        }),
      ]);
      results.push({ name: t.name, ok: true, ms: Date.now() - start });
    } catch (e) {
      results.push({ name: t.name, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e), ms: Date.now() - start });
    } finally {
      clearTimeout(timer);
    }
  }
  return results;
}

/** Resolves when `probe` returns a value other than undefined, re-checking whenever `events` fire; rejects after `timeoutMs` with `what`. */
export function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  events: ((listener: () => void) => { dispose(): void })[],
  timeoutMs = 20000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let done = false;
    const subs: { dispose(): void }[] = [];
    const finish = (err?: Error, value?: T) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const s of subs) s.dispose();
      if (err) reject(err);
      else resolve(value as T);
    };
    const check = async () => {
      try {
        const v = await probe();
        if (v !== undefined) finish(undefined, v);
      } catch (e) {
        finish(e instanceof Error ? e : new Error(String(e)));
      }
    };
    const timer = setTimeout(async () => {
      // One last look, then say what was awaited.
      const v = await Promise.resolve(probe()).catch(() => undefined);
      if (v !== undefined) finish(undefined, v);
      else finish(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    for (const e of events) subs.push(e(() => void check()));
    void check();
  });
}
