import type { Range, TextEdit } from 'vscode-languageserver-types';
import { shiftRange } from '../model/text';
import type { Finding, Fix } from './types';

/**
 * A finding moved down by `lines` (up when negative): its range, its related
 * information in the same document and its fixes' edits of the same
 * document. What points into other files stays where it is.
 */
export function moveFinding<F extends Finding>(f: F, lines: number): F {
  if (lines === 0) return f;
  return {
    ...f,
    range: shiftRange(f.range, lines),
    ...(f.related ? { related: f.related.map((r) => (r.uri ? r : { ...r, range: shiftRange(r.range, lines) })) } : {}),
    fixes: f.fixes.map((fix): Fix => ({ ...fix, edits: moveEdits(fix.edits, lines) })),
  };
}

function moveEdits(edits: TextEdit[], lines: number): TextEdit[] {
  return edits.map((e) => ({ range: shiftRange(e.range, lines), newText: e.newText }));
}

/** Every range of a finding in its own document. */
export function* rangesOf(f: Finding): Iterable<Range> {
  yield f.range;
  for (const r of f.related ?? []) if (!r.uri) yield r.range;
  for (const fix of f.fixes) for (const e of fix.edits) yield e.range;
}
