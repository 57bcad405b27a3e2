// Bundles the language server, the CLI and the extension into dist/; with
// --tests also compiles every test file under test/ into out/suite/ for node's
// test runner (which takes no TypeScript on Node 20). With --watch it keeps
// running and rebuilds what a saved file changes (npm run watch).
import * as esbuild from 'esbuild';
import { readdirSync, statSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const withTests = process.argv.includes('--tests');
const watching = process.argv.includes('--watch');
const testOut = process.env.TEST_OUT ?? 'out/suite';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
// The yaml package's ES module build: bundled from ES modules, its functions are
// called directly; its CommonJS build would reach every one through a getter.
const yamlEsm = { yaml: resolve('node_modules/yaml/browser/index.js') };

const entries = [
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  // The server's loader reads the workspace's files on a thread of its own.
  { in: 'server/src/lsp/readerThread.ts', out: 'dist/readerThread.js' },
  { in: 'server/src/cli.ts', out: 'dist/cli.js' },
  { in: 'scripts/generate.ts', out: 'dist/generate.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
].filter((e) => existsSync(e.in));

/** Builds once, or with --watch builds and then rebuilds on every change, saying when it did. */
async function build(options) {
  if (!watching) return esbuild.build(options);
  const label = options.outfile ?? options.outdir;
  const report = {
    name: 'report',
    setup: (b) =>
      b.onEnd((r) =>
        console.log(`${new Date().toLocaleTimeString()} ${label}: ${r.errors.length ? `${r.errors.length} error(s)` : 'built'}`),
      ),
  };
  const context = await esbuild.context({ ...options, plugins: [report] });
  await context.watch();
}

await Promise.all([
  ...entries.map((e) => build({ ...common, alias: yamlEsm, entryPoints: [e.in], outfile: e.out, external: e.external ?? [] })),
  // The Routing Topology webview's script runs in the browser: no Node, no module system.
  build({
    ...common,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    sourcemap: false,
    minify: true,
    entryPoints: ['client/webview/main.ts'],
    outfile: 'dist/webview.js',
  }),
]);

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'fixtures' && name !== 'e2e') out.push(...walk(p));
    } else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

if (withTests) {
  // TEST_OUT lets a second checkout of the suite build beside a running one.
  rmSync(testOut, { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: walk('test'),
    outdir: testOut,
    outbase: 'test',
    // The tests load the real packages, as the bundles do.
    packages: 'external',
  });
}
