/** Levenshtein distance, bounded: returns max+1 as soon as the distance exceeds max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidates closest to a value: an exact match ignoring case first, else
 * those at the smallest edit distance within `max`.
 */
export function closest(value: string, candidates: readonly string[], max: number): string[] {
  const lower = value.toLowerCase();
  const byCase = candidates.filter((c) => c.toLowerCase() === lower);
  if (byCase.length) return byCase;
  let best = max + 1;
  let out: string[] = [];
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase(), max);
    if (d < best) {
      best = d;
      out = [c];
    } else if (d === best && d <= max) out.push(c);
  }
  return best <= max ? out : [];
}
