import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range, type SymbolInformation, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/parse';
import { firstContentLine, keyRange, keyText, nodeRange, pairs, resolve, stringOf } from '../model/access';
import { shiftRange } from '../model/text';
import { kindOf } from '../model/kind';
import type { Workspace } from '../engine/workspace';
import type { Caps } from './caps';
import { nameIndex } from './names';
import { sorted } from '../workspace/nameIndex';

/** Above this many YAML documents in one file, the outline stops at the tabs, so that it stays small. */
export const DEEP_OUTLINE_LIMIT = 200;

const KIND_SYMBOL: Record<string, SymbolKind> = {
  SmtpConnector: SymbolKind.Interface,
  RoutingGroupConnector: SymbolKind.Interface,
  RoutingGroup: SymbolKind.Namespace,
  Organization: SymbolKind.Package,
};

/** The outline: document → tabs → fields and entries; flat symbols for clients without hierarchy. */
export function documentSymbols(ws: Workspace, uri: string, caps: Caps): DocumentSymbol[] | SymbolInformation[] {
  const file = ws.file(uri);
  if (!file) return [];
  const depth = file.documents.length > DEEP_OUTLINE_LIMIT ? 1 : Infinity;
  const tree: DocumentSymbol[] = [];
  for (const fd of file.documents) {
    const s = documentSymbol(fd.doc, depth);
    if (s) tree.push(shiftSymbol(s, fd.line));
  }
  if (caps.hierarchicalSymbols) return tree;
  const flat: SymbolInformation[] = [];
  const walk = (list: DocumentSymbol[], container?: string) => {
    for (const s of list) {
      flat.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(container ? { containerName: container } : {}) });
      if (s.children) walk(s.children, s.name);
    }
  };
  walk(tree);
  return flat;
}

function documentSymbol(doc: ParsedDocument, depth: number): DocumentSymbol | undefined {
  const key = `lsp.symbol.${depth}`;
  if (doc.cache.has(key)) return doc.cache.get(key) as DocumentSymbol | undefined;
  let out: DocumentSymbol | undefined;
  const root = doc.root;
  if (root) {
    const kind = kindOf(doc);
    const name = stringOf(doc, root, 'name') ?? kind ?? 'document';
    const first = firstContentLine(doc);
    const range: Range = { start: first.start, end: nodeRange(doc, root).end };
    const namePair = pairs(root).find((p) => keyText(p) === 'name');
    out = {
      name,
      detail: kind ?? '',
      kind: (kind && KIND_SYMBOL[kind]) ?? SymbolKind.File,
      range,
      selectionRange: namePair?.value ? nodeRange(doc, namePair.value) : first,
      children: depth > 0 ? children(doc, root, depth) : [],
    };
  }
  doc.cache.set(key, out);
  return out;
}

function children(doc: ParsedDocument, node: Node, depth: number): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  if (isMap(node)) {
    for (const p of pairs(node)) {
      const k = keyText(p);
      if (k === undefined) continue;
      const v = resolve(doc, p.value);
      const kr = keyRange(doc, p);
      const end = p.value ? nodeRange(doc, p.value).end : kr.end;
      out.push({
        name: k,
        ...(isScalar(v) && v.value !== null ? { detail: String(v.value) } : {}),
        kind: isMap(v) ? SymbolKind.Object : isSeq(v) ? SymbolKind.Array : SymbolKind.Property,
        range: { start: kr.start, end },
        selectionRange: kr,
        children: depth > 1 && v && (isMap(v) || isSeq(v)) ? children(doc, v, depth - 1) : [],
      });
    }
  } else if (isSeq(node)) {
    node.items.forEach((raw, i) => {
      const it = resolve(doc, raw);
      if (!it) return;
      const r = nodeRange(doc, it);
      out.push({
        name: entryName(doc, it) ?? `[${i}]`,
        kind: isMap(it) ? SymbolKind.Object : SymbolKind.String,
        range: r,
        selectionRange: r,
        children: depth > 1 && isMap(it) ? children(doc, it, depth - 1) : [],
      });
    });
  }
  return out;
}

/** What names a list entry in the outline: its name, routing group, server or address. */
function entryName(doc: ParsedDocument, node: Node): string | undefined {
  if (isScalar(node)) return node.value === null ? undefined : String(node.value);
  if (!isMap(node)) return undefined;
  for (const k of ['name', 'routingGroup', 'exchange55Site', 'server', 'address']) {
    const v = stringOf(doc, node, k);
    if (v !== undefined) return k === 'address' ? `${stringOf(doc, node, 'type') ?? ''} ${v}`.trim() : v;
  }
  return undefined;
}

function shiftSymbol(s: DocumentSymbol, lines: number): DocumentSymbol {
  if (lines === 0) return s;
  return {
    ...s,
    range: shiftRange(s.range, lines),
    selectionRange: shiftRange(s.selectionRange, lines),
    children: s.children?.map((c) => shiftSymbol(c, lines)),
  };
}

/** Connectors, routing groups and servers whose names match the query (letters in order, any case). */
export function workspaceSymbols(ws: Workspace, query: string): WorkspaceSymbol[] {
  const index = nameIndex(ws);
  const q = query.toLowerCase();
  const matches = (name: string) => {
    let i = 0;
    const n = name.toLowerCase();
    for (const c of q) {
      i = n.indexOf(c, i);
      if (i === -1) return false;
      i++;
    }
    return true;
  };
  const out: WorkspaceSymbol[] = [];
  const at = (uri: string, fd: { line: number }, r: Range) => ({ uri, range: shiftRange(r, fd.line) });
  for (const g of sorted(index.routingGroups)) {
    const m = g.model;
    if (m.name && matches(m.name.value))
      out.push({
        name: m.name.value,
        kind: SymbolKind.Namespace,
        containerName: m.adminGroup?.value ?? '',
        location: at(g.uri, g, m.name.range),
      });
    for (const s of m.servers) {
      if (s.name && matches(s.name.value))
        out.push({
          name: s.name.value,
          kind: SymbolKind.Class,
          containerName: m.name?.value ?? '',
          location: at(g.uri, g, s.name.range),
        });
    }
  }
  for (const c of sorted(index.connectors)) {
    const m = c.model;
    if (m.name && matches(m.name.value))
      out.push({
        name: m.name.value,
        kind: SymbolKind.Interface,
        containerName: m.routingGroup?.value ?? '',
        location: at(c.uri, c, m.name.range),
      });
  }
  return out.slice(0, 1000);
}
