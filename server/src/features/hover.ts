import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver-types';
import { KIND_SPECS, KINDS, fieldAt, type KindName } from '../model/catalog';
import { locate } from '../model/locate';
import { comparePositions, shiftRange } from '../model/text';
import type { Workspace } from '../engine/workspace';
import type { Caps } from './caps';
import { enumValues, fieldDoc, valueDoc } from './docs';
import { kindOf, unwrap } from './completion';
import { mdText } from './markdown';
import { nameIndex, occurrenceAt, type NameIndex, type Occurrence } from './names';

/** Hover on a key (its documentation) or on a value (an allowed value's meaning, or what a name stands for). */
export function hover(ws: Workspace, uri: string, position: Position, caps: Caps): Hover | null {
  const file = ws.file(uri);
  const fd = file?.documentAtLine(position.line);
  if (!file || !fd) return null;
  const doc = fd.doc;
  const local = { line: position.line - fd.line, character: position.character };
  const loc = locate(doc, doc.lines.offset(local));
  const md = caps.hoverMarkdown;
  const kind = kindOf(doc);
  const make = (contents: MarkupContent, range: Range): Hover => ({ contents, range: shiftRange(range, fd.line) });
  const within = (r: Range | undefined) => !!r && comparePositions(r.start, local) <= 0 && comparePositions(local, r.end) <= 0;

  if (loc.key !== undefined && within(loc.keyRange)) {
    if (loc.path.length === 0 && loc.key === 'kind') {
      const f = KIND_SPECS[kind ?? 'SmtpConnector'].fields[0];
      return make(fieldDoc(f, md), loc.keyRange!);
    }
    const f = kind ? fieldAt(kind, [...loc.path, loc.key]) : undefined;
    return f ? make(fieldDoc(f, md), loc.keyRange!) : null;
  }
  if (loc.at !== 'value' && loc.at !== 'item' && !(loc.at === 'key' && loc.listItem)) return null;
  if (loc.word === '') return null;

  const named = occurrenceAt(file, position.line, position.character);
  if (named) {
    const text = nameHover(nameIndex(ws), named.occ, md);
    if (text) return make(text, named.occ.range);
  }
  if (loc.path.length === 0 && loc.key === 'kind' && (KINDS as readonly string[]).includes(loc.word)) {
    return make({ kind: md ? 'markdown' : 'plaintext', value: KIND_SPECS[loc.word as KindName].doc }, loc.wordRange);
  }
  if (!kind) return null;
  const fieldPath = loc.at === 'key' ? loc.path : [...loc.path, loc.key!];
  const f = fieldAt(kind, fieldPath);
  if (!f) return null;
  const values = enumValues(f.type);
  if (values?.includes(loc.word)) return make(valueDoc(f, loc.word, md), loc.wordRange);
  const text = fieldDoc(f, md);
  // A smart host or ETRN server that is a server of the workspace says which.
  const t = unwrap(f.type);
  if (t.kind === 'string' && t.format === 'host') {
    const server = serverByHost(nameIndex(ws), loc.word);
    if (server) text.value = `${md ? mdText(server) : server}\n\n${text.value}`;
  }
  return make(text, loc.wordRange);
}

/** "Server X of routing group Y" for a host name or address that is one of the workspace's servers. */
function serverByHost(index: NameIndex, host: string): string | undefined {
  const found = index.findHost(host);
  return found ? `Server ${found.server.name?.value ?? '?'} of routing group ${found.group.model.name?.value ?? '?'}` : undefined;
}

/** A hover lists at most this many connectors or servers, then says how many more there are. */
export const HOVER_LIST_LIMIT = 20;

/** What a routing-group, server or virtual-server name stands for. */
function nameHover(index: NameIndex, occ: Occurrence, md: boolean): MarkupContent | undefined {
  // Every name and value below comes from the files: shown as text, never read as Markdown.
  const t = (s: string) => (md ? mdText(s) : s);
  const b = (s: string) => (md ? `**${mdText(s)}**` : s);
  const bullet = md ? '- ' : '  ';
  const lines: string[] = [];
  if (occ.kind === 'routingGroup') {
    const admin = occ.id.slice(3, occ.id.indexOf('/'));
    const g = index.findGroup(occ.name, admin);
    if (!g) {
      lines.push(`Routing group ${b(occ.name)}: no document defines it (inferred).`);
    } else {
      const m = g.model;
      lines.push(`Routing group ${b(m.name?.value ?? occ.name)} in ${m.adminGroup ? t(m.adminGroup.value) : 'no administrative group'}`);
      const servers = m.servers.slice(0, HOVER_LIST_LIMIT);
      lines.push(
        servers.length
          ? `Servers:\n${servers.map((s) => `${bullet}${t(s.name?.value ?? '?')}${s.fqdn ? ` (${t(s.fqdn.value)})` : ''}`).join('\n')}${more(m.servers.length, bullet)}`
          : 'No servers.',
      );
      const conns = index.connectorsIn(m.name?.value ?? occ.name, m.adminGroup?.value, HOVER_LIST_LIMIT);
      lines.push(
        conns.total
          ? `Connectors:\n${conns.entries.map((c) => `${bullet}${c.model.name ? t(c.model.name.value) : '(unnamed)'}${connectedText(c.model.connected.map((x) => t(x.routingGroup?.value ?? x.exchange55Site ?? '?')))}`).join('\n')}${more(conns.total, bullet)}`
          : 'No connectors.',
      );
    }
  } else if (occ.kind === 'server') {
    const found = index.findServer(occ.name);
    if (!found) {
      lines.push(`Server ${b(occ.name)}: no routing group lists it.`);
    } else {
      const s = found.server;
      lines.push(`Server ${b(s.name?.value ?? occ.name)} in routing group ${t(found.group.model.name?.value ?? '?')}`);
      if (s.fqdn) lines.push(`FQDN: ${t(s.fqdn.value)}`);
      if (s.ip) lines.push(`IP: ${t(s.ip.value)}`);
      lines.push(`Exchange ${t(String(s.version))}`);
      lines.push(`SMTP virtual servers:\n${s.virtualServers.map((v) => `${bullet}${t(v)}`).join('\n')}`);
    }
  } else {
    const server = occ.id.slice(3, occ.id.indexOf('/'));
    const found = index.findServer(server);
    lines.push(`SMTP virtual server ${b(occ.name)} on ${t(found?.server.name?.value ?? server)}`);
  }
  return { kind: md ? 'markdown' : 'plaintext', value: lines.join('\n\n') };
}

/** "…and N more" after a list cut at HOVER_LIST_LIMIT. */
function more(total: number, bullet: string): string {
  return total > HOVER_LIST_LIMIT ? `\n${bullet}…and ${total - HOVER_LIST_LIMIT} more` : '';
}

function connectedText(names: string[]): string {
  return names.length ? ` → ${names.join(', ')}` : '';
}
