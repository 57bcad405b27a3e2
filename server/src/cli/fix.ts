import { readFileSync } from 'node:fs';
import type { Workspace } from '../engine/workspace';
import { fixFile, MAX_FIX_PASSES } from '../engine/fixAll';
import { FixLog, type AppliedFix } from '../engine/fixLog';
import type { RuleSettings } from '../engine/types';
import { CliError, describeFsError } from './errors';
import { shownPath } from './report';
import { NotReplaceable, replaceFile } from './replaceFile';

const BOM = '\ufeff';

/** A file `check` reports (and may fix), as read. */
export interface SourceFile {
  abs: string;
  /** The file's bytes as read, to write back only what changed. */
  bytes: Buffer;
  /** The text the engine sees: without a byte-order mark. */
  text: string;
  bom: boolean;
}

export function readSource(abs: string, cwd: string): SourceFile {
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

/** A file the fixes change: its text before and after (byte-order mark included, as on disk) and the fixes, placed in the text before. */
export interface FileFix {
  source: SourceFile;
  before: string;
  after: string;
  fixes: AppliedFix[];
}

/**
 * Applies the preferred fixes file by file, and again over all files while a
 * round changed something (a fix in one file can settle a workspace finding in
 * another). The workspace then holds the fixed texts. A file that is not valid
 * UTF-8 is not fixed (writing the decoded text back would alter bytes outside
 * the fixes): it is named in a warning and keeps its text.
 */
export function applyFixes(
  ws: Workspace,
  sources: SourceFile[],
  rules: RuleSettings,
  cwd: string,
  warn: (line: string) => void,
): FileFix[] {
  const logs = new Map(sources.map((s) => [s.abs, new FixLog()]));
  const current = new Map<string, string>();
  for (let round = 0; round < MAX_FIX_PASSES; round++) {
    let changed = false;
    for (const s of sources) {
      const { text, applied } = fixFile(ws, s.abs, { rules }, logs.get(s.abs));
      current.set(s.abs, text);
      if (applied > 0) changed = true;
    }
    if (!changed) break;
  }
  const out: FileFix[] = [];
  for (const s of sources) {
    const text = current.get(s.abs) ?? s.text;
    if (text === s.text) continue;
    const before = (s.bom ? BOM : '') + s.text;
    if (!Buffer.from(before, 'utf8').equals(s.bytes)) {
      warn(`not fixing ${shownPath(cwd, s.abs)}: it is not valid UTF-8`);
      ws.setFile(s.abs, s.text);
      continue;
    }
    out.push({ source: s, before, after: (s.bom ? BOM : '') + text, fixes: logs.get(s.abs)!.applied() });
  }
  return out;
}

/**
 * Writes each fixed file at once (replaceFile). A file that cannot be written
 * stays as it was, on disk and in the workspace, and the others are still
 * written; returns the files written, and a line for each that could not be.
 */
export function writeFixes(ws: Workspace, fixes: FileFix[], cwd: string): { written: FileFix[]; unwritten: string[] } {
  const written: FileFix[] = [];
  const unwritten: string[] = [];
  for (const f of fixes) {
    try {
      replaceFile(f.source.abs, Buffer.from(f.after, 'utf8'));
      written.push(f);
    } catch (e) {
      const why = e instanceof NotReplaceable ? e.message : describeFsError(e);
      unwritten.push(`cannot write ${shownPath(cwd, f.source.abs)}: ${why}; the file is unchanged`);
      ws.setFile(f.source.abs, f.source.text);
    }
  }
  return { written, unwritten };
}
