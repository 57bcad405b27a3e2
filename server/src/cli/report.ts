import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../engine/types';
import type { Severity } from '../rules/codes';
import { comparePaths, toSlash } from './discover';

/** One checked file: its path as printed (relative to the current folder, with `/`) and its findings, sorted by position. */
export interface FileResult {
  path: string;
  findings: Finding[];
}

/** What a check found, for the formatters: files sorted by path. */
export interface CheckReport {
  files: FileResult[];
  /** Maps a related location's URI (the workspace key: an absolute path, or a file: URI) to a printed path. */
  pathOf(uri: string): string;
}

/** A path as printed: relative to the current folder, with `/`. */
export function shownPath(cwd: string, abs: string): string {
  return toSlash(relative(cwd, abs)) || '.';
}

export function makeReport(cwd: string, results: { abs: string; findings: Finding[] }[]): CheckReport {
  const shown = (abs: string) => shownPath(cwd, abs);
  const files = results.map((r) => ({ path: shown(r.abs), findings: r.findings })).sort((a, b) => comparePaths(a.path, b.path));
  return { files, pathOf: (uri) => shown(uri.startsWith('file:') ? fileURLToPath(uri) : uri) };
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
