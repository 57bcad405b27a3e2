import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../engine/workspace';
import type { Finding } from '../engine/types';
import { CliError, describeFsError } from './errors';
import { comparePaths, discoverNamed, walk, type NamedFile } from './discover';
import { explicitRoot, RootFinder } from './root';
import { readRuleSettings } from './settings';
import { hasErrors, makeReport, shownPath, type FixedEntry } from './report';
import { formatText } from './format-text';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { packageVersion } from './version';
import type { CliIo } from './io';
import { oneOf, parseArgs, text, usageError } from './args';
import { applyFixes, readSource, writeFixes, type FileFix } from './fix';
import { unifiedDiff } from './unifiedDiff';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckArgs {
  paths: string[];
  format: Format;
  fix: boolean;
  /** `--fix --dry-run`: print the fixes as a diff and write nothing. */
  dryRun?: boolean;
  /** `--root DIR`: the organization's folder, instead of finding it around each file. */
  root?: string;
}

const CHECK_OPTIONS = {
  '--format': {
    parse: oneOf(FORMATS, (v, expected) => `unknown format '${v}': expected ${expected}`),
    missing: '--format needs a value: text, json or sarif',
    once: true,
  },
  '--fix': { flag: true },
  '--dry-run': { flag: true },
  '--root': { parse: text, missing: '--root needs a folder', once: true },
} as const;

/** Arguments of `exconn check`; `help` when -h/--help is among them. */
export function parseCheckArgs(argv: readonly string[]): CheckArgs | 'help' {
  const args = parseArgs(argv, CHECK_OPTIONS);
  if (args === 'help') return 'help';
  const { options: o, positional } = args;
  const format = o['--format'] ?? 'text';
  if (o['--dry-run'] && !o['--fix']) throw usageError('--dry-run goes with --fix: exconn check --fix --dry-run');
  if (o['--dry-run'] && format === 'sarif') throw usageError('--fix --dry-run prints a diff: give --format text or json');
  return {
    paths: positional,
    format,
    fix: o['--fix'] ?? false,
    ...(o['--dry-run'] ? { dryRun: true } : {}),
    ...(o['--root'] !== undefined ? { root: o['--root'] } : {}),
  };
}

/**
 * `exconn check`: reads the named files with the rest of their organization
 * around them (only the named files are reported and fixed), checks them
 * (fixing first with --fix), prints the report; returns the exit status.
 */
export function runCheck(args: CheckArgs, io: CliIo): number {
  const warn = (line: string) => io.err(`exconn: ${line}\n`);
  const rules = readRuleSettings(io.cwd, warn);
  const named = discoverNamed(args.paths, io.cwd);
  if (named.length === 0) throw new CliError('no connector files found');
  const root = args.root === undefined ? undefined : explicitRoot(args.root, io.cwd);
  const results: { abs: string; findings: Finding[] }[] = [];
  const fixed: FileFix[] = [];
  const unwritten: string[] = [];
  for (const [dir, files] of byOrganization(named, root, io.cwd)) {
    const sources = files.map((f) => readSource(f.abs, io.cwd));
    const ws = new Workspace();
    for (const s of sources) ws.setFile(s.abs, s.text);
    loadContext(ws, dir, io.cwd, warn);
    if (args.fix) {
      const changes = applyFixes(ws, sources, rules, io.cwd, warn);
      if (args.dryRun) {
        // Nothing is written: the report is of the files as they are.
        for (const c of changes) ws.setFile(c.source.abs, c.source.text);
        fixed.push(...changes);
      } else {
        const w = writeFixes(ws, changes, io.cwd);
        fixed.push(...w.written);
        unwritten.push(...w.unwritten);
      }
    }
    for (const s of sources) results.push({ abs: s.abs, findings: ws.findings(s.abs, { rules }) });
  }
  const report = makeReport(io.cwd, results, args.fix ? fixedEntries(fixed, io.cwd) : undefined);
  const diff = args.dryRun ? diffOf(fixed, io.cwd) : undefined;
  if (args.format === 'json') io.out(formatJson(report, diff));
  else if (args.format === 'sarif') io.out(formatSarif(report, pathToFileURL(io.cwd).href, packageVersion()));
  else io.out(diff ?? formatText(report));
  // The report above is of the files as they are on disk: fixed, or as they were where the write failed.
  for (const line of unwritten) warn(line);
  if (unwritten.length) return 2;
  return hasErrors(report) ? 1 : 0;
}

/** The fixes applied (or, with --dry-run, that would be), one entry each, by file then place. */
function fixedEntries(fixed: FileFix[], cwd: string): FixedEntry[] {
  return fixed.flatMap((f) => f.fixes.map((fix) => ({ path: shownPath(cwd, f.source.abs), ...fix })));
}

/** `--fix --dry-run`: one unified diff of every file the fixes change, by path. */
function diffOf(fixed: FileFix[], cwd: string): string {
  return fixed
    .map((f) => ({ path: shownPath(cwd, f.source.abs), f }))
    .sort((a, b) => comparePaths(a.path, b.path))
    .map(({ path, f }) => unifiedDiff(path, f.before, f.after))
    .join('');
}

/** The named files grouped by the folder of their organization, each group checked in a workspace of its own. */
function byOrganization(named: NamedFile[], root: string | undefined, cwd: string): Map<string, NamedFile[]> {
  const finder = new RootFinder(cwd);
  const groups = new Map<string, NamedFile[]>();
  for (const f of named) {
    const dir = root ?? finder.rootOf(f);
    const group = groups.get(dir);
    if (group) group.push(f);
    else groups.set(dir, [f]);
  }
  return groups;
}

/** Adds the organization's other files, for the workspace rules only; one that cannot be read is named in a warning and left out. */
function loadContext(ws: Workspace, dir: string, cwd: string, warn: (line: string) => void): void {
  const others: string[] = [];
  try {
    walk(dir, shownPath(cwd, dir), (abs) => others.push(abs), new Set());
  } catch (e) {
    warn(`${e instanceof Error ? e.message : String(e)}; checking without the rest of the organization there`);
  }
  for (const abs of others) {
    if (ws.file(abs)) continue;
    try {
      ws.setFile(abs, readFileSync(abs, 'utf8').replace(/^\ufeff/, ''));
    } catch (e) {
      warn(`cannot read ${shownPath(cwd, abs)}: ${describeFsError(e)}; checking without it`);
    }
  }
}
