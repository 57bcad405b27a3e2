import { isMap, isSeq, type Node } from 'yaml';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/parse';
import { firstContentLine, keyRange, nodeRange, pairs } from '../model/access';
import type { Workspace } from '../engine/workspace';

/**
 * Folding: each YAML document, and each mapping or list that spans lines
 * (from its key's line); at most `limit` ranges (the client's rangeLimit), the
 * outer ones first, so that a huge file still folds by document.
 */
export function foldingRanges(ws: Workspace, uri: string, limit = Infinity): FoldingRange[] {
  const file = ws.file(uri);
  if (!file) return [];
  const out: FoldingRange[] = [];
  for (const fd of file.documents) {
    for (const r of documentFolds(fd.doc))
      out.push({ startLine: r.startLine + fd.line, endLine: r.endLine + fd.line, ...(r.depth ? { depth: r.depth } : {}) } as Fold);
  }
  if (out.length <= limit) return out.map(strip);
  return (out as Fold[])
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.depth ?? 0) - (b.r.depth ?? 0) || a.i - b.i)
    .slice(0, limit)
    .sort((a, b) => a.i - b.i)
    .map((x) => strip(x.r));
}

type Fold = FoldingRange & { depth?: number };
const strip = (r: Fold): FoldingRange => ({ startLine: r.startLine, endLine: r.endLine });

function documentFolds(doc: ParsedDocument): Fold[] {
  const cached = doc.cache.get('lsp.folding') as Fold[] | undefined;
  if (cached) return cached;
  const out: Fold[] = [];
  const root = doc.root;
  if (root) {
    const start = firstContentLine(doc).start.line;
    const end = nodeRange(doc, root).end.line;
    if (end > start) out.push({ startLine: start, endLine: end });
    walk(doc, root, out, 1);
  }
  doc.cache.set('lsp.folding', out);
  return out;
}

function walk(doc: ParsedDocument, node: Node, out: Fold[], depth: number): void {
  if (isMap(node)) {
    for (const p of pairs(node)) {
      const v = p.value;
      if (!v || !(isMap(v) || isSeq(v))) continue;
      const start = keyRange(doc, p).start.line;
      const end = nodeRange(doc, v).end.line;
      if (end > start) out.push({ startLine: start, endLine: end, depth });
      walk(doc, v, out, depth + 1);
    }
  } else if (isSeq(node)) {
    for (const it of node.items) {
      if (!isMap(it) && !isSeq(it)) continue;
      const r = nodeRange(doc, it);
      if (r.end.line > r.start.line) out.push({ startLine: r.start.line, endLine: r.end.line, depth });
      walk(doc, it, out, depth + 1);
    }
  }
}
