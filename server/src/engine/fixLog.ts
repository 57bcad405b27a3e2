import { LineIndex } from '../model/text';
import type { Code } from '../rules/codes';
import type { PickedFix } from './fixAll';

/** A fix that was applied: where its problem was in the file as it was before any fix (0-based, UTF-16 columns), its code and title. */
export interface AppliedFix {
  line: number;
  character: number;
  code: Code;
  title: string;
}

/** One pass's edits, as spans of the text before it, sorted and disjoint. */
interface Batch {
  spans: { start: number; end: number; length: number }[];
}

/**
 * The fixes applied to one file, pass after pass, with where each one's
 * problem was in the original text: a fix of a later pass is placed through
 * the edits of the passes before it, so that every line `--fix` prints is a
 * line of the file the user wrote.
 */
export class FixLog {
  private readonly batches: Batch[] = [];
  private readonly fixes: { batch: number; offset: number; code: Code; title: string }[] = [];
  private original: LineIndex | undefined;

  /** A pass about to be applied to `text`. */
  record(text: string, picked: readonly PickedFix[]): void {
    const lines = new LineIndex(text);
    this.original ??= lines;
    const batch = this.batches.length;
    const spans = picked
      .flatMap((p) => p.fix.edits)
      .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), length: e.newText.length }))
      .sort((a, b) => a.start - b.start);
    this.batches.push({ spans });
    for (const p of picked)
      this.fixes.push({ batch, offset: lines.offset(p.finding.range.start), code: p.finding.code, title: p.fix.title });
  }

  /** Every fix recorded, in the order of their places in the original text. */
  applied(): AppliedFix[] {
    const out = this.fixes.map((f) => {
      let offset = f.offset;
      for (let b = f.batch - 1; b >= 0; b--) offset = before(this.batches[b], offset);
      const { line, character } = this.original!.position(offset);
      return { line, character, code: f.code, title: f.title };
    });
    return out.sort((a, b) => a.line - b.line || a.character - b.character);
  }
}

/** An offset of the text after a batch, moved to the text before it; inside an edit's new text it is the edit's start. */
function before(batch: Batch, offset: number): number {
  let shift = 0;
  for (const s of batch.spans) {
    const newStart = s.start + shift;
    if (offset < newStart) break;
    if (offset < newStart + s.length) return s.start;
    shift += s.length - (s.end - s.start);
  }
  return offset - shift;
}
