import { isSeq, type Node } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/parse';
import { extract, isConnector } from '../model/extract';
import { items, nodeRange, stringValue, valueOf } from '../model/access';
import { nameKey } from './names';

/** The names the editor features navigate: routing groups, servers and virtual servers. */
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

export const rgId = (adminGroup: string | undefined, name: string) => `rg:${nameKey(adminGroup ?? '')}/${nameKey(name)}`;
export const serverId = (name: string) => `srv:${nameKey(name)}`;
export const vsId = (server: string, name: string) => `vs:${nameKey(server)}/${nameKey(name)}`;

/** The name occurrences of one document, cached on its parse. */
export function occurrencesOf(doc: ParsedDocument): Occurrence[] {
  const cached = doc.cache.get('occurrences') as Occurrence[] | undefined;
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
  } else if (isConnector(model)) {
    const own = model.adminGroup?.value;
    if (model.routingGroup)
      add('routingGroup', rgId(own, model.routingGroup.value), model.routingGroup.value, model.routingGroup.node, false);
    for (const c of model.connected) {
      if (c.routingGroup)
        add('routingGroup', rgId(c.adminGroupName, c.routingGroup.value), c.routingGroup.value, c.routingGroup.node, false);
    }
    for (const b of [...model.bridgeheads, ...model.remoteBridgeheads]) {
      if (b.server) add('server', serverId(b.server.value), b.server.value, b.server.node, false);
      if (b.server && b.virtualServer)
        add('virtualServer', vsId(b.server.value, b.virtualServer.value), b.virtualServer.value, b.virtualServer.node, false);
    }
  }
  doc.cache.set('occurrences', out);
  return out;
}
