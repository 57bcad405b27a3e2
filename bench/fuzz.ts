/**
 * npm run fuzz -- [--edits N] [--seed N]: a long random-edit session of the
 * bundled language server (test/helpers/fuzzSession.ts). Prints progress and
 * the figures: crashes, time-outs, internal errors, failures logged, the
 * slowest request and the server's peak RSS. Exit status 1 when any of the
 * first four is not zero.
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
  `seed ${r.seed}: ${r.edits} edits, ${r.requests} requests; crashes ${r.crashes}, time-outs ${r.timeouts}, internal errors ${r.internalErrors}, failures logged ${r.handlerFailures}; max latency ${r.maxLatencyMs.toFixed(0)} ms`;

async function main(): Promise<void> {
  const edits = arg('edits', 10_000);
  const seed = arg('seed', 1);
  const started = Date.now();
  const r = await fuzzSession({ edits, seed, onProgress: (_, p) => process.stdout.write(`  ${line(p)}\n`) });
  process.stdout.write(
    `${line(r)}; peak RSS ${r.peakRssMb === undefined ? 'unknown' : `${r.peakRssMb} MB`}; ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
  for (const s of r.samples) process.stdout.write(`  ${s}\n`);
  process.exitCode = r.crashes || r.timeouts || r.internalErrors || r.handlerFailures ? 1 : 0;
}

void main();
