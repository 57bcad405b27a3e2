import type { ParsedDocument } from '../model/parse';
import type { Finding } from './types';

/**
 * Ignore comments: `# exconn-disable-next-line CODE[, CODE…]` on a line of its
 * own silences those codes (all, without codes) for diagnostics starting on the
 * next line; `# exconn-disable CODE[, CODE…]` silences them in the whole YAML
 * document.
 */
export interface Suppressions {
  /** Codes silenced in the whole document; `all` for every code. */
  document: Set<string> | 'all';
  /** Per document-local line: the codes silenced there. */
  lines: Map<number, Set<string> | 'all'>;
}

const DIRECTIVE = /^\s*#\s*exconn-disable(-next-line)?(?:\s+(.*?))?\s*$/;

export function suppressionsOf(doc: ParsedDocument): Suppressions {
  const cached = doc.cache.get('suppressions') as Suppressions | undefined;
  if (cached) return cached;
  const out: Suppressions = { document: new Set(), lines: new Map() };
  // A cheap test first: most documents have no directive at all.
  if (doc.text.includes('exconn-disable')) {
    for (let l = 0; l < doc.lines.lineCount; l++) {
      const m = DIRECTIVE.exec(doc.lines.lineText(l));
      if (!m) continue;
      const codes = parseCodes(m[2]);
      if (m[1]) merge(out.lines, l + 1, codes);
      else out.document = out.document === 'all' || codes === 'all' ? 'all' : new Set([...out.document, ...codes]);
    }
  }
  doc.cache.set('suppressions', out);
  return out;
}

function parseCodes(text: string | undefined): Set<string> | 'all' {
  const codes = (text ?? '').split(/[\s,]+/).filter((c) => c && !c.startsWith('#') && !c.startsWith('--'));
  return codes.length ? new Set(codes) : 'all';
}

function merge(map: Map<number, Set<string> | 'all'>, line: number, codes: Set<string> | 'all'): void {
  const prev = map.get(line);
  if (prev === 'all' || codes === 'all') map.set(line, 'all');
  else map.set(line, new Set([...(prev ?? []), ...codes]));
}

/** Is a finding (in document-local coordinates) silenced? */
export function isSuppressed(s: Suppressions, f: Pick<Finding, 'code' | 'range'>): boolean {
  if (s.document === 'all' || s.document.has(f.code)) return true;
  const l = s.lines.get(f.range.start.line);
  return l === 'all' || (l !== undefined && l.has(f.code));
}
