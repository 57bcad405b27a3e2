// Builds what the end-to-end run installs into a fresh code-server: the
// product's .vsix (through `npm run package`), the test-runner extension's
// .vsix (with the API suite bundled in), and the page driver, all under .e2e/.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const out = join(root, '.e2e');
const npx = (args, cwd) => execFileSync('npx', ['--no-install', ...args], { cwd, stdio: 'inherit' });
mkdirSync(out, { recursive: true });

// The product, exactly as `npm run package` makes it.
execFileSync('npm', ['run', 'package', '--silent'], { cwd: root, stdio: 'inherit' });
cpSync(join(root, 'exchange-connector-tools.vsix'), join(out, 'exchange-connector-tools.vsix'));

// The runner extension: the API suite bundled with its harness.
const runner = join(out, 'runner');
rmSync(runner, { recursive: true, force: true });
mkdirSync(join(runner, 'dist'), { recursive: true });
cpSync(join(root, 'test/e2e/runner/package.json'), join(runner, 'package.json'));
cpSync(join(root, 'LICENSE'), join(runner, 'LICENSE'));
await esbuild.build({
  entryPoints: [join(root, 'test/e2e/runner/extension.ts')],
  outfile: join(runner, 'dist/extension.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
});
npx(
  ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', join(out, 'exconn-e2e-runner.vsix')],
  runner,
);

// The driver (code-server, the API suite's results, the page suite) for node's test runner.
await esbuild.build({
  entryPoints: [join(root, 'test/e2e/e2e.test.ts')],
  outfile: join(out, 'driver/e2e.test.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
