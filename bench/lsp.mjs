// Builds the server and bench/lsp.ts with esbuild, then runs the language-server
// benchmark (not part of npm test): node bench/lsp.mjs [--quick]
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
await esbuild.build({
  entryPoints: ['bench/lsp.ts'],
  outfile: 'out/bench/lsp.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  packages: 'external',
});
execFileSync(process.execPath, ['--expose-gc', 'out/bench/lsp.js', ...process.argv.slice(2)], { stdio: 'inherit' });
