import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { CONNECTOR_KINDS, KIND_SPECS, KINDS, fieldAt, fieldsOf, type FieldSpec, type FieldType, type KindName } from '../model/catalog';
import type { ParsedDocument } from '../model/parse';
import { locate, shapeOf, type Located } from '../model/locate';
import { shiftRange } from '../model/text';
import { kindOf as writtenKind } from '../model/kind';
import { nameKey, hostKey } from '../workspace/names';
import type { Workspace } from '../engine/workspace';
import { mdText } from './markdown';
import type { Caps } from './caps';
import { enumValues, fieldDoc, valueDoc } from './docs';
import { adminGroups, nameIndex, type NameIndex } from './names';
import { sorted } from '../workspace/nameIndex';
import { connectorSnippet, routingGroupSnippet, type DocumentSnippet } from './snippets';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/**
 * Completion at a position: keys of the mapping the cursor is in (those not
 * written yet), values of enumerations and booleans, names the workspace
 * knows, and whole-document snippets in an empty document.
 */
export function completion(ws: Workspace, uri: string, position: Position, caps: Caps): CompletionList {
  const file = ws.file(uri);
  const fd = file?.documentAtLine(position.line);
  if (!fd) return EMPTY;
  const doc = fd.doc;
  const offset = doc.lines.offset({ line: position.line - fd.line, character: position.character });
  const loc = locate(doc, offset);
  const items = itemsAt(ws, uri, doc, loc, caps);
  // Ranges are document-local until here.
  for (const it of items) {
    if (it.textEdit && 'range' in it.textEdit) it.textEdit.range = shiftRange(it.textEdit.range, fd.line);
  }
  return { isIncomplete: false, items };
}

/** The document's kind, also when the document does not parse yet. */
export function kindOf(doc: ParsedDocument): KindName | undefined {
  const k = writtenKind(doc);
  if (k) return k;
  const m = /^kind:[ \t]*["']?(\w+)/m.exec(doc.text);
  return m && (KINDS as readonly string[]).includes(m[1]) ? (m[1] as KindName) : undefined;
}

/** The fields of the mapping at a key path. */
export function fieldsAtPath(kind: KindName, path: readonly string[]): readonly FieldSpec[] {
  if (path.length === 0) return KIND_SPECS[kind].fields;
  const f = fieldAt(kind, path);
  return f ? fieldsOf(unwrap(f.type)) : [];
}

export function unwrap(t: FieldType): FieldType {
  while (t.kind === 'array') t = t.items;
  return t;
}

function itemsAt(ws: Workspace, uri: string, doc: ParsedDocument, loc: Located, caps: Caps): CompletionItem[] {
  if (loc.at === 'comment' || loc.at === 'none') return [];
  const kind = kindOf(doc);
  if (loc.at === 'key') {
    if (loc.listItem && kind && loc.path.length) {
      // `- ‸` in a list of plain values is a value of that list.
      const list = fieldAt(kind, loc.path);
      if (list && list.type.kind === 'array' && unwrap(list.type).kind !== 'object') {
        return valueItems(ws, doc, kind, list, loc, loc.path.slice(0, -1), caps, presentItems(doc, loc));
      }
    }
    return keyItems(ws, uri, doc, kind, loc, caps);
  }
  const key = loc.key!;
  if (loc.path.length === 0 && key === 'kind')
    return KINDS.map((k, i) => valueItem(k, loc.wordRange, i, { kind: 'plaintext', value: KIND_SPECS[k].doc }));
  if (!kind) return [];
  const field = fieldAt(kind, [...loc.path, key]);
  if (!field) return [];
  if (loc.at === 'value' && field.type.kind === 'array') return [];
  return valueItems(ws, doc, kind, field, loc, loc.path, caps, loc.at === 'item' ? flowItems(doc, loc) : []);
}

function keyItems(ws: Workspace, uri: string, doc: ParsedDocument, kind: KindName | undefined, loc: Located, caps: Caps): CompletionItem[] {
  const out: CompletionItem[] = [];
  const top = loc.path.length === 0 && loc.column === 0;
  if (top && onlyLine(doc, loc.wordRange.start.line)) out.push(...documentSnippets(ws, uri, loc.wordRange, caps));
  if (!kind) {
    if (loc.path.length === 0 && !loc.siblings.includes('kind')) {
      const spec: FieldSpec = KIND_SPECS.SmtpConnector.fields[0];
      out.push(
        keyItem(
          { ...spec, doc: 'What this document defines: `SmtpConnector`, `RoutingGroupConnector`, `RoutingGroup` or `Organization`.' },
          loc,
          0,
          caps,
        ),
      );
    }
    return out;
  }
  const present = new Set(loc.siblings);
  fieldsAtPath(kind, loc.path).forEach((f, i) => {
    if (!present.has(f.key)) out.push(keyItem(f, loc, i, caps));
  });
  return out;
}

/** Is this line the only one with content in the document? */
function onlyLine(doc: ParsedDocument, line: number): boolean {
  for (let l = 0; l < doc.lines.lineCount; l++) {
    if (l === line) continue;
    const t = doc.lines.lineText(l).trim();
    if (t !== '' && !t.startsWith('#') && !t.startsWith('---')) return false;
  }
  return true;
}

/** The whole-document snippets, their choices from the workspace (features/snippets.ts). */
function documentSnippets(ws: Workspace, uri: string, range: Range, caps: Caps): CompletionItem[] {
  const make = (label: string, body: DocumentSnippet, detail: string, sort: string): CompletionItem => ({
    label,
    kind: caps.snippets ? CompletionItemKind.Snippet : CompletionItemKind.Text,
    detail,
    documentation: { kind: 'plaintext', value: body.plain },
    insertTextFormat: caps.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: caps.snippets ? body.snippet : body.plain },
    filterText: label,
    sortText: sort,
  });
  const index = nameIndex(ws);
  return [
    make('SMTP connector', connectorSnippet(index, uri), 'A whole SmtpConnector document', '!0'),
    make('Routing group', routingGroupSnippet(index, uri), 'A whole RoutingGroup document', '!1'),
  ];
}

function keyItem(f: FieldSpec, loc: Located, index: number, caps: Caps): CompletionItem {
  const ind = ' '.repeat(loc.column);
  const t = f.type;
  let snippet: string;
  let plain: string;
  if (t.kind === 'object') {
    snippet = `${f.key}:\n${ind}  $0`;
    plain = `${f.key}:\n${ind}  `;
  } else if (t.kind === 'array' && unwrap(t).kind === 'object') {
    snippet = `${f.key}:\n${ind}  - $0`;
    plain = `${f.key}:\n${ind}  - `;
  } else if (t.kind === 'array') {
    snippet = `${f.key}:\n${ind}  - $0`;
    plain = `${f.key}:\n${ind}  - `;
  } else if (t.kind === 'enum') {
    // Values that look like numbers (version: "2003") go in quotes, as they are written.
    const q = t.asString ? '"' : '';
    snippet = `${f.key}: ${q}\${1|${t.values.map(snippetChoice).join(',')}|}${q}`;
    plain = `${f.key}: `;
  } else if (t.kind === 'boolean') {
    snippet = `${f.key}: \${1|${f.default === true ? 'true,false' : 'false,true'}|}`;
    plain = `${f.key}: `;
  } else {
    snippet = `${f.key}: $0`;
    plain = `${f.key}: `;
  }
  const item: CompletionItem = {
    label: f.key,
    kind: t.kind === 'object' || t.kind === 'array' ? CompletionItemKind.Module : CompletionItemKind.Property,
    detail: f.esm ? `${f.esm.tab}: ${f.esm.label}` : f.required ? 'required' : undefined,
    documentation: fieldDoc(f, caps.completionMarkdown),
    // On a line that already has `key: value`, only the key is replaced.
    insertTextFormat: caps.snippets && loc.key === undefined ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit:
      loc.key !== undefined ? { range: loc.keyRange!, newText: f.key } : { range: loc.wordRange, newText: caps.snippets ? snippet : plain },
    filterText: f.key,
    sortText: String(index).padStart(3, '0'),
  };
  // The lines after the first carry their whole indentation: the client must not add the line's own again.
  if (loc.key === undefined && snippet.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
  return item;
}

function snippetChoice(v: string): string {
  return v.replace(/[,|\\$}]/g, (c) => `\\${c}`);
}

function valueItem(value: string, range: Range, index: number, documentation: MarkupContent | undefined, detail?: string): CompletionItem {
  // Built without spreading optional parts into the literal: V8 takes microseconds per spread, and a list has dozens of items.
  const item: CompletionItem = {
    label: value,
    kind: CompletionItemKind.Value,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range, newText: quoteIfNeeded(value) },
    filterText: value,
    sortText: String(index).padStart(3, '0'),
  };
  if (detail) item.detail = detail;
  if (documentation) item.documentation = documentation;
  return item;
}

/** A value that YAML would read as something else (a number, a bracket literal…) goes in quotes. */
function quoteIfNeeded(v: string): string {
  if (/^[\[\]{}*&!|>'"%@`#,]/.test(v) || /^(true|false|null|~|[-+]?[0-9.]+)$/i.test(v) || /: | #/.test(v)) return JSON.stringify(v);
  return v;
}

/** Entries already in a flow list `[a, b]` on the cursor's line. */
function flowItems(doc: ParsedDocument, loc: Located): string[] {
  const text = doc.lines.lineText(loc.wordRange.start.line);
  const m = /\[([^\]]*)/.exec(text);
  return m
    ? m[1]
        .split(',')
        .map((s) => s.trim().replace(/^["']|["']$/g, ''))
        .filter((s) => s && s !== loc.word)
    : [];
}

/** Entries already in a block list (`- a` lines) around the cursor. */
function presentItems(doc: ParsedDocument, loc: Located): string[] {
  const out: string[] = [];
  const line = loc.wordRange.start.line;
  const me = shapeOf(doc.lines.lineText(line));
  for (const dir of [-1, 1]) {
    for (let l = line + dir; l >= 0 && l < doc.lines.lineCount; l += dir) {
      const text = doc.lines.lineText(l);
      const s = shapeOf(text);
      if (s.blank) continue;
      if (s.indent !== me.indent || !s.dash) break;
      out.push(
        text
          .slice(s.col)
          .trim()
          .replace(/^["']|["']$/g, ''),
      );
    }
  }
  return out;
}

function valueItems(
  ws: Workspace,
  doc: ParsedDocument,
  kind: KindName,
  field: FieldSpec,
  loc: Located,
  path: readonly string[],
  caps: Caps,
  present: string[],
): CompletionItem[] {
  const taken = new Set(present.map(nameKey));
  const values = enumValues(field.type);
  if (values) {
    return values
      .filter((v) => !taken.has(nameKey(v)))
      .map((v, i) => valueItem(v, loc.wordRange, i, valueDoc(field, v, caps.completionMarkdown)));
  }
  const t = unwrap(field.type);
  if (t.kind === 'boolean')
    return ['true', 'false'].map((v, i) => valueItem(v, loc.wordRange, i, fieldDoc(field, caps.completionMarkdown)));
  const md = caps.completionMarkdown;
  const fieldText = fieldDoc(field, md).value;
  // Names from the files in the documentation: text, not Markdown (the words around them are the server's own).
  const text = md ? mdText : (s: string) => s;
  // Each name is documented: what it is in the workspace, then the field it fills; a name offered twice with the same detail is offered once.
  const names = (list: Named[] | string[]) => {
    const offered = new Set<string>();
    return (list as (string | Named)[])
      .map((x) => (typeof x === 'string' ? { name: x } : x))
      .filter((x) => {
        const key = nameKey(x.name);
        const once = `${key}\u0000${x.detail ?? '\u0001'}`;
        return !taken.has(key) && !offered.has(once) && !!offered.add(once);
      })
      .map((x, i) =>
        valueItem(
          x.name,
          loc.wordRange,
          i,
          { kind: md ? 'markdown' : 'plaintext', value: x.about ? `${x.about}\n\n${fieldText}` : fieldText },
          x.detail,
        ),
      );
  };
  if (t.kind !== 'string') return [];
  const index = nameIndex(ws);
  if (t.format === 'administrativeGroup') return names(adminGroups(index));
  if (!CONNECTOR_KINDS.includes(kind)) return [];
  const facts = connectorFacts(doc);
  switch (t.format) {
    case 'routingGroup': {
      const own = facts.routingGroup && path.length > 0 ? nameKey(facts.routingGroup) : undefined;
      // The connector's administrative group's routing groups first, then the others, each part by name.
      const mine = facts.adminGroup ? nameKey(facts.adminGroup) : undefined;
      const elsewhere = (g: { model: { adminGroup?: { value: string } } }) =>
        mine !== undefined && g.model.adminGroup && nameKey(g.model.adminGroup.value) === mine ? 0 : 1;
      return names(
        sorted(index.routingGroups)
          .filter((g) => g.model.name && nameKey(g.model.name.value) !== own)
          .map((g) => ({
            name: g.model.name!.value,
            detail: g.model.adminGroup?.value,
            about: `Servers: ${g.model.servers.map((x) => text(x.name?.value ?? '?')).join(', ') || 'none'}`,
            rank: elsewhere(g),
          }))
          .sort((a, b) => a.rank - b.rank || compareText(nameKey(a.name), nameKey(b.name)) || compareText(a.detail ?? '', b.detail ?? '')),
      );
    }
    case 'server': {
      // A Routing Group Connector's remote bridgeheads are servers of the connected group.
      const group = path[0] === 'remoteBridgeheads' ? facts.connected[0] : facts.routingGroup;
      const rg = group ? index.findGroup(group, facts.adminGroup) : undefined;
      const servers = rg ? rg.model.servers : sorted(index.routingGroups).flatMap((g) => g.model.servers);
      return names(
        servers
          .filter((s) => s.name)
          .map((s) => ({
            name: s.name!.value,
            detail: s.fqdn?.value,
            about: `SMTP virtual servers: ${s.virtualServers.map(text).join(', ')}`,
          })),
      );
    }
    case 'virtualServer': {
      const server = loc.siblingValues.server;
      const found = server ? index.findServer(server) : undefined;
      const on = found?.server.name?.value;
      return names(
        (found ? found.server.virtualServers : ['Default SMTP Virtual Server']).map((v) => ({
          name: v,
          ...(on ? { about: `On ${text(on)}` } : {}),
        })),
      );
    }
    case 'host': {
      const hosts: Named[] = [];
      for (const c of facts.connected) {
        const g = index.findGroup(c, facts.adminGroup);
        for (const s of g?.model.servers ?? []) {
          if (s.fqdn)
            hosts.push({
              name: s.fqdn.value,
              detail: `${s.name?.value ?? ''} (${g!.model.name?.value})`,
              about: `Server ${text(s.name?.value ?? '?')} of routing group ${text(g!.model.name?.value ?? '?')}`,
            });
        }
      }
      const seen = new Set<string>();
      return names(hosts.filter((h) => !seen.has(hostKey(h.name)) && !!seen.add(hostKey(h.name))));
    }
    case 'organization':
      return names(
        sorted(index.organizations)
          .filter((o) => o.model.name)
          .map((o) => o.model.name!.value),
      );
    default:
      return [];
  }
}

/**
 * Names in code-unit order: the same on every machine, and without
 * `localeCompare`, whose first call loads the collation tables (about 10 ms,
 * on whichever request comes first).
 */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A name offered as a value: `detail` beside the label, `about` at the top of its documentation (in the client's format). */
interface Named {
  name: string;
  detail?: string;
  about?: string;
}

interface ConnectorFacts {
  routingGroup?: string;
  adminGroup?: string;
  connected: string[];
}

/** A connector's own and connected routing groups, read from the lines so that half-typed text works. */
function connectorFacts(doc: ParsedDocument): ConnectorFacts {
  const cached = doc.cache.get('lsp.connectorFacts') as ConnectorFacts | undefined;
  if (cached) return cached;
  const facts: ConnectorFacts = { connected: [] };
  for (const l of linesWith(doc, ['outingGroup', 'administrativeGroup'])) {
    const text = doc.lines.lineText(l);
    const s = shapeOf(text);
    if (s.key === undefined) continue;
    const value = text
      .slice(s.valueStart)
      .replace(/\s+#.*$/, '')
      .trim()
      .replace(/^["']|["']$/g, '');
    if (!value) continue;
    if (s.col === 0 && s.key === 'routingGroup') facts.routingGroup = value;
    else if (s.col === 0 && s.key === 'administrativeGroup') facts.adminGroup = value;
    else if (s.col > 0 && s.key === 'routingGroup') facts.connected.push(value);
    else if (s.key === 'connectedRoutingGroup') {
      // A Routing Group Connector's `connectedRoutingGroup: { routingGroup: Paris, … }` on one line.
      const m = /(?:^|[{,]\s*)routingGroup\s*:\s*["']?([^,}"']+)/.exec(value);
      if (m) facts.connected.push(m[1].trim());
    }
  }
  doc.cache.set('lsp.connectorFacts', facts);
  return facts;
}

/**
 * The lines whose text holds any of these words, in order: the keys read
 * above are found by searching the text, not by reading every line of a
 * document that may have thousands.
 */
function linesWith(doc: ParsedDocument, words: string[]): number[] {
  const found = new Set<number>();
  for (const w of words) {
    for (let i = doc.text.indexOf(w); i !== -1; i = doc.text.indexOf(w, i + w.length)) found.add(doc.lines.position(i).line);
  }
  return [...found].sort((a, b) => a - b);
}

export type { NameIndex };
