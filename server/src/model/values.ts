import { isNode, isPair } from 'yaml';

/**
 * Do two models (or parts of models) hold the same values, yaml nodes and
 * ranges left out? Then no other document can tell them apart, wherever
 * their documents' lines are. Models never change once built, and the model
 * of a large document after an edit shares all but the edited entries' parts
 * with the one before (entryMemo.ts): the same object is the same value, so
 * comparing them costs the parts that differ, not the whole document.
 */
export function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const outA = leftOut(a);
  const outB = leftOut(b);
  if (outA || outB) return outA && outB;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValues(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let compared = 0;
  for (const k of Object.keys(x)) {
    if (!counts(x[k])) continue;
    if (!sameValues(x[k], y[k])) return false;
    compared++;
  }
  for (const k of Object.keys(y)) if (counts(y[k])) compared--;
  return compared === 0;
}

/** A property that holds a value (not undefined, not a node or a range). */
function counts(v: unknown): boolean {
  return v !== undefined && !(typeof v === 'object' && v !== null && leftOut(v));
}

function leftOut(v: object): boolean {
  return isNode(v) || isPair(v) || ('start' in v && 'end' in v);
}
