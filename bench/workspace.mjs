// Builds bench/workspace.ts with esbuild and runs it (not part of npm test).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

await esbuild.build({
  entryPoints: ['bench/workspace.ts'],
  outfile: 'out/bench/workspace.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});
execFileSync(process.execPath, ['out/bench/workspace.js', ...process.argv.slice(2)], { stdio: 'inherit' });
