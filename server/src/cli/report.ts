import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../engine/types';
import type { AppliedFix } from '../engine/fixLog';
import type { Severity } from '../rules/codes';
import { comparePaths, toSlash } from './discover';

/** One checked file: its path as printed (relative to the current folder, with `/`) and its findings, sorted by position. */
export interface FileResult {
  path: string;
  findings: Finding[];
}

/** A fix `--fix` applied (or, with --dry-run, would apply): the file as printed, where its problem was before any fix (0-based), code and title. */
export interface FixedEntry extends AppliedFix {
  path: string;
}

/** What a check found, for the formatters: files sorted by path. */
export interface CheckReport {
  files: FileResult[];
  /** With --fix: what it fixed, sorted by file then place (the report's findings are what is left). */
  fixed?: FixedEntry[];
  /** Maps a related location's URI (the workspace key: an absolute path, or a file: URI) to a printed path. */
  pathOf(uri: string): string;
}

/** A path as printed: relative to the current folder, with `/`. */
export function shownPath(cwd: string, abs: string): string {
  return toSlash(relative(cwd, abs)) || '.';
}

export function makeReport(cwd: string, results: { abs: string; findings: Finding[] }[], fixed?: FixedEntry[]): CheckReport {
  const shown = (abs: string) => shownPath(cwd, abs);
  const files = results.map((r) => ({ path: shown(r.abs), findings: r.findings })).sort((a, b) => comparePaths(a.path, b.path));
  const pathOf = (uri: string) => shown(uri.startsWith('file:') ? fileURLToPath(uri) : uri);
  if (!fixed) return { files, pathOf };
  const sorted = [...fixed].sort((a, b) => comparePaths(a.path, b.path) || a.line - b.line || a.character - b.character);
  return { files, fixed: sorted, pathOf };
}

export type Counts = Record<Severity, number>;

export function countSeverities(report: CheckReport): Counts {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of report.files) for (const d of f.findings) counts[d.severity]++;
  return counts;
}

export function hasErrors(report: CheckReport): boolean {
  return report.files.some((f) => f.findings.some((d) => d.severity === 'error'));
}
