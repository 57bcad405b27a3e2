import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../engine/workspace';
import { fixFile, MAX_FIX_PASSES } from '../engine/fixAll';
import type { Finding, RuleSettings } from '../engine/types';
import { CliError, describeFsError } from './errors';
import { discoverNamed, walk, type NamedFile } from './discover';
import { explicitRoot, RootFinder } from './root';
import { readRuleSettings } from './settings';
import { hasErrors, makeReport, shownPath } from './report';
import { formatText } from './format-text';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { packageVersion } from './version';
import type { CliIo } from './io';
import { NotReplaceable, replaceFile } from './replaceFile';
import { oneOf, parseArgs, text } from './args';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckArgs {
  paths: string[];
  format: Format;
  fix: boolean;
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
  '--root': { parse: text, missing: '--root needs a folder', once: true },
} as const;

/** Arguments of `exconn check`; `help` when -h/--help is among them. */
export function parseCheckArgs(argv: readonly string[]): CheckArgs | 'help' {
  const args = parseArgs(argv, CHECK_OPTIONS);
  if (args === 'help') return 'help';
  const { options: o, positional } = args;
  return {
    paths: positional,
    format: o['--format'] ?? 'text',
    fix: o['--fix'] ?? false,
    ...(o['--root'] !== undefined ? { root: o['--root'] } : {}),
  };
}

const BOM = '\ufeff';

interface SourceFile {
  abs: string;
  /** The file's bytes as read, to write back only what changed. */
  bytes: Buffer;
  /** The text the engine sees: without a byte-order mark. */
  text: string;
  bom: boolean;
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
  const unwritten: string[] = [];
  for (const [dir, files] of byOrganization(named, root, io.cwd)) {
    const sources = files.map((f) => readSource(f.abs, io.cwd));
    const ws = new Workspace();
    for (const s of sources) ws.setFile(s.abs, s.text);
    loadContext(ws, dir, io.cwd, warn);
    if (args.fix) unwritten.push(...fixAll(ws, sources, rules, io.cwd, warn));
    for (const s of sources) results.push({ abs: s.abs, findings: ws.findings(s.abs, { rules }) });
  }
  const report = makeReport(io.cwd, results);
  if (args.format === 'json') io.out(formatJson(report));
  else if (args.format === 'sarif') io.out(formatSarif(report, pathToFileURL(io.cwd).href, packageVersion()));
  else io.out(formatText(report));
  // The report above is of the files as they are on disk: fixed, or as they were where the write failed.
  for (const line of unwritten) warn(line);
  if (unwritten.length) return 2;
  return hasErrors(report) ? 1 : 0;
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

function readSource(abs: string, cwd: string): SourceFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    throw new CliError(`cannot read ${shownPath(cwd, abs)}: ${describeFsError(e)}`);
  }
  const decoded = bytes.toString('utf8');
  const bom = decoded.startsWith(BOM);
  return { abs, bytes, text: bom ? decoded.slice(1) : decoded, bom };
}

/**
 * Applies the preferred fixes file by file, and again over all files while a
 * round changed something (a fix in one file can settle a workspace finding in
 * another), then writes back only the files whose text changed, each at once
 * (replaceFile). A file that cannot be written stays as it was, on disk and in
 * the workspace, and the others are still written; returns a line for each
 * file that could not be.
 */
function fixAll(ws: Workspace, sources: SourceFile[], rules: RuleSettings, cwd: string, warn: (line: string) => void): string[] {
  const current = new Map<string, string>();
  for (let round = 0; round < MAX_FIX_PASSES; round++) {
    let changed = false;
    for (const s of sources) {
      const { text, applied } = fixFile(ws, s.abs, { rules });
      current.set(s.abs, text);
      if (applied > 0) changed = true;
    }
    if (!changed) break;
  }
  const unwritten: string[] = [];
  for (const s of sources) {
    const text = current.get(s.abs) ?? s.text;
    if (text === s.text) continue;
    if (!Buffer.from((s.bom ? BOM : '') + s.text, 'utf8').equals(s.bytes)) {
      // Writing the decoded text back would alter bytes outside the fixes.
      warn(`not fixing ${shownPath(cwd, s.abs)}: it is not valid UTF-8`);
      ws.setFile(s.abs, s.text);
      continue;
    }
    try {
      replaceFile(s.abs, Buffer.from((s.bom ? BOM : '') + text, 'utf8'));
    } catch (e) {
      const why = e instanceof NotReplaceable ? e.message : describeFsError(e);
      unwritten.push(`cannot write ${shownPath(cwd, s.abs)}: ${why}; the file is unchanged`);
      ws.setFile(s.abs, s.text);
    }
  }
  return unwritten;
}
