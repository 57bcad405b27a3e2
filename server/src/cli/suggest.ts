import { closest } from '../model/distance';

/**
 * "; did you mean 'check'?" for a mistyped command or option among the known
 * ones, else nothing. Two letters swapped (`--fxi`) count as one slip.
 */
export function didYouMean(value: string, known: readonly string[]): string {
  const swapped = known.find((k) => isOneSwap(value, k));
  const word = value.replace(/^-+/, '');
  const near = swapped ? [swapped] : closest(value, known, Math.max(1, Math.min(3, Math.floor(word.length / 3))));
  return near.length ? `; did you mean '${near[0]}'?` : '';
}

function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}
