import { LineIndex } from '../model/text';
import { applyEdits } from './applyEdits';
import type { Workspace, CheckOptions } from './workspace';
import type { Finding, Fix } from './types';
import type { FixLog } from './fixLog';

export const MAX_FIX_PASSES = 10;

/** The preferred fix of a finding that `--fix` may apply: it edits only this file and creates nothing. */
export function autoFix(f: Finding): Fix | undefined {
  const fix = f.fixes.find((x) => x.preferred);
  if (!fix || fix.create?.length || fix.otherEdits?.length || fix.edits.length === 0) return undefined;
  return fix;
}

/** One pass: the preferred fixes of the findings that do not clash with one already taken. */
export function pickFixes(text: string, findings: readonly Finding[]): Fix[] {
  return pickFixesOf(text, findings).map((p) => p.fix);
}

/** A fix that a pass takes, with the finding it settles. */
export interface PickedFix {
  finding: Finding;
  fix: Fix;
}

/** pickFixes, keeping each fix's finding (for `--fix` to say what it changed). */
export function pickFixesOf(text: string, findings: readonly Finding[]): PickedFix[] {
  const lines = new LineIndex(text);
  const taken: PickedFix[] = [];
  // Spans already edited, kept sorted by start, so a clash is found by binary search
  // (a file may have thousands of fixes: comparing each with every other is quadratic).
  const spans: [number, number][] = [];
  const clashes = ([s, e]: [number, number]) => {
    const i = firstEndingAtOrAfter(spans, s);
    return i < spans.length && spans[i][0] <= e;
  };
  for (const f of findings) {
    const fix = autoFix(f);
    if (!fix) continue;
    const own = merge(fix.edits.map((x): [number, number] => [lines.offset(x.range.start), lines.offset(x.range.end)]));
    if (own.some(clashes)) continue;
    taken.push({ finding: f, fix });
    for (const span of own) spans.splice(firstEndingAtOrAfter(spans, span[0]), 0, span);
  }
  return taken;
}

/** One fix's spans, sorted, with those that touch joined, so that the taken spans stay disjoint. */
function merge(list: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of [...list].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Index of the first span whose end is at or after `offset` (spans are disjoint and sorted, so ends are too). */
function firstEndingAtOrAfter(spans: [number, number][], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid][1] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Applies preferred fixes to one file of the workspace in passes (a pass may
 * uncover or unblock others) until none is left or MAX_FIX_PASSES ran. Returns
 * the new text and how many fixes were applied; the workspace holds the new
 * text. A log, when given, records each fix taken.
 */
export function fixFile(ws: Workspace, uri: string, options: CheckOptions = {}, log?: FixLog): { text: string; applied: number } {
  let text = ws.file(uri)?.text ?? '';
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const picked = pickFixesOf(text, ws.findings(uri, options));
    if (picked.length === 0) break;
    log?.record(text, picked);
    text = applyEdits(
      text,
      picked.flatMap((p) => p.fix.edits),
    );
    applied += picked.length;
    ws.setFile(uri, text);
  }
  return { text, applied };
}
