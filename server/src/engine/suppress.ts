import { isScalar } from 'yaml';
import { walkNodes } from '../model/walk';
import type { ParsedDocument } from '../model/parse';
import type { Finding } from './types';

/**
 * Ignore comments: `# exconn-disable-next-line CODE[, CODE…]` on a line of its
 * own silences those codes (all, without codes) for diagnostics starting on the
 * next line; `# exconn-disable CODE[, CODE…]` silences them in the whole YAML
 * document. Text after ` -- ` is a reason, not a code. A line inside a block
 * or quoted scalar that looks like a directive is text, not a comment.
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
    let insideScalar: ((offset: number) => boolean) | undefined;
    for (let l = 0; l < doc.lines.lineCount; l++) {
      const text = doc.lines.lineText(l);
      const m = DIRECTIVE.exec(text);
      if (!m) continue;
      insideScalar ??= scalarSpans(doc);
      if (insideScalar(doc.lines.starts[l] + text.indexOf('#'))) continue;
      const codes = parseCodes(m[2]);
      if (m[1]) merge(out.lines, l + 1, codes);
      else out.document = out.document === 'all' || codes === 'all' ? 'all' : new Set([...out.document, ...codes]);
    }
  }
  doc.cache.set('suppressions', out);
  return out;
}

function parseCodes(text: string | undefined): Set<string> | 'all' {
  let list = text ?? '';
  const reason = list.search(/(^|\s)(--|#)/);
  if (reason !== -1) list = list.slice(0, reason);
  const codes = list.split(/[\s,]+/).filter((c) => c !== '');
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

/** A test for offsets inside a scalar's text (a block scalar, a quoted string over several lines). */
function scalarSpans(doc: ParsedDocument): (offset: number) => boolean {
  const spans: [number, number][] = [];
  walkNodes(doc.yaml?.contents, (node) => {
    if (isScalar(node) && node.range && typeof node.value === 'string' && node.value.includes('#'))
      spans.push([node.range[0], node.range[1]]);
  });
  return (offset) => spans.some(([start, end]) => start < offset && offset < end);
}
