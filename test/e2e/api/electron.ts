/** The API suite as @vscode/test-electron runs it: `run()` is called inside a downloaded VS Code's extension host. */
import { runSuite } from './harness';
import { tests } from './suite';

export async function run(): Promise<void> {
  const results = await runSuite(tests);
  for (const r of results) console.log(`${r.ok ? 'ok' : 'not ok'} - ${r.name}${r.ok ? '' : `\n${r.error}`}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${results.length} API tests failed`);
}
