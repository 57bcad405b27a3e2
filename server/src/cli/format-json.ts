import type { CheckReport } from './report';

/**
 * The `--format json` object of docs/format.md: 0-based LSP ranges, plus the start's
 * 1-based `line` and `column` (UTF-16 code units, as the text output prints
 * them), diagnostics sorted by file then position. With --fix, `fixed` lists
 * the fixes applied; with --dry-run also, `dryRun` is true and `diff` holds
 * the unified diff that --fix would write.
 */
export function formatJson(report: CheckReport, diff?: string): string {
  const diagnostics = report.files.flatMap((file) =>
    file.findings.map((d) => ({
      file: file.path,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      range: {
        start: { line: d.range.start.line, character: d.range.start.character },
        end: { line: d.range.end.line, character: d.range.end.character },
      },
      severity: d.severity,
      code: d.code,
      message: d.message,
      fixes: d.fixes.map((f) => f.title),
    })),
  );
  const fixed = report.fixed?.map((f) => ({ file: f.path, line: f.line + 1, column: f.character + 1, code: f.code, title: f.title }));
  const fixes = fixed ? { ...(diff !== undefined ? { dryRun: true } : {}), fixed, ...(diff !== undefined ? { diff } : {}) } : {};
  return JSON.stringify({ files: report.files.length, ...fixes, diagnostics }, null, 2) + '\n';
}
