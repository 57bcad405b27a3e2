import { countSeverities, type CheckReport } from './report';

/**
 * With --fix, first `path:line:column: fixed code title`, one a line for each
 * fix applied; then `path:line:column: severity code message`, one a line for
 * each problem (left), then the summary line. Lines and columns count from 1
 * (the column in UTF-16 code units, as LSP counts).
 */
export function formatText(report: CheckReport): string {
  let out = '';
  for (const f of report.fixed ?? []) out += `${f.path}:${f.line + 1}:${f.character + 1}: fixed ${f.code} ${oneLine(f.title)}\n`;
  for (const file of report.files) {
    for (const d of file.findings) {
      const { line, character } = d.range.start;
      out += `${file.path}:${line + 1}:${character + 1}: ${d.severity} ${d.code} ${oneLine(d.message)}\n`;
    }
  }
  return out + summaryLine(report) + '\n';
}

/** "3 problems (1 error, 2 warnings, 0 information) in 5 files"; hints are counted only when a setting made some. */
export function summaryLine(report: CheckReport): string {
  const c = countSeverities(report);
  const total = c.error + c.warning + c.information + c.hint;
  const parts = [plural(c.error, 'error', 'errors'), plural(c.warning, 'warning', 'warnings'), `${c.information} information`];
  if (c.hint) parts.push(plural(c.hint, 'hint', 'hints'));
  return `${plural(total, 'problem', 'problems')} (${parts.join(', ')}) in ${plural(report.files.length, 'file', 'files')}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A message stays on its line, whatever a rule put in it. */
function oneLine(s: string): string {
  return s.replace(/\r?\n/g, ' ');
}
