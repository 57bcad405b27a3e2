/**
 * Whole-document snippets. In a workspace that defines routing groups, their
 * placeholders are choices from it (the routing group of the file's folder
 * first, its servers, a routing group it has no connector to yet and that
 * group's bridgehead FQDNs), so that accepting every default writes a
 * connector that names only what exists. Without routing groups, fixed sample
 * values. `plain` is the same text with each default, for clients without
 * snippets. `plainSnippet` un-snippets the key snippets of completion.ts.
 */
import { hostKey, nameKey } from '../workspace/names';
import { sorted, type NameIndex } from '../workspace/nameIndex';
import { folderOf } from '../workspace/paths';
import { yamlScalar } from '../../../shared/yamlText';
import { adminGroups } from './names';

export interface DocumentSnippet {
  snippet: string;
  plain: string;
}

/** The snippet with each placeholder replaced by its default text (a choice by its first option). */
export function plainSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/** Snippet text and its plain twin, built together so that names never go through an un-escaping regex. */
class Template {
  private snippet = '';
  private plain = '';

  text(s: string): this {
    this.snippet += s.replace(/[$}\\]/g, '\\$&');
    this.plain += s;
    return this;
  }

  /** A tab stop whose default is `value`, as YAML (quoted when needed). */
  tab(n: number, value: string): this {
    const v = yamlScalar(value);
    this.snippet += `\${${n}:${v.replace(/[$}\\]/g, '\\$&')}}`;
    this.plain += v;
    return this;
  }

  /** A choice of YAML values, the first the default; a single value is a plain tab stop. */
  choice(n: number, values: string[]): this {
    if (values.length === 1) return this.tab(n, values[0]);
    this.snippet += `\${${n}|${values.map((v) => yamlScalar(v).replace(/[,|\\]/g, '\\$&')).join(',')}|}`;
    this.plain += yamlScalar(values[0]);
    return this;
  }

  /** A choice of words the snippet writes itself (no escaping needed). */
  raw(snippet: string, plain: string): this {
    this.snippet += snippet;
    this.plain += plain;
    return this;
  }

  done(): DocumentSnippet {
    return { snippet: this.snippet, plain: this.plain };
  }
}

interface Group {
  name: string;
  admin: string;
  uri: string;
  servers: { name: string; fqdn?: string; virtualServers: string[] }[];
}

/** The defined routing groups with a name, an administrative group and a named server, closest to `uri`'s folder first. */
function groupsNear(index: NameIndex, uri: string): Group[] {
  const here = folderOf(uri);
  const shared = (g: Group) => {
    const there = folderOf(g.uri);
    let i = 0;
    while (i < here.length && i < there.length && here[i] === there[i]) i++;
    return here.slice(0, i).lastIndexOf('/');
  };
  const groups: Group[] = [];
  for (const e of sorted(index.routingGroups)) {
    const m = e.model;
    if (!m.name || !m.adminGroup) continue;
    const servers = m.servers
      .filter((s) => s.name)
      .map((s) => ({ name: s.name!.value, ...(s.fqdn ? { fqdn: s.fqdn.value } : {}), virtualServers: s.virtualServers }));
    if (servers.length) groups.push({ name: m.name.value, admin: m.adminGroup.value, uri: e.uri, servers });
  }
  // A stable sort: file order among groups as close.
  return groups
    .map((g) => ({ g, d: shared(g) }))
    .sort((a, b) => b.d - a.d)
    .map((x) => x.g);
}

/** `base`, else `base 2`, `base 3`… : the first name not `taken`. */
function unique(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base} ${i}`)) return `${base} ${i}`;
}

/** `first` then the others, once each (names compared as the workspace compares them). */
function firstThen(first: string, all: string[]): string[] {
  const seen = new Set<string>();
  return [first, ...all].filter((v) => !seen.has(nameKey(v)) && !!seen.add(nameKey(v)));
}

/** Every administrative group the workspace names, `first` first. */
function adminChoices(index: NameIndex, first: string): string[] {
  return firstThen(first, adminGroups(index));
}

/**
 * A whole SMTP connector from the routing group nearest the file to one it has
 * no connector to yet (one that connects back first), forwarding to that
 * group's bridgehead FQDNs; to the Internet (`*`) when there is no other group.
 */
export function connectorSnippet(index: NameIndex, uri: string): DocumentSnippet {
  const groups = groupsNear(index, uri);
  if (!groups.length) return SAMPLE_CONNECTOR;
  const own = groups[0];
  const others = groups.slice(1);
  const rank = (g: Group) =>
    (index.links(own.admin, own.name, g.admin, g.name) ? 4 : 0) +
    (index.links(g.admin, g.name, own.admin, own.name) ? 0 : 2) +
    (g.servers.some((s) => s.fqdn) ? 0 : 1);
  const to = others.map((g, i) => ({ g, r: rank(g), i })).sort((a, b) => a.r - b.r || a.i - b.i)[0]?.g;
  const name = unique(`${own.name} to ${to ? to.name : 'Internet'}`, (n) => index.hasConnectorNamed(n));
  const bridgehead = own.servers[0];
  const fqdns = to ? [...new Map(to.servers.filter((s) => s.fqdn).map((s) => [hostKey(s.fqdn!), s.fqdn!])).values()] : [];
  // The cost of the connector back, when there is one: a link usually costs the same both ways.
  const back = to ? index.firstLink(to.admin, to.name, own.admin, own.name) : undefined;
  const t = new Template();
  t.text('kind: SmtpConnector\nname: ').tab(9, name);
  t.text('\nadministrativeGroup: ').choice(2, adminChoices(index, own.admin));
  t.text('\nroutingGroup: ').choice(
    1,
    groups.map((g) => g.name),
  );
  t.text('\n\ngeneral:\n');
  if (to && fqdns.length) t.text('  delivery: smartHost\n  smartHosts:\n    - ').choice(7, fqdns).text('\n');
  else t.text('  delivery: dns\n');
  t.text('  localBridgeheads:\n    - server: ').choice(
    3,
    own.servers.map((s) => s.name),
  );
  t.text('\n      virtualServer: ').choice(
    4,
    bridgehead.virtualServers.length ? bridgehead.virtualServers : ['Default SMTP Virtual Server'],
  );
  if (to) {
    t.text('\n\nconnectedRoutingGroups:\n  - routingGroup: ').choice(
      5,
      firstThen(
        to.name,
        others.map((g) => g.name),
      ),
    );
    t.text('\n    administrativeGroup: ').choice(6, adminChoices(index, to.admin));
    t.text('\n    cost: ').raw(`\${8:${back?.cost ?? 1}}`, String(back?.cost ?? 1));
  } else {
    t.text('\n\naddressSpace:\n  entries:\n    - type: SMTP\n      address: ').raw('"${5:*}"', '"*"');
    t.text('\n      cost: ').raw('${8:1}', '1');
  }
  return t.text('\n').raw('$0', '').done();
}

/**
 * A whole routing group in the administrative group of the nearest one, its
 * name and its first server's unused, the FQDN in the organization's first
 * authoritative domain (else the domain of a server's FQDN).
 */
export function routingGroupSnippet(index: NameIndex, uri: string): DocumentSnippet {
  const groups = groupsNear(index, uri);
  if (!groups.length) return SAMPLE_ROUTING_GROUP;
  const serverNames = new Set(groups.flatMap((g) => g.servers.map((s) => nameKey(s.name))));
  let server = 'NEW-EX01';
  for (let i = 2; serverNames.has(nameKey(server)); i++) server = `NEW-EX${String(i).padStart(2, '0')}`;
  const org = sorted(index.organizations).find((o) => o.model.authoritativeDomains.length);
  const someFqdn = groups.flatMap((g) => g.servers).find((s) => s.fqdn && s.fqdn.includes('.'))?.fqdn;
  const domain = org?.model.authoritativeDomains[0].value ?? someFqdn?.slice(someFqdn.indexOf('.') + 1) ?? 'example.com';
  const t = new Template();
  t.text('kind: RoutingGroup\nname: ').tab(
    1,
    unique('New Routing Group', (n) => index.findGroup(n) !== undefined),
  );
  t.text('\nadministrativeGroup: ').choice(2, adminChoices(index, groups[0].admin));
  t.text('\nservers:\n  - name: ').tab(3, server);
  t.text('\n    fqdn: ').tab(4, `${server.toLowerCase()}.${domain}`);
  t.text('\n    version: ').raw('"${5|2003,2000,5.5|}"', '"2003"');
  return t.text('\n').raw('$0', '').done();
}

/** Without routing groups in the workspace: sample values to overwrite. */
const SAMPLE_CONNECTOR = new Template()
  .text('kind: SmtpConnector\nname: ')
  .tab(1, 'Paris to Boston')
  .text('\nadministrativeGroup: ')
  .tab(2, 'First Administrative Group')
  .text('\nroutingGroup: ')
  .tab(3, 'Paris')
  .text('\n\ngeneral:\n  delivery: ')
  .raw('${4|smartHost,dns|}', 'smartHost')
  .text('\n  smartHosts:\n    - ')
  .tab(5, 'bos-ex01.boston.contoso.com')
  .text('\n  localBridgeheads:\n    - server: ')
  .tab(6, 'PAR-EX01')
  .text('\n      virtualServer: ')
  .tab(7, 'Default SMTP Virtual Server')
  .text('\n\nconnectedRoutingGroups:\n  - routingGroup: ')
  .tab(8, 'Boston')
  .text('\n    cost: ')
  .raw('${9:1}', '1')
  .text('\n')
  .done();

const SAMPLE_ROUTING_GROUP = new Template()
  .text('kind: RoutingGroup\nname: ')
  .tab(1, 'Boston')
  .text('\nadministrativeGroup: ')
  .tab(2, 'First Administrative Group')
  .text('\nservers:\n  - name: ')
  .tab(3, 'BOS-EX01')
  .text('\n    fqdn: ')
  .tab(4, 'bos-ex01.boston.contoso.com')
  .text('\n    version: ')
  .raw('"${5|2003,2000,5.5|}"', '"2003"')
  .text('\n')
  .done();
