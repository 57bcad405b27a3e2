import { LineIndex } from '../model/text';
import { applyEdits, editsOverlap } from './applyEdits';
import type { Workspace, CheckOptions } from './workspace';
import type { Finding, Fix } from './types';

export const MAX_FIX_PASSES = 10;

/** The preferred fix of a finding that `--fix` may apply: it edits only this file and creates nothing. */
export function autoFix(f: Finding): Fix | undefined {
  const fix = f.fixes.find((x) => x.preferred);
  if (!fix || fix.create?.length || fix.otherEdits?.length || fix.edits.length === 0) return undefined;
  return fix;
}

/** One pass: the preferred fixes of the findings that do not clash with one already taken. */
export function pickFixes(text: string, findings: readonly Finding[]): Fix[] {
  const lines = new LineIndex(text);
  const taken: Fix[] = [];
  for (const f of findings) {
    const fix = autoFix(f);
    if (!fix) continue;
    if (taken.some((t) => editsOverlap(t.edits, fix.edits, lines))) continue;
    taken.push(fix);
  }
  return taken;
}

/**
 * Applies preferred fixes to one file of the workspace in passes (a pass may
 * uncover or unblock others) until none is left or MAX_FIX_PASSES ran. Returns
 * the new text and how many fixes were applied; the workspace holds the new text.
 */
export function fixFile(ws: Workspace, uri: string, options: CheckOptions = {}): { text: string; applied: number } {
  let text = ws.file(uri)?.text ?? '';
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = pickFixes(text, ws.findings(uri, options));
    if (fixes.length === 0) break;
    text = applyEdits(text, fixes.flatMap((f) => f.edits));
    applied += fixes.length;
    ws.setFile(uri, text);
  }
  return { text, applied };
}
