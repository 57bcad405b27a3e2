import { isMap, isSeq, type Node } from 'yaml';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/parse';
import { firstContentLine, keyRange, nodeRange, pairs } from '../model/access';
import type { Workspace } from '../engine/workspace';

/** Folding: each YAML document, and each mapping or list that spans lines (from its key's line). */
export function foldingRanges(ws: Workspace, uri: string): FoldingRange[] {
  const file = ws.file(uri);
  if (!file) return [];
  const out: FoldingRange[] = [];
  for (const fd of file.documents) {
    for (const r of documentFolds(fd.doc)) out.push({ startLine: r.startLine + fd.line, endLine: r.endLine + fd.line });
  }
  return out;
}

function documentFolds(doc: ParsedDocument): FoldingRange[] {
  const cached = doc.cache.get('lsp.folding') as FoldingRange[] | undefined;
  if (cached) return cached;
  const out: FoldingRange[] = [];
  const root = doc.root;
  if (root) {
    const start = firstContentLine(doc).start.line;
    const end = nodeRange(doc, root).end.line;
    if (end > start) out.push({ startLine: start, endLine: end });
    walk(doc, root, out);
  }
  doc.cache.set('lsp.folding', out);
  return out;
}

function walk(doc: ParsedDocument, node: Node, out: FoldingRange[]): void {
  if (isMap(node)) {
    for (const p of pairs(node)) {
      const v = p.value;
      if (!v || !(isMap(v) || isSeq(v))) continue;
      const start = keyRange(doc, p).start.line;
      const end = nodeRange(doc, v).end.line;
      if (end > start) out.push({ startLine: start, endLine: end });
      walk(doc, v, out);
    }
  } else if (isSeq(node)) {
    for (const it of node.items) {
      if (!isMap(it) && !isSeq(it)) continue;
      const r = nodeRange(doc, it);
      if (r.end.line > r.start.line) out.push({ startLine: r.start.line, endLine: r.end.line });
      walk(doc, it, out);
    }
  }
}
