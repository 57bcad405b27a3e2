/**
 * The organization, its routing groups and their servers. Membership comes
 * from each server's msExchHomeRoutingGroup (or the group's back-link), FQDNs
 * from networkAddress, versions from serialNumber / versionNumber, virtual
 * servers from the protocolCfgSMTPServer objects below each server.
 */
import type { Directory, DirObject } from './directory';
import { lookup } from './directory';
import { dnKey } from './dn';
import { describe, type ConversionContext, type ImportedDocument } from './model';
import type { Reader } from './read';
import { virtualServerName } from './connectors';
import type { YamlMap } from './yamlWriter';

interface Topo {
  dir: Directory;
  r: Reader;
  ctx: ConversionContext;
}

const DEFAULT_VS = 'Default SMTP Virtual Server';

/** "2003", "2000" or "5.5" for a server, or undefined when the export does not say. */
export function serverVersion(serialNumber: string | undefined, versionNumber: number | undefined): '2003' | '2000' | '5.5' | undefined {
  const m = serialNumber ? /^\s*Version\s+(\d+)\.(\d+)/i.exec(serialNumber) : null;
  if (m) {
    const v = `${Number(m[1])}.${Number(m[2])}`;
    if (v === '6.5') return '2003';
    if (v === '6.0') return '2000';
    if (v === '5.5') return '5.5';
  }
  // Exchange's own cut-off: versionNumber 6500 and above is Exchange 2003 (below 2007's 1912602624).
  if (versionNumber !== undefined && versionNumber >= 6500 && versionNumber < 1912602624) return '2003';
  return undefined;
}

/** `ncacn_ip_tcp:host.domain` among the server's networkAddress values. */
export function fqdnFromNetworkAddress(values: readonly string[]): string | undefined {
  for (const v of values) {
    const m = /^ncacn_ip_tcp:(.+)$/i.exec(v.trim());
    if (m) return m[1].trim();
  }
  return undefined;
}

/** The one address a virtual server is bound to (`10.1.0.10:25:`); undefined for all addresses (`:25:`). */
export function boundAddress(binding: string): string | undefined {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3}):\d*:/.exec(binding.trim());
  return m ? m[1] : undefined;
}

function virtualServersOf(t: Topo, server: DirObject): DirObject[] {
  // CN=<n>,CN=SMTP,CN=Protocols,CN=<server>,…
  return t.dir.objects
    .filter(
      (o) =>
        o.type === 'smtpVirtualServer' &&
        o.rdns.length > 4 &&
        o.rdns
          .slice(3)
          .map((x) => `${x.type}=${x.value}`.toLowerCase())
          .join(',') === server.key,
    )
    .sort((a, b) => Number(a.name) - Number(b.name) || a.name.localeCompare(b.name));
}

function serverEntry(t: Topo, server: DirObject, notes: string[], anyVirtualServers: boolean): YamlMap {
  const who = describe('server', server.name);
  const fqdn = fqdnFromNetworkAddress(t.r.texts(server, 'networkAddress'));
  if (!fqdn)
    t.ctx.report.push({
      level: 'warning',
      object: who,
      text: 'its FQDN (networkAddress ncacn_ip_tcp:…) is not in the export: fqdn left out',
    });
  const version = serverVersion(t.r.text(server, 'serialNumber'), t.r.int(server, 'versionNumber'));
  if (!version)
    t.ctx.report.push({ level: 'warning', object: who, text: 'its version (serialNumber, versionNumber) does not read: version left out' });
  const vss = virtualServersOf(t, server);
  const addresses = new Set<string>();
  for (const vs of vss)
    for (const b of t.r.texts(vs, 'msExchServerBindings')) {
      const a = boundAddress(b);
      if (a) addresses.add(a);
    }
  const names = vss.map((vs) => virtualServerName(t, vs, server.name, vs.name, notes));
  const entry: YamlMap = { name: server.name, fqdn, ip: addresses.size === 1 ? [...addresses][0] : undefined, version };
  if (anyVirtualServers && !(names.length === 1 && names[0] === DEFAULT_VS)) entry.smtpVirtualServers = names;
  for (const k of Object.keys(entry)) if (entry[k] === undefined) delete entry[k];
  return entry;
}

/** A routing group with the servers whose home it is. */
export function routingGroup(t: Topo, rg: DirObject): ImportedDocument {
  const notes: string[] = [];
  const anyVirtualServers = t.dir.objects.some((o) => o.type === 'smtpVirtualServer');
  const members = new Set<DirObject>();
  for (const s of t.dir.objects) {
    if (s.type !== 'server') continue;
    const home = t.r.text(s, 'msExchHomeRoutingGroup');
    if (home !== undefined && dnKey(home) === rg.key) members.add(s);
  }
  for (const dn of t.r.texts(rg, 'msExchRoutingGroupMembersBL')) {
    const s = lookup(t.dir, dn);
    if (s && s.type === 'server') members.add(s);
  }
  const servers = [...members].sort((a, b) => a.name.localeCompare(b.name)).map((s) => serverEntry(t, s, notes, anyVirtualServers));
  return {
    kind: 'RoutingGroup',
    name: rg.name,
    administrativeGroup: rg.administrativeGroup,
    guid: rg.guid,
    dn: rg.record.dn,
    body: { kind: 'RoutingGroup', name: rg.name, administrativeGroup: rg.administrativeGroup, servers },
    notInExport: [],
    notes,
  };
}

/** SMTP domains of a recipient policy's address templates (`SMTP:@contoso.com`, `smtp:%g.%s@contoso.com`). */
export function smtpTemplateDomain(template: string): string | undefined {
  const m = /^smtp:(.*)$/i.exec(template.trim());
  if (!m) return undefined;
  const at = m[1].lastIndexOf('@');
  const domain = (at === -1 ? m[1] : m[1].slice(at + 1)).trim();
  return domain === '' ? undefined : domain;
}

export function organization(t: Topo, name: string, org: DirObject | undefined): ImportedDocument {
  const adminGroups = t.dir.objects
    .filter((o) => o.type === 'adminGroup')
    .map((o) => o.name)
    .sort((a, b) => a.localeCompare(b));
  const domains: string[] = [];
  const seen = new Set<string>();
  for (const p of t.dir.objects) {
    if (p.type !== 'recipientPolicy') continue;
    const nonAuthoritative = new Set(
      t.r
        .texts(p, 'msExchNonAuthoritativeDomains')
        .map((v) => smtpTemplateDomain(v) ?? v.trim())
        .map((d) => d.toLowerCase()),
    );
    // Disabled templates generate no addresses: they make nobody responsible for anything.
    t.r.mark(p, 'disabledGatewayProxy');
    for (const v of t.r.texts(p, 'gatewayProxy')) {
      const d = smtpTemplateDomain(v);
      if (!d) continue;
      if (/[*%]/.test(d)) {
        t.ctx.report.push({
          level: 'warning',
          object: describe('recipient policy', p.name),
          text: `address template '${v}' has a wildcard domain: not listed as authoritative`,
        });
        continue;
      }
      if (nonAuthoritative.has(d.toLowerCase()) || seen.has(d.toLowerCase())) continue;
      seen.add(d.toLowerCase());
      domains.push(d);
    }
  }
  const body: YamlMap = { kind: 'Organization', name };
  if (domains.length) body.authoritativeDomains = domains;
  if (adminGroups.length) body.administrativeGroups = adminGroups;
  return { kind: 'Organization', name, guid: org?.guid, dn: org?.record.dn ?? '', body, notInExport: [], notes: [] };
}

export type { Topo };
