import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../engine/workspace';
import { fixFile, MAX_FIX_PASSES } from '../engine/fixAll';
import type { RuleSettings } from '../engine/types';
import { CliError, describeFsError } from './errors';
import { discoverFiles } from './discover';
import { readRuleSettings } from './settings';
import { hasErrors, makeReport, shownPath } from './report';
import { formatText } from './format-text';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { packageVersion } from './version';
import type { CliIo } from './io';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckArgs {
  paths: string[];
  format: Format;
  fix: boolean;
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

/** `exconn check`: reads the files, checks them together (fixing first with --fix), prints the report; returns the exit status. */
export function runCheck(args: CheckArgs, io: CliIo): number {
  const warn = (line: string) => io.err(`exconn: ${line}\n`);
  const rules = readRuleSettings(io.cwd, warn);
  const paths = discoverFiles(args.paths, io.cwd);
  if (paths.length === 0) throw new CliError('no connector files found');
  const sources = paths.map((p) => readSource(p, io.cwd));
  const ws = new Workspace();
  for (const s of sources) ws.setFile(s.abs, s.text);
  if (args.fix) fixAll(ws, sources, rules, io.cwd, warn);
  const report = makeReport(
    io.cwd,
    sources.map((s) => ({ abs: s.abs, findings: ws.findings(s.abs, { rules }) })),
  );
  if (args.format === 'json') io.out(formatJson(report));
  else if (args.format === 'sarif') io.out(formatSarif(report, pathToFileURL(io.cwd).href, packageVersion()));
  else io.out(formatText(report));
  return hasErrors(report) ? 1 : 0;
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
 * another), then writes back only the files whose text changed.
 */
function fixAll(ws: Workspace, sources: SourceFile[], rules: RuleSettings, cwd: string, warn: (line: string) => void): void {
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
      writeFileSync(s.abs, (s.bom ? BOM : '') + text, 'utf8');
    } catch (e) {
      throw new CliError(`cannot write ${shownPath(cwd, s.abs)}: ${describeFsError(e)}`);
    }
  }
}
