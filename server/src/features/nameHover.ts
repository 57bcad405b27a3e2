import type { MarkupContent } from 'vscode-languageserver-types';
import type { CheckOptions, Workspace } from '../engine/workspace';
import type { Finding } from '../engine/types';
import type { ConnectorModel } from '../model/extract';
import { nameKey } from '../workspace/names';
import { mdText } from './markdown';
import { nameIndex, type NameIndex, type Occurrence } from './names';
import type { DocEntry } from '../workspace/index';

/** A hover lists at most this many servers or connectors per list, then says how many more there are. */
export const HOVER_LIST_LIMIT = 20;
/** …and at most this many problems, errors first. */
export const HOVER_PROBLEM_LIMIT = 5;

/**
 * What a routing-group, server or virtual-server name stands for: a routing
 * group's servers, connectors out and in with their costs, and the problems of
 * its definition; a server's FQDN, version and the connectors that use it as
 * bridgehead or smart host. Every name, host and message comes from the
 * files: shown as text, never read as Markdown.
 */
export function nameHover(ws: Workspace, occ: Occurrence, md: boolean, optionsFor: (uri: string) => CheckOptions): MarkupContent {
  const w = new Writer(md);
  const index = nameIndex(ws);
  if (occ.kind === 'routingGroup') groupHover(w, ws, index, occ, optionsFor);
  else if (occ.kind === 'server') serverHover(w, index, occ.name);
  else {
    const server = occ.id.slice(3, occ.id.indexOf('/'));
    const found = index.findServer(server);
    w.para(`SMTP virtual server ${w.bold(occ.name)} on ${w.text(found?.server.name?.value ?? server)}`);
  }
  return { kind: md ? 'markdown' : 'plaintext', value: w.done() };
}

function groupHover(w: Writer, ws: Workspace, index: NameIndex, occ: Occurrence, optionsFor: (uri: string) => CheckOptions): void {
  const admin = occ.id.slice(3, occ.id.indexOf('/'));
  const g = index.findGroup(occ.name, admin);
  if (!g) {
    w.para(`Routing group ${w.bold(occ.name)}: no document defines it (inferred).`);
    return;
  }
  const m = g.model;
  const name = m.name?.value ?? occ.name;
  const adminGroup = m.adminGroup?.value;
  w.para(`Routing group ${w.bold(name)} in ${adminGroup ? w.text(adminGroup) : 'no administrative group'}`);
  w.list(
    'Servers',
    m.servers.length,
    m.servers.slice(0, HOVER_LIST_LIMIT).map((s) => {
      const fqdn = s.fqdn ? ` (${w.text(s.fqdn.value)})` : '';
      return `${w.text(s.name?.value ?? '?')}${fqdn}, Exchange ${w.text(s.version)}`;
    }),
    'No servers.',
  );
  const out = index.connectorsIn(name, adminGroup, HOVER_LIST_LIMIT);
  w.list(
    'Connectors out',
    out.total,
    out.entries.map((c) => `${connectorName(w, c.model)}${targets(w, c.model)}`),
    'No connectors out.',
  );
  const into = adminGroup !== undefined ? index.connectorsInto(name, adminGroup, HOVER_LIST_LIMIT) : { entries: [], total: 0 };
  w.list(
    'Connectors in',
    into.total,
    into.entries.map((c) => {
      const link = c.model.connected.find((l) => l.routingGroup && nameKey(l.routingGroup.value) === nameKey(name));
      const from = c.model.routingGroup ? ` from ${w.text(c.model.routingGroup.value)}` : '';
      return `${connectorName(w, c.model)}${from}${link ? ` ${costText(w, link)}` : ''}`;
    }),
    'No connectors in.',
  );
  const problems = documentProblems(ws, g, optionsFor);
  w.list(
    'Problems',
    problems.length,
    problems.slice(0, HOVER_PROBLEM_LIMIT).map((f) => `${f.severity} ${w.text(f.code)}: ${w.text(f.message)}`),
    'No problems.',
    HOVER_PROBLEM_LIMIT,
  );
}

function serverHover(w: Writer, index: NameIndex, name: string): void {
  const found = index.findServer(name);
  if (!found) {
    w.para(`Server ${w.bold(name)}: no routing group lists it.`);
    return;
  }
  const s = found.server;
  const serverName = s.name?.value ?? name;
  w.para(`Server ${w.bold(serverName)} in routing group ${w.text(found.group.model.name?.value ?? '?')}`);
  if (s.fqdn) w.para(`FQDN: ${w.text(s.fqdn.value)}`);
  if (s.ip) w.para(`IP: ${w.text(s.ip.value)}`);
  w.para(`Exchange ${w.text(s.version)}`);
  w.list(
    'SMTP virtual servers',
    s.virtualServers.length,
    s.virtualServers.slice(0, HOVER_LIST_LIMIT).map((v) => w.text(v)),
    'No SMTP virtual servers.',
  );
  const key = nameKey(serverName);
  const bridgehead = index.bridgeheadOf(serverName, HOVER_LIST_LIMIT);
  w.list(
    'Bridgehead of',
    bridgehead.total,
    bridgehead.entries.map((c) => {
      const local = c.model.bridgeheads.some((b) => b.server && nameKey(b.server.value) === key);
      return `${connectorName(w, c.model)}${local ? '' : ' (remote bridgehead)'}`;
    }),
    'Bridgehead of no connector.',
  );
  const hosts = [s.fqdn?.value, s.ip?.value].filter((h): h is string => h !== undefined);
  const smartHost = index.smartHostOf(hosts, HOVER_LIST_LIMIT);
  w.list(
    'Smart host of',
    smartHost.total,
    smartHost.entries.map((c) => connectorName(w, c.model)),
    'Smart host of no connector.',
  );
}

/**
 * The findings of one YAML document (settings applied), errors first, then by
 * line: as the last check left them, so that a hover never waits for a check
 * (the document's own problems show at once, the workspace's with the check).
 */
function documentProblems(ws: Workspace, e: DocEntry, optionsFor: (uri: string) => CheckOptions): Finding[] {
  const rank = { error: 0, warning: 1, information: 2, hint: 3 } as const;
  return ws
    .quickDocumentFindings(e.uri, e.index, optionsFor(e.uri))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

function connectorName(w: Writer, c: ConnectorModel): string {
  return c.name ? w.text(c.name.value) : '(unnamed)';
}

/** Where a connector sends, with each cost: `→ Boston (cost 10), * (cost 1)`. */
function targets(w: Writer, c: ConnectorModel): string {
  const parts = [
    ...c.connected.map(
      (l) => `${w.text(l.routingGroup?.value ?? (l.exchange55Site !== undefined ? `site ${l.exchange55Site}` : '?'))} ${costText(w, l)}`,
    ),
    ...c.addressSpaces.map((a) => `${w.text(a.type === 'SMTP' ? a.address.value : `${a.type}:${a.address.value}`)} ${costText(w, a)}`),
  ];
  return parts.length ? ` → ${parts.join(', ')}` : '';
}

function costText(w: Writer, x: { cost: number; invalidCost?: string }): string {
  return x.invalidCost !== undefined ? `(cost invalid: ${w.text(x.invalidCost)})` : `(cost ${x.cost})`;
}

/** Paragraphs and bulleted lists, in Markdown or plain text. */
class Writer {
  private readonly paras: string[] = [];
  constructor(private readonly md: boolean) {}

  /** Text from the files, escaped for Markdown. */
  text(s: string): string {
    return this.md ? mdText(s) : s;
  }

  bold(s: string): string {
    return this.md ? `**${mdText(s)}**` : s;
  }

  para(s: string): void {
    this.paras.push(s);
  }

  /** `title:` and its items, "…and N more" when cut; `none` when there are none. */
  list(title: string, total: number, items: string[], none: string, limit = HOVER_LIST_LIMIT): void {
    if (!total) {
      this.paras.push(none);
      return;
    }
    const bullet = this.md ? '- ' : '  ';
    const more = total > limit ? `\n${bullet}…and ${total - limit} more` : '';
    this.paras.push(`${title}:\n${items.map((i) => `${bullet}${i}`).join('\n')}${more}`);
  }

  done(): string {
    return this.paras.join('\n\n');
  }
}
