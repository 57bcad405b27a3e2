// Builds the server and bench/fuzz.ts with esbuild, then runs a long random-edit
// session against the bundled server (not part of npm test, which runs a short
// one): npm run fuzz -- --edits 10000 --seed 3
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
await esbuild.build({
  entryPoints: ['bench/fuzz.ts'],
  outfile: 'out/bench/fuzz.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  packages: 'external',
});
try {
  execFileSync(process.execPath, ['out/bench/fuzz.js', ...process.argv.slice(2)], { stdio: 'inherit' });
} catch (e) {
  process.exitCode = e.status ?? 1;
}
