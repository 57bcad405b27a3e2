import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Workspace, type CheckOptions } from '../../server/src/engine/workspace';
import { fixture } from './paths';
import type { Finding } from '../../server/src/engine/types';

/** A workspace of several files: path → text. */
export function workspaceOf(files: Record<string, string>): Workspace {
  const ws = new Workspace();
  for (const [uri, text] of Object.entries(files)) ws.setFile(uri, text);
  return ws;
}

/** A workspace of the files of one flat folder under test/fixtures/ (keyed by their paths). */
export function fixtureWorkspace(name: string): Workspace {
  const dir = fixture(name);
  const ws = new Workspace();
  for (const file of readdirSync(dir)) ws.setFile(join(dir, file), readFileSync(join(dir, file), 'utf8'));
  return ws;
}

/** Findings of one file of a workspace made of these files. */
export function checkIn(files: Record<string, string>, uri: string, options?: CheckOptions): Finding[] {
  return workspaceOf(files).findings(uri, options);
}

export const routingGroup = (
  name: string,
  servers: { name: string; fqdn: string; ip?: string; extra?: string[] }[],
  adminGroup = 'First Administrative Group',
) =>
  [
    'kind: RoutingGroup',
    `name: ${name}`,
    `administrativeGroup: ${adminGroup}`,
    'servers:',
    ...servers.flatMap((s) => [
      `  - name: ${s.name}`,
      `    fqdn: ${s.fqdn}`,
      ...(s.ip ? [`    ip: ${s.ip}`] : []),
      ...(s.extra ?? []).map((l) => `    ${l}`),
    ]),
    '',
  ].join('\n');

/** A connector from `from` to the listed groups, with one bridgehead and smart hosts. */
export function connector(o: {
  name: string;
  from: string;
  to?: string[];
  bridgehead?: string;
  virtualServer?: string;
  smartHosts?: string[];
  delivery?: string;
  adminGroup?: string;
  extra?: string[];
}): string {
  const lines = [
    'kind: SmtpConnector',
    `name: ${o.name}`,
    `administrativeGroup: ${o.adminGroup ?? 'First Administrative Group'}`,
    `routingGroup: ${o.from}`,
    'general:',
    ...((o.delivery ?? (o.smartHosts ? 'smartHost' : undefined)) ? [`  delivery: ${o.delivery ?? 'smartHost'}`] : []),
    ...(o.smartHosts ? ['  smartHosts:', ...o.smartHosts.map((h) => `    - "${h}"`)] : []),
    '  localBridgeheads:',
    `    - server: ${o.bridgehead ?? 'X'}`,
    `      virtualServer: ${o.virtualServer ?? 'Default SMTP Virtual Server'}`,
  ];
  if (o.to?.length) lines.push('connectedRoutingGroups:', ...o.to.map((t) => `  - routingGroup: ${t}`));
  lines.push(...(o.extra ?? []));
  return lines.join('\n') + '\n';
}

/** The connector, routing-group and organization files under a folder, by path relative to it, with their texts. */
export function connectorFilesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(connector|routinggroup|organization)\.ya?ml$/.test(n))
        out[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}
