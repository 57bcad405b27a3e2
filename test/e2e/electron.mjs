// npm run test:vscode: the API suite in a VS Code that @vscode/test-electron
// downloads (where that is possible; these machines reach only npm and Debian,
// so npm run test:e2e uses code-server instead). The extension runs from the
// repository (dist/ must be built), on the same workspace as the e2e run.
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const out = join(root, '.e2e/electron');
await esbuild.build({
  entryPoints: [join(root, 'test/e2e/api/electron.ts')],
  outfile: join(out, 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
});
const dir = mkdtempSync(join(tmpdir(), 'exconn-vscode-'));
const workspace = join(dir, 'workspace');
cpSync(join(root, 'examples'), workspace, { recursive: true });
cpSync(join(root, 'test/fixtures/mistakes'), join(workspace, 'mistakes'), { recursive: true });
cpSync(join(root, 'test/e2e/workspace'), join(workspace, 'e2e'), { recursive: true });
try {
  await runTests({
    version: '1.99.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(out, 'index.js'),
    launchArgs: [
      workspace,
      '--disable-workspace-trust',
      '--user-data-dir',
      join(dir, 'user-data'),
      '--extensions-dir',
      join(dir, 'extensions'),
    ],
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
