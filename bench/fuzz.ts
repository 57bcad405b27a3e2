/**
 * npm run fuzz -- [--edits N] [--seed N] [--large]: a long random-edit session of the
 * bundled language server (test/helpers/fuzzSession.ts). Prints progress and
 * the figures: crashes, time-outs, internal errors, failures logged, the
 * slowest request and the server's peak RSS. With --large, a connector file
 * of 150 KB is edited too, and every open document's settled diagnostics are
 * compared at the end with a fresh server's on the same texts (mismatches).
 * Exit status 1 when any of the first four, or the mismatches, is not zero.
 */
import { fuzzSession, type FuzzReport } from '../test/helpers/fuzzSession';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return dflt;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`fuzz: --${name} takes a whole number\n`);
    process.exit(2);
  }
  return n;
}

const line = (r: FuzzReport) =>
  `seed ${r.seed}: ${r.edits} edits, ${r.requests} requests; crashes ${r.crashes}, time-outs ${r.timeouts}, internal errors ${r.internalErrors}, failures logged ${r.handlerFailures}${r.mismatches ? `, mismatches ${r.mismatches}` : ''}; max latency ${r.maxLatencyMs.toFixed(0)} ms${r.slowest ? ` (${r.slowest})` : ''}`;

async function main(): Promise<void> {
  const edits = arg('edits', 10_000);
  const seed = arg('seed', 1);
  const started = Date.now();
  const large = process.argv.includes('--large');
  const r = await fuzzSession({ edits, seed, large, onProgress: (_, p) => process.stdout.write(`  ${line(p)}\n`) });
  process.stdout.write(
    `${line(r)}${large ? `; the final texts compared with a fresh server: ${r.mismatches} mismatches` : ''}; peak RSS ${r.peakRssMb === undefined ? 'unknown' : `${r.peakRssMb} MB`}; ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
  for (const s of r.samples) process.stdout.write(`  ${s}\n`);
  process.exitCode = r.crashes || r.timeouts || r.internalErrors || r.handlerFailures || r.mismatches ? 1 : 0;
}

void main();
