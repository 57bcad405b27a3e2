import { isSeq, type Node } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { FileDocument, ParsedFile } from '../model/parse';
import { extract, type ConnectorModel, type OrganizationModel, type RoutingGroupModel } from '../model/extract';
import { items, nodeRange, stringValue, valueOf } from '../model/access';
import { shiftRange } from '../model/text';
import { nameKey } from '../workspace/names';
import type { Workspace } from '../engine/workspace';

/**
 * The names the editor features navigate: routing groups, servers, virtual
 * servers and connectors, where each is defined and where it is named. Built
 * from the per-document models (cached on each parse), so rebuilding after an
 * edit re-reads only the document that changed.
 */

export type NameKind = 'routingGroup' | 'server' | 'virtualServer';

/** One place a name is written, document-local. */
export interface Occurrence {
  kind: NameKind;
  /** Identity: names compare case-insensitively; a routing group within its administrative group, a virtual server within its server. */
  id: string;
  name: string;
  range: Range;
  node: Node;
  definition: boolean;
}

export interface FileOccurrence extends Omit<Occurrence, 'range'> {
  uri: string;
  range: Range;
}

export interface DocEntry<M> {
  uri: string;
  fd: FileDocument;
  model: M;
}

export interface NameIndex {
  routingGroups: DocEntry<RoutingGroupModel>[];
  connectors: DocEntry<ConnectorModel>[];
  organizations: DocEntry<OrganizationModel>[];
  /** Every occurrence by identity, in file coordinates. */
  byId: Map<string, FileOccurrence[]>;
}

export const rgId = (adminGroup: string | undefined, name: string) => `rg:${nameKey(adminGroup ?? '')}/${nameKey(name)}`;
export const serverId = (name: string) => `srv:${nameKey(name)}`;
export const vsId = (server: string, name: string) => `vs:${nameKey(server)}/${nameKey(name)}`;

/** The occurrences of one document, cached on its parse. */
export function occurrencesOf(fd: FileDocument): Occurrence[] {
  const doc = fd.doc;
  const cached = doc.cache.get('lsp.occurrences') as Occurrence[] | undefined;
  if (cached) return cached;
  const out: Occurrence[] = [];
  const model = extract(doc);
  const add = (kind: NameKind, id: string, name: string, node: Node, definition: boolean) =>
    out.push({ kind, id, name, node, range: nodeRange(doc, node), definition });
  if (model?.kind === 'RoutingGroup') {
    if (model.name) add('routingGroup', rgId(model.adminGroup?.value, model.name.value), model.name.value, model.name.node, true);
    for (const s of model.servers) {
      if (!s.name) continue;
      add('server', serverId(s.name.value), s.name.value, s.name.node, true);
      const vs = valueOf(doc, s.map, 'smtpVirtualServers');
      if (isSeq(vs)) {
        for (const it of items(doc, vs)) {
          const v = stringValue(it);
          if (v !== undefined) add('virtualServer', vsId(s.name.value, v), v, it, true);
        }
      }
    }
  } else if (model?.kind === 'SmtpConnector') {
    const own = model.adminGroup?.value;
    if (model.routingGroup)
      add('routingGroup', rgId(own, model.routingGroup.value), model.routingGroup.value, model.routingGroup.node, false);
    for (const c of model.connected) {
      if (c.routingGroup)
        add('routingGroup', rgId(c.adminGroupName, c.routingGroup.value), c.routingGroup.value, c.routingGroup.node, false);
    }
    for (const b of model.bridgeheads) {
      if (b.server) add('server', serverId(b.server.value), b.server.value, b.server.node, false);
      if (b.server && b.virtualServer)
        add('virtualServer', vsId(b.server.value, b.virtualServer.value), b.virtualServer.value, b.virtualServer.node, false);
    }
  }
  doc.cache.set('lsp.occurrences', out);
  return out;
}

let last: { files: ParsedFile[]; uris: string[]; index: NameIndex } | undefined;

/** The index of a workspace; rebuilt only when a file changed since the last call. */
export function nameIndex(ws: Workspace): NameIndex {
  const uris = ws.uris();
  const files = uris.map((u) => ws.file(u)!);
  if (last && last.files.length === files.length && last.files.every((f, i) => f === files[i] && last!.uris[i] === uris[i]))
    return last.index;
  const index: NameIndex = { routingGroups: [], connectors: [], organizations: [], byId: new Map() };
  uris.forEach((uri, i) => {
    for (const fd of files[i].documents) {
      const model = extract(fd.doc);
      if (model?.kind === 'RoutingGroup') index.routingGroups.push({ uri, fd, model });
      else if (model?.kind === 'SmtpConnector') index.connectors.push({ uri, fd, model });
      else if (model?.kind === 'Organization') index.organizations.push({ uri, fd, model });
      for (const o of occurrencesOf(fd)) {
        const list = index.byId.get(o.id) ?? [];
        list.push({ ...o, uri, range: shiftRange(o.range, fd.line) });
        index.byId.set(o.id, list);
      }
    }
  });
  last = { files, uris, index };
  return index;
}

/** The occurrence under a file position, if any. */
export function occurrenceAt(file: ParsedFile, line: number, character: number): { fd: FileDocument; occ: Occurrence } | undefined {
  const fd = file.documentAtLine(line);
  if (!fd) return undefined;
  const l = line - fd.line;
  for (const occ of occurrencesOf(fd)) {
    const r = occ.range;
    if (
      (r.start.line < l || (r.start.line === l && r.start.character <= character)) &&
      (r.end.line > l || (r.end.line === l && r.end.character >= character))
    )
      return { fd, occ };
  }
  return undefined;
}

/** A name's administrative groups, servers and so on, as completion and hover read them. */
export function serversOf(index: NameIndex, routingGroup: string, adminGroup?: string) {
  const rg = findGroup(index, routingGroup, adminGroup);
  return rg ? rg.model.servers : [];
}

export function findGroup(index: NameIndex, name: string, adminGroup?: string): DocEntry<RoutingGroupModel> | undefined {
  const k = nameKey(name);
  const matches = index.routingGroups.filter((g) => g.model.name && nameKey(g.model.name.value) === k);
  if (adminGroup !== undefined) {
    const a = nameKey(adminGroup);
    const exact = matches.find((g) => nameKey(g.model.adminGroup?.value ?? '') === a);
    if (exact) return exact;
  }
  return matches[0];
}

export function findServer(index: NameIndex, name: string) {
  const k = nameKey(name);
  for (const g of index.routingGroups) {
    for (const s of g.model.servers) if (s.name && nameKey(s.name.value) === k) return { group: g, server: s };
  }
  return undefined;
}

/** Connectors that live in a routing group. */
export function connectorsIn(index: NameIndex, name: string, adminGroup?: string): DocEntry<ConnectorModel>[] {
  const k = nameKey(name);
  const a = adminGroup === undefined ? undefined : nameKey(adminGroup);
  return index.connectors.filter(
    (c) =>
      c.model.routingGroup &&
      nameKey(c.model.routingGroup.value) === k &&
      (a === undefined || nameKey(c.model.adminGroup?.value ?? '') === a),
  );
}

/** Every administrative group the workspace names. */
export function adminGroups(index: NameIndex): string[] {
  const seen = new Map<string, string>();
  const add = (s: string | undefined) => {
    if (s && !seen.has(nameKey(s))) seen.set(nameKey(s), s);
  };
  for (const g of index.routingGroups) add(g.model.adminGroup?.value);
  for (const c of index.connectors) add(c.model.adminGroup?.value);
  for (const o of index.organizations) {
    const seq = valueOf(o.fd.doc, o.fd.doc.root, 'administrativeGroups');
    if (isSeq(seq)) for (const it of items(o.fd.doc, seq)) add(stringValue(it));
  }
  return [...seen.values()];
}
