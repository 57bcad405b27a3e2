/**
 * SMTP connectors (msExchRoutingSMTPConnector) and Routing Group Connectors
 * (msExchRoutingGroupConnector) to the format's documents. Each setting is
 * written only from the attribute that holds it (docs/import.md lists them
 * with their sources); what the export cannot say is named in notInExport.
 */
import { lookup, type Directory, type DirObject } from './directory';
import { parseDn } from './dn';
import { normalizeGuid } from './guid';
import type { ConversionContext, ImportedDocument } from './model';
import { describe } from './model';
import type { Reader } from './read';
import { readSchedule } from './schedule';
import type { YamlMap, YamlValue } from './yamlWriter';
import { accountName } from './accounts';

/** Keys of an SMTP connector that no attribute of the export is known to hold. */
export const SMTP_NOT_IN_EXPORT = [
  'addressSpace.allowRelay',
  'contentRestrictions.allowedPriorities',
  'contentRestrictions.allowedTypes',
  'deliveryOptions.oversize',
  'deliveryOptions.remoteTriggeredDelivery',
  'advanced.outboundSecurity.authentication',
  'advanced.etrnTurn',
];

export const RGC_NOT_IN_EXPORT = ['contentRestrictions.allowedPriorities', 'contentRestrictions.allowedTypes', 'deliveryOptions.oversize'];

/** The outbound password attribute: read only to say that it was there. */
export const PASSWORD_ATTRIBUTE = 'msExchSmtpOutboundSecurityPassword';

// msExchSmtpOutboundSecurityFlag bits (Exchange 2007's reader of 2003 connectors).
const FLAG_REQUIRE_TLS = 0x4;
const FLAG_FORCE_HELO = 0x400000;

const ADDRESS_TYPES = ['SMTP', 'X400', 'MS', 'CCMAIL', 'NOTES', 'GWISE'];

interface Converter {
  dir: Directory;
  r: Reader;
  ctx: ConversionContext;
  organization: string;
}

function warn(c: Converter, object: string, text: string) {
  c.ctx.report.push({ level: 'warning', object, text });
}

/** Drops undefined members and empty mappings, so that only what the export says is written. */
function compact(map: YamlMap): YamlMap | undefined {
  const out: YamlMap = {};
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined) continue;
    if (typeof v === 'object' && !Array.isArray(v)) {
      const inner = compact(v);
      if (inner) out[k] = inner;
    } else out[k] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A bridgehead from the DN of an SMTP virtual server: `CN=1,CN=SMTP,CN=Protocols,CN=<server>,…`. */
function bridgehead(c: Converter, dn: string, who: string, notes: string[]): YamlMap | undefined {
  const rdns = parseDn(dn);
  if (!rdns || rdns.length < 4 || rdns[1].value.toLowerCase() !== 'smtp' || rdns[2].value.toLowerCase() !== 'protocols') {
    warn(c, who, `bridgehead '${dn}' is not the DN of an SMTP virtual server: left out`);
    return undefined;
  }
  const server = rdns[3].value;
  const vs = lookup(c.dir, dn);
  return { server, virtualServer: virtualServerName(c, vs, server, rdns[0].value, notes) };
}

/**
 * A virtual server's display name: its adminDisplayName. Without it (or
 * without the object) the cn, the metabase instance number, stands in, and
 * the file says so.
 */
export function virtualServerName(c: { r: Reader }, vs: DirObject | undefined, server: string, cn: string, notes: string[]): string {
  const name = vs ? c.r.text(vs, 'adminDisplayName')?.trim() : undefined;
  if (name) return name;
  const note = `SMTP virtual server ${cn} of ${server}: its display name is not in the export; its instance number ${cn} stands in`;
  if (!notes.includes(note)) notes.push(note);
  return cn;
}

function smartHosts(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[;,]/)
    .map((h) => h.trim())
    .filter((h) => h !== '');
}

interface AddressSpaceEntry {
  type: string;
  address: string;
  cost: number;
  local: boolean;
}

/** `[Local:]TYPE:address;cost` (routingList); cost 1 when absent. */
export function parseAddressSpace(value: string): AddressSpaceEntry | undefined {
  let text = value.trim();
  let local = false;
  if (/^local:/i.test(text)) {
    local = true;
    text = text.slice('local:'.length);
  }
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  const type = text.slice(0, colon);
  let rest = text.slice(colon + 1);
  let cost = 1;
  const semi = rest.lastIndexOf(';');
  // An X.400 address ends with its own ';' and carries no cost there.
  if (semi !== -1 && !(type.toLowerCase() === 'x400' && semi === rest.length - 1)) {
    const costText = rest.slice(semi + 1);
    if (costText !== '') {
      if (!/^\d+$/.test(costText)) return undefined;
      cost = Number(costText);
    }
    rest = rest.slice(0, semi);
  }
  const upper = type.toUpperCase();
  const address = upper === 'SMTP' || upper === 'X400' ? rest : rest.replace(/\(a\)/g, '@');
  return { type, address, cost, local };
}

function addressType(c: Converter, who: string, type: string): string {
  const upper = type.toUpperCase();
  if (ADDRESS_TYPES.includes(upper)) return upper;
  warn(c, who, `address type '${type}' is not one the format names: written as OTHER`);
  return 'OTHER';
}

function addressSpace(c: Converter, obj: DirObject, who: string): YamlMap | undefined {
  const entries: YamlMap[] = [];
  const locals: boolean[] = [];
  for (const v of c.r.texts(obj, 'routingList')) {
    const e = parseAddressSpace(v);
    if (!e) {
      warn(c, who, `address space '${v}' does not read as TYPE:address;cost: left out`);
      continue;
    }
    entries.push({ type: addressType(c, who, e.type), address: e.address, cost: e.cost });
    locals.push(e.local);
  }
  if (entries.length === 0) return undefined;
  // Exchange reads a connector's scope from its first entry (MailGateway.GetScopedConnector).
  if (locals.some((l) => l !== locals[0]))
    warn(c, who, 'some address spaces are scoped to the routing group and some are not: the first one decides');
  return { entries, scope: locals[0] ? 'routingGroup' : undefined };
}

/** `Org§AdminGroup§{RG GUID}§cost§TYPE:address` (connectedDomains). */
export function parseConnectedDomain(
  value: string,
): { organization: string; administrativeGroup: string; guid: string; cost: number; type: string; address: string } | undefined {
  const parts = value.split('\u00a7');
  if (parts.length < 4) return undefined;
  const guid = normalizeGuid(parts[2]);
  if (!guid) return undefined;
  let cost = 1;
  let addressText = parts.slice(3).join('\u00a7');
  if (parts.length >= 5) {
    if (!/^\d+$/.test(parts[3])) return undefined;
    cost = Number(parts[3]);
    addressText = parts.slice(4).join('\u00a7');
  }
  const colon = addressText.indexOf(':');
  const type = colon > 0 ? addressText.slice(0, colon) : 'SMTP';
  const address = colon > 0 ? addressText.slice(colon + 1) : addressText;
  return { organization: parts[0], administrativeGroup: parts[1], guid, cost, type, address };
}

function connectedRoutingGroups(c: Converter, obj: DirObject, who: string): YamlMap[] | undefined {
  const out: YamlMap[] = [];
  for (const v of c.r.texts(obj, 'connectedDomains')) {
    const d = parseConnectedDomain(v);
    if (!d) {
      warn(c, who, `connected routing group '${v}' does not read as Org§AdminGroup§{GUID}§cost§address: left out`);
      continue;
    }
    const rg = c.dir.byGuid.get(d.guid);
    if (!rg || rg.type !== 'routingGroup') {
      warn(
        c,
        who,
        `connected routing group {${d.guid}} of ${d.administrativeGroup} is not in the export (an Exchange 5.5 site, or another organization): left out`,
      );
      continue;
    }
    const entry: YamlMap = { routingGroup: rg.name };
    if (rg.administrativeGroup && rg.administrativeGroup.toLowerCase() !== (obj.administrativeGroup ?? '').toLowerCase())
      entry.administrativeGroup = rg.administrativeGroup;
    if (d.organization && d.organization.toLowerCase() !== c.organization.toLowerCase()) entry.organization = d.organization;
    if (d.type.toUpperCase() === 'SMTP' && d.address !== '' && d.address !== '*') entry.routingAddress = d.address;
    entry.cost = d.cost;
    out.push(entry);
  }
  return out.length ? out : undefined;
}

function restrictions(c: Converter, obj: DirObject): YamlMap | undefined {
  const dflt = c.r.int(obj, 'dLMemDefault');
  const names = (attrs: string[]) => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const a of attrs)
      for (const dn of c.r.texts(obj, a)) {
        const n = accountName(c.dir, c.r, dn);
        if (!seen.has(n.toLowerCase())) {
          seen.add(n.toLowerCase());
          out.push(n);
        }
      }
    return out;
  };
  const acceptFrom = names(['authOrig', 'dLMemSubmitPerms']);
  const rejectFrom = names(['unauthOrig', 'dLMemRejectPerms']);
  return compact({
    default: dflt === 0 ? 'reject' : undefined,
    acceptFrom: acceptFrom.length ? acceptFrom : undefined,
    rejectFrom: rejectFrom.length ? rejectFrom : undefined,
  });
}

function deliveryOptions(c: Converter, obj: DirObject, who: string): YamlMap | undefined {
  const style = c.r.int(obj, 'activationStyle');
  const bitmap = c.r.bytes(obj, 'activationSchedule');
  if (style === undefined) return undefined;
  const s = readSchedule(style, bitmap, c.ctx.offsetMinutes);
  if (!s) {
    warn(
      c,
      who,
      `connection time (activationStyle ${style}${bitmap ? `, a schedule of ${bitmap.length} bytes` : ''}) does not read: left out`,
    );
    return undefined;
  }
  if (s.connectionTime === 'always') return undefined;
  return { connectionTime: s.connectionTime, schedule: s.schedule };
}

function maxSize(c: Converter, obj: DirObject): number | undefined {
  const kb = c.r.int(obj, 'delivContLength');
  return kb !== undefined && kb >= 0 ? kb : undefined;
}

function details(c: Converter, obj: DirObject): YamlMap | undefined {
  const note = c.r.text(obj, 'adminDescription');
  return note !== undefined && note.trim() !== '' ? { adminNote: note } : undefined;
}

function header(obj: DirObject, kind: ImportedDocument['kind']): YamlMap {
  return { kind, name: obj.name, administrativeGroup: obj.administrativeGroup, routingGroup: obj.routingGroup };
}

/** An msExchRoutingSMTPConnector as a `kind: SmtpConnector` document. */
export function smtpConnector(c: Converter, obj: DirObject): ImportedDocument {
  const who = describe('SmtpConnector', obj.name);
  const notes: string[] = [];
  const hosts = smartHosts(c.r.text(obj, 'msExchSmtpSmartHost'));
  const bridgeheads = c.r
    .texts(obj, 'msExchSourceBridgeheadServersDN')
    .map((dn) => bridgehead(c, dn, who, notes))
    .filter((b): b is YamlMap => b !== undefined);
  const noPf = c.r.bool(obj, 'msExchNoPFConnection');
  const flags = c.r.int(obj, 'msExchSmtpOutboundSecurityFlag') ?? 0;
  const username = c.r.text(obj, 'msExchSmtpOutboundSecurityUserName');
  if (c.r.has(obj, PASSWORD_ATTRIBUTE)) {
    c.r.mark(obj, PASSWORD_ATTRIBUTE);
    warn(
      c,
      who,
      `the export holds its outbound password (${PASSWORD_ATTRIBUTE}); it was not written. Re-export with -o ${PASSWORD_ATTRIBUTE}`,
    );
  }
  const body: YamlMap = {
    ...header(obj, 'SmtpConnector'),
    general: {
      delivery: hosts.length ? 'smartHost' : 'dns',
      smartHosts: hosts.length ? hosts : undefined,
      localBridgeheads: bridgeheads,
      allowPublicFolderReferrals: noPf === true ? false : undefined,
    },
    addressSpace: addressSpace(c, obj, who),
    connectedRoutingGroups: connectedRoutingGroups(c, obj, who),
    deliveryRestrictions: restrictions(c, obj),
    contentRestrictions: compact({ maxMessageSizeKB: maxSize(c, obj) }),
    deliveryOptions: deliveryOptions(c, obj, who),
    advanced: compact({
      sendHelo: flags & FLAG_FORCE_HELO ? true : undefined,
      outboundSecurity: compact({ username: username?.trim() ? username : undefined, tls: flags & FLAG_REQUIRE_TLS ? true : undefined }),
    }),
    details: details(c, obj),
  };
  return {
    kind: 'SmtpConnector',
    name: obj.name,
    administrativeGroup: obj.administrativeGroup,
    routingGroup: obj.routingGroup,
    guid: obj.guid,
    dn: obj.record.dn,
    body: compactTop(body),
    notInExport: [...SMTP_NOT_IN_EXPORT],
    notes,
  };
}

/** An msExchRoutingGroupConnector as a `kind: RoutingGroupConnector` document. */
export function routingGroupConnector(c: Converter, obj: DirObject): ImportedDocument {
  const who = describe('RoutingGroupConnector', obj.name);
  const notes: string[] = [];
  const target = c.r.text(obj, 'msExchDestinationRGDN');
  const targetRdns = target !== undefined ? parseDn(target) : undefined;
  let connected: YamlMap | undefined;
  if (targetRdns && targetRdns.length >= 3 && targetRdns[1].value.toLowerCase() === 'routing groups')
    connected = { routingGroup: targetRdns[0].value, administrativeGroup: targetRdns[2].value };
  else warn(c, who, `its connected routing group (msExchDestinationRGDN${target ? ` '${target}'` : ''}) does not read: left out`);
  const local = c.r
    .texts(obj, 'msExchSourceBridgeheadServersDN')
    .map((dn) => bridgehead(c, dn, who, notes))
    .filter((b): b is YamlMap => b !== undefined);
  const remote = c.r
    .texts(obj, 'msExchTargetBridgeheadServersDN')
    .map((dn) => bridgehead(c, dn, who, notes))
    .filter((b): b is YamlMap => b !== undefined);
  const noPf = c.r.bool(obj, 'msExchNoPFConnection');
  const body: YamlMap = {
    ...header(obj, 'RoutingGroupConnector'),
    general: {
      connectedRoutingGroup: connected,
      cost: c.r.int(obj, 'cost') ?? 1,
      localBridgeheads: local.length ? local : undefined,
      allowPublicFolderReferrals: noPf === true ? false : undefined,
    },
    remoteBridgeheads: remote,
    deliveryRestrictions: restrictions(c, obj),
    contentRestrictions: compact({ maxMessageSizeKB: maxSize(c, obj) }),
    deliveryOptions: deliveryOptions(c, obj, who),
    details: details(c, obj),
  };
  return {
    kind: 'RoutingGroupConnector',
    name: obj.name,
    administrativeGroup: obj.administrativeGroup,
    routingGroup: obj.routingGroup,
    guid: obj.guid,
    dn: obj.record.dn,
    body: compactTop(body),
    notInExport: [...RGC_NOT_IN_EXPORT],
    notes,
  };
}

/** Top level: drop undefined tabs and empty mappings, keep empty lists that the format requires. */
function compactTop(body: YamlMap): YamlMap {
  const out: YamlMap = {};
  for (const [k, v] of Object.entries(body)) {
    if (v === undefined) continue;
    if (typeof v === 'object' && !Array.isArray(v)) {
      const inner = compactKeepLists(v);
      if (inner) out[k] = inner;
    } else out[k] = v as YamlValue;
  }
  return out;
}

function compactKeepLists(map: YamlMap): YamlMap | undefined {
  const out: YamlMap = {};
  for (const [k, v] of Object.entries(map)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

export type { Converter };
