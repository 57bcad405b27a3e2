import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const TOOL_NAME = 'exconn';

/**
 * The package's version, read from the package.json above the running bundle
 * (dist/cli.js), so that it cannot drift from the manifest.
 */
export function packageVersion(): string {
  let dir = __dirname;
  for (;;) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      try {
        const v = (JSON.parse(readFileSync(p, 'utf8')) as { version?: unknown }).version;
        if (typeof v === 'string') return v;
      } catch {
        // an unreadable manifest: keep looking upwards
      }
    }
    const up = dirname(dir);
    if (up === dir) return '0.0.0';
    dir = up;
  }
}
