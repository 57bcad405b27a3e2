/**
 * `exconn drift`'s engine: the files against a fresh export. Both sides are
 * read into the same facts (field → value in words, defaults applied, names
 * and hosts in lower case, unordered lists sorted), and only the fields an
 * import can establish are compared: a key the export cannot say (such as
 * allowRelay) is never drift. Objects are matched by the objectGUID the import
 * recorded in the file, else by kind and name.
 */
import { parseDocument } from 'yaml';
import { splitDocuments } from '../model/split';
import { importLdif, GUID_COMMENT, OFFSET_COMMENT } from './index';
import { normalizeGuid } from './guid';
import { localToWindows, windowsToLocal, parseOffset } from './schedule';
import type { ImportedKind } from './model';
import type { YamlMap, YamlValue } from './yamlWriter';

export interface DriftFile {
  /** As shown in the report (relative, with `/`). */
  path: string;
  text: string;
}

export interface DriftDifference {
  field: string;
  /** The value in the files, in words; undefined when the field is absent there. */
  files?: string;
  export?: string;
}

export type DriftStatus = 'changed' | 'onlyInFiles' | 'onlyInExport';

export interface DriftEntry {
  kind: ImportedKind;
  name: string;
  administrativeGroup?: string;
  routingGroup?: string;
  guid?: string;
  file?: string;
  status: DriftStatus;
  differences: DriftDifference[];
}

export interface DriftResult {
  /** Objects found on both sides and compared. */
  compared: number;
  entries: DriftEntry[];
  /** Documents that could not be read, and the export's own warnings. */
  problems: string[];
  /** The offset schedules were compared at. */
  offsetMinutes: number;
}

interface Side {
  kind: ImportedKind;
  body: YamlMap;
  guid?: string;
  file?: string;
}

const KINDS: readonly string[] = ['Organization', 'RoutingGroup', 'SmtpConnector', 'RoutingGroupConnector'];

/** Reads the documents of the files: their bodies and the GUID comment before each. */
export function readFileSides(files: readonly DriftFile[], problems: string[]): { sides: Side[]; offset?: number } {
  const sides: Side[] = [];
  let offset: number | undefined;
  for (const f of files) {
    for (const slice of splitDocuments(f.text)) {
      const doc = parseDocument(slice.text);
      if (doc.errors.length) {
        problems.push(`${f.path}:${slice.line + 1}: a document does not parse: not compared`);
        continue;
      }
      const body = doc.toJS() as unknown;
      if (body === null || body === undefined) continue;
      if (typeof body !== 'object' || Array.isArray(body) || !KINDS.includes(String((body as YamlMap).kind))) {
        problems.push(`${f.path}:${slice.line + 1}: a document without a known kind: not compared`);
        continue;
      }
      let guid: string | undefined;
      for (const line of slice.text.split(/\r\n|\r|\n/)) {
        const t = line.trim();
        if (t !== '' && !t.startsWith('#') && t !== '---') break;
        const c = t.replace(/^#\s*/, '');
        if (c.startsWith(GUID_COMMENT)) guid = normalizeGuid(c.slice(GUID_COMMENT.length));
        if (c.startsWith(OFFSET_COMMENT)) offset = parseOffset(c.slice(OFFSET_COMMENT.length).trim()) ?? offset;
      }
      sides.push({ kind: (body as YamlMap).kind as ImportedKind, body: body as YamlMap, guid, file: f.path });
    }
  }
  return { sides, offset };
}

const lower = (v: unknown) => String(v).toLowerCase();
const text = (v: unknown, dflt: string) => (v === undefined || v === null ? dflt : String(v));
const map = (v: unknown): YamlMap => (v && typeof v === 'object' && !Array.isArray(v) ? (v as YamlMap) : {});
const list = (v: unknown): YamlValue[] => (Array.isArray(v) ? (v as YamlValue[]) : []);
const set = (items: string[]) => (items.length ? [...new Set(items)].sort().join(', ') : '(none)');

function bridgeheads(v: unknown): string {
  return set(list(v).map((b) => `${lower(map(b).server)}/${lower(map(b).virtualServer ?? 'Default SMTP Virtual Server')}`));
}

function schedule(connectionTime: string, windows: unknown): string {
  if (connectionTime !== 'custom') return '(none)';
  const texts = list(windows).filter((w): w is string => typeof w === 'string');
  return localToWindows(windowsToLocal(texts)).join('; ') || '(none)';
}

/** Facts shared by both connector kinds. */
function connectorFacts(b: YamlMap, out: Map<string, string>) {
  const restrictions = map(b.deliveryRestrictions);
  out.set('deliveryRestrictions.default', text(restrictions.default, 'accept'));
  out.set('deliveryRestrictions.acceptFrom', set(list(restrictions.acceptFrom).map(lower)));
  out.set('deliveryRestrictions.rejectFrom', set(list(restrictions.rejectFrom).map(lower)));
  out.set('contentRestrictions.maxMessageSizeKB', text(map(b.contentRestrictions).maxMessageSizeKB, 'no limit'));
  const options = map(b.deliveryOptions);
  const connectionTime = text(options.connectionTime, 'always');
  out.set('deliveryOptions.connectionTime', connectionTime);
  out.set('deliveryOptions.schedule', schedule(connectionTime, options.schedule));
  out.set('details.adminNote', text(map(b.details).adminNote, '(none)'));
}

/** The compared facts of a document, field by field. */
export function facts(kind: ImportedKind, b: YamlMap): Map<string, string> {
  const out = new Map<string, string>();
  if (kind === 'Organization') {
    out.set('name', lower(b.name));
    out.set('authoritativeDomains', set(list(b.authoritativeDomains).map(lower)));
    out.set('administrativeGroups', set(list(b.administrativeGroups).map(lower)));
    return out;
  }
  out.set('name', lower(b.name));
  out.set('administrativeGroup', lower(b.administrativeGroup));
  if (kind === 'RoutingGroup') {
    for (const s of list(b.servers)) {
      const server = map(s);
      const key = `servers[${lower(server.name)}]`;
      out.set(key, 'defined');
      if (server.fqdn !== undefined) out.set(`${key}.fqdn`, lower(server.fqdn).replace(/\.$/, ''));
      if (server.ip !== undefined) out.set(`${key}.ip`, String(server.ip));
      if (server.version !== undefined) out.set(`${key}.version`, String(server.version));
      out.set(`${key}.smtpVirtualServers`, set(list(server.smtpVirtualServers ?? ['Default SMTP Virtual Server']).map(lower)));
    }
    return out;
  }
  out.set('routingGroup', lower(b.routingGroup));
  const g = map(b.general);
  if (kind === 'SmtpConnector') {
    out.set('general.delivery', text(g.delivery, 'dns'));
    out.set('general.smartHosts', list(g.smartHosts).map(lower).join(', ') || '(none)');
    out.set('general.localBridgeheads', bridgeheads(g.localBridgeheads));
    out.set('general.allowPublicFolderReferrals', text(g.allowPublicFolderReferrals, 'true'));
    const as = map(b.addressSpace);
    out.set(
      'addressSpace.entries',
      set(list(as.entries).map((e) => `${String(map(e).type).toUpperCase()}:${lower(map(e).address)};${text(map(e).cost, '1')}`)),
    );
    out.set('addressSpace.scope', text(as.scope, 'organization'));
    const own = lower(b.administrativeGroup);
    out.set(
      'connectedRoutingGroups',
      set(
        list(b.connectedRoutingGroups)
          .map(map)
          .filter((c) => c.routingGroup !== undefined)
          .map(
            (c) =>
              `${c.administrativeGroup !== undefined ? lower(c.administrativeGroup) : own}/${lower(c.routingGroup)} cost ${text(c.cost, '1')}${c.routingAddress !== undefined ? ` via ${lower(c.routingAddress)}` : ''}`,
          ),
      ),
    );
    const adv = map(b.advanced);
    const sec = map(adv.outboundSecurity);
    out.set('advanced.sendHelo', text(adv.sendHelo, 'false'));
    out.set('advanced.outboundSecurity.username', text(sec.username, '(none)'));
    out.set('advanced.outboundSecurity.tls', text(sec.tls, 'false'));
  } else {
    const c = map(g.connectedRoutingGroup);
    out.set('general.connectedRoutingGroup', `${lower(c.administrativeGroup ?? b.administrativeGroup)}/${lower(c.routingGroup)}`);
    out.set('general.cost', text(g.cost, '1'));
    out.set('general.localBridgeheads', bridgeheads(g.localBridgeheads));
    out.set('general.allowPublicFolderReferrals', text(g.allowPublicFolderReferrals, 'true'));
    out.set('remoteBridgeheads', bridgeheads(b.remoteBridgeheads));
  }
  connectorFacts(b, out);
  return out;
}

/** Fields the export may be silent on (a server's FQDN, address, version): not compared then. */
const OPTIONAL_IN_EXPORT = /^servers\[[^\]]*\]\.(fqdn|ip|version)$/;

function identity(kind: ImportedKind, b: YamlMap): string {
  if (kind === 'Organization') return 'Organization';
  const parts = [kind, b.administrativeGroup, kind === 'RoutingGroup' ? '' : b.routingGroup, b.name];
  return parts.map((p) => lower(p ?? '')).join('|');
}

function compare(files: Side, exp: Side): DriftDifference[] {
  const f = facts(files.kind, files.body);
  const e = facts(exp.kind, exp.body);
  const out: DriftDifference[] = [];
  for (const field of new Set([...e.keys(), ...f.keys()])) {
    const fv = f.get(field);
    const ev = e.get(field);
    if (fv === ev) continue;
    if (ev === undefined && OPTIONAL_IN_EXPORT.test(field) && e.has(field.slice(0, field.lastIndexOf('.')))) continue;
    out.push({ field, files: fv, export: ev });
  }
  return out;
}

/** Compares the files with an export; schedules at the given offset, else the one the import recorded, else UTC. */
export function compareDrift(exportBytes: Uint8Array, files: readonly DriftFile[], options: { offsetMinutes?: number } = {}): DriftResult {
  const problems: string[] = [];
  const read = readFileSides(files, problems);
  const offsetMinutes = options.offsetMinutes ?? read.offset ?? 0;
  const imported = importLdif(exportBytes, { offsetMinutes });
  if (!imported.found) problems.push('the export holds no Exchange organization');
  const exportSides: Side[] = imported.files.map((x) => ({ kind: x.document.kind, body: x.document.body, guid: x.document.guid }));
  const fileSides = read.sides;
  const matched = new Map<Side, Side>();
  const used = new Set<Side>();
  for (const e of exportSides) {
    if (!e.guid) continue;
    const f = fileSides.find((s) => !used.has(s) && s.guid === e.guid && s.kind === e.kind);
    if (f) {
      matched.set(e, f);
      used.add(f);
    }
  }
  for (const e of exportSides) {
    if (matched.has(e)) continue;
    const f = fileSides.find(
      (s) => !used.has(s) && !(s.guid && e.guid && s.guid !== e.guid) && identity(s.kind, s.body) === identity(e.kind, e.body),
    );
    if (f) {
      matched.set(e, f);
      used.add(f);
    }
  }
  const entry = (s: Side, status: DriftStatus, differences: DriftDifference[], file?: string): DriftEntry => ({
    kind: s.kind,
    name: String(s.body.name ?? ''),
    administrativeGroup: s.body.administrativeGroup === undefined ? undefined : String(s.body.administrativeGroup),
    routingGroup: s.body.routingGroup === undefined ? undefined : String(s.body.routingGroup),
    guid: s.guid,
    file,
    status,
    differences,
  });
  const entries: DriftEntry[] = [];
  for (const e of exportSides) {
    const f = matched.get(e);
    if (!f) {
      entries.push(entry(e, 'onlyInExport', []));
      continue;
    }
    const differences = compare(f, e);
    if (differences.length) entries.push(entry({ ...f, guid: f.guid ?? e.guid }, 'changed', differences, f.file));
  }
  for (const f of fileSides) if (!used.has(f)) entries.push(entry(f, 'onlyInFiles', [], f.file));
  return { compared: matched.size, entries, problems, offsetMinutes };
}
