// Runs one test file in this process, from its build in out/suite/, so that a
// debugger attached to this process stops in it:
//   node esbuild.mjs --tests && node scripts/test-file.mjs test/unit/rules-hosts.test.ts
// (.vscode/launch.json's "The tests of the open test file" does both).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const file = (process.argv[2] ?? '').replace(/\\/g, '/');
if (!/^test\/.+\.test\.ts$/.test(file)) {
  console.error('usage: node scripts/test-file.mjs test/<folder>/<name>.test.ts');
  process.exit(2);
}
createRequire(import.meta.url)(resolve('out/suite', file.slice('test/'.length).replace(/\.ts$/, '.js')));
