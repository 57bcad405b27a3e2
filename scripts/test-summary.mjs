// A node --test reporter that prints a few lines at the end of `npm test`:
// how many tests ran, passed and failed (counted as node's own closing lines
// count them, subtests included), how long the run took, and where each
// failure is. It writes to stderr beside the TAP on stdout, which stays
// node's own output to its last line (CI reads those closing lines).
import { relative } from 'node:path';

export default async function* summary(source) {
  const count = { pass: 0, fail: 0, skipped: 0 };
  let duration = 0;
  const failures = [];
  for await (const event of source) {
    const data = event.data;
    if ((event.type === 'test:pass' || event.type === 'test:fail') && data.details?.type !== 'suite') {
      if (data.skip !== undefined || data.todo !== undefined) count.skipped++;
      else if (event.type === 'test:pass') count.pass++;
      else {
        count.fail++;
        const where = data.file ? `  (${relative(process.cwd(), data.file)}:${data.line ?? 0})` : '';
        failures.push(`  ✗ ${'  '.repeat(data.nesting)}${data.name}${where}`);
      }
    } else if (event.type === 'test:diagnostic' && data.nesting === 0) {
      const m = /^duration_ms ([\d.]+)$/.exec(data.message);
      if (m) duration = Number(m[1]);
    }
  }
  const total = count.pass + count.fail + count.skipped;
  const skipped = count.skipped ? `, ${count.skipped} skipped` : '';
  const lines = [
    '',
    '─'.repeat(60),
    `${total} tests: ${count.pass} passed, ${count.fail} failed${skipped}, in ${(duration / 1000).toFixed(1)} s`,
  ];
  if (failures.length) lines.push('Failed:', ...failures);
  lines.push('─'.repeat(60), '');
  yield lines.join('\n');
}
