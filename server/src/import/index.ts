/**
 * `exconn import`'s engine: an ldifde export's bytes in, the documents to
 * write (paths relative to the target folder, and their text) and the report
 * out. Pure: the CLI and the VS Code command do the reading and writing.
 */
import { buildDirectory, type DirObject } from './directory';
import { readLdif } from './ldif';
import { Reader } from './read';
import { PathAllocator } from './layout';
import { routingGroupConnector, smtpConnector, SMTP_NOT_IN_EXPORT, PASSWORD_ATTRIBUTE } from './connectors';
import { organization, routingGroup } from './topology';
import { formatOffset } from './schedule';
import { describe, type ConversionContext, type ImportedDocument, type ReportLine } from './model';
import { writeDocument } from './yamlWriter';
import { KINDS } from '../model/catalog';

/** Routing Group Connectors are written once the format has their kind; until then they are reported. */
export const RGC_KIND_KNOWN = (KINDS as readonly string[]).includes('RoutingGroupConnector');

export interface ImportOptions {
  /** Minutes east of UTC at which schedules are written. */
  offsetMinutes: number;
}

export interface ImportedFile {
  /** Relative to the target folder, with `/`. */
  path: string;
  text: string;
  document: ImportedDocument;
}

export interface ImportResult {
  files: ImportedFile[];
  report: ReportLine[];
  /** False when the export holds no Exchange organization: nothing to write. */
  found: boolean;
}

/** The comment line that records an object's GUID (docs/format.md, "Imported objects"). */
export const GUID_COMMENT = 'objectGUID:';
/** The organization file's comment that records the offset its schedules were written at. */
export const OFFSET_COMMENT = 'schedule times: UTC';

export function importLdif(bytes: Uint8Array, options: ImportOptions): ImportResult {
  const report: ReportLine[] = [];
  const ldif = readLdif(bytes);
  for (const p of ldif.problems) report.push({ level: 'warning', text: `line ${p.line}: ${p.message}` });
  const dir = buildDirectory(ldif.records);
  for (const u of dir.unreadable) report.push({ level: 'warning', text: `line ${u.record.line}: skipped '${u.record.dn}': ${u.reason}` });
  const r = new Reader();
  const ctx: ConversionContext = { offsetMinutes: options.offsetMinutes, report, read: new Set() };

  const orgObject = dir.objects.find((o) => o.type === 'organization');
  const orgName = orgObject?.name ?? dir.objects.find((o) => o.organization)?.organization;
  if (orgName === undefined) {
    report.push({
      level: 'warning',
      text: 'the export holds no Exchange organization (CN=<Org>,CN=Microsoft Exchange,CN=Services,…): nothing was imported',
    });
    return { files: [], report, found: false };
  }
  const otherOrgs = new Set(
    dir.objects.filter((o) => o.organization && o.organization.toLowerCase() !== orgName.toLowerCase()).map((o) => o.organization!),
  );
  for (const o of otherOrgs) report.push({ level: 'warning', text: `objects of a second organization '${o}' were left out` });
  const inOrg = (o: DirObject) => (o.organization ?? orgName).toLowerCase() === orgName.toLowerCase();

  const c = { dir, r, ctx, organization: orgName };
  const docs: ImportedDocument[] = [organization(c, orgName, orgObject)];
  const sorted = (type: DirObject['type']) =>
    dir.objects
      .filter((o) => o.type === type && inOrg(o))
      .sort((a, b) =>
        `${a.administrativeGroup}/${a.routingGroup}/${a.name}`.localeCompare(`${b.administrativeGroup}/${b.routingGroup}/${b.name}`),
      );
  for (const rg of sorted('routingGroup')) {
    if (!rg.administrativeGroup) {
      report.push({
        level: 'warning',
        object: describe('RoutingGroup', rg.name),
        text: 'it is not under CN=Routing Groups of an administrative group: left out',
      });
      continue;
    }
    docs.push(routingGroup(c, rg));
  }
  for (const type of ['smtpConnector', 'routingGroupConnector'] as const) {
    for (const conn of sorted(type)) {
      if (!conn.routingGroup || !conn.administrativeGroup) {
        report.push({
          level: 'warning',
          object: describe(type === 'smtpConnector' ? 'SmtpConnector' : 'RoutingGroupConnector', conn.name),
          text: 'it is not under CN=Connections of a routing group: left out',
        });
        continue;
      }
      if (type === 'routingGroupConnector' && !RGC_KIND_KNOWN) {
        report.push({
          level: 'warning',
          object: describe('RoutingGroupConnector', conn.name),
          text: `not written: this version of exconn has no kind RoutingGroupConnector yet (it links ${conn.routingGroup} to another routing group)`,
        });
        continue;
      }
      docs.push(type === 'smtpConnector' ? smtpConnector(c, conn) : routingGroupConnector(c, conn));
    }
  }
  for (const o of sorted('otherConnector'))
    report.push({
      level: 'warning',
      object: `${o.objectClass} "${o.name}"`,
      text: `the format has no kind for this connector (in ${o.routingGroup ?? '?'}): not imported; routes through it are not seen by exconn route`,
    });

  const files = layout(docs, orgName, options.offsetMinutes);
  summarize(c, docs, report, options.offsetMinutes);
  return { files, report, found: true };
}

function layout(docs: ImportedDocument[], orgName: string, offsetMinutes: number): ImportedFile[] {
  const paths = new PathAllocator();
  return docs.map((d) => {
    const path =
      d.kind === 'Organization'
        ? paths.allocate([], orgName, '.organization.yaml')
        : d.kind === 'RoutingGroup'
          ? paths.allocate([d.administrativeGroup!, d.name], d.name, '.routinggroup.yaml')
          : paths.allocate([d.administrativeGroup!, d.routingGroup!], d.name, '.connector.yaml');
    const header: string[] = [];
    if (d.kind === 'Organization') {
      header.push(`Imported by exconn import from an ldifde export.`);
      header.push(`${OFFSET_COMMENT}${formatOffset(offsetMinutes)}`);
    }
    if (d.guid) header.push(`${GUID_COMMENT} ${d.guid}`);
    if (d.notInExport.length) header.push(`not in the export: ${d.notInExport.join(', ')}`);
    header.push(...d.notes);
    const spaced = d.kind === 'SmtpConnector' || d.kind === 'RoutingGroupConnector';
    return { path, text: writeDocument(header, d.body, spaced), document: d };
  });
}

function summarize(
  c: { dir: ReturnType<typeof buildDirectory>; r: Reader },
  docs: ImportedDocument[],
  report: ReportLine[],
  offsetMinutes: number,
) {
  const count = (k: string) => docs.filter((d) => d.kind === k).length;
  report.unshift({
    level: 'note',
    text: `imported 1 organization, ${count('RoutingGroup')} routing groups, ${count('SmtpConnector')} SMTP connectors and ${count('RoutingGroupConnector')} routing group connectors`,
  });
  if (count('SmtpConnector'))
    report.push({
      level: 'note',
      text: `not in the export, so left out of every SMTP connector (named at the top of each file): ${SMTP_NOT_IN_EXPORT.join(', ')}`,
    });
  if (docs.some((d) => JSON.stringify(d.body).includes('"connectionTime"')))
    report.push({
      level: 'note',
      text: `schedules are written at UTC${formatOffset(offsetMinutes)} (a fixed offset: daylight saving time is not applied; give --timezone to change it)`,
    });
  if (c.dir.objects.some((o) => o.record.attributes.has(PASSWORD_ATTRIBUTE.toLowerCase())))
    report.push({
      level: 'warning',
      text: `passwords are never written; run ldifde with -o ${PASSWORD_ATTRIBUTE} so that the export does not hold them either`,
    });
  // Attributes of imported objects that no mapping reads, by class.
  const unread = new Map<string, Map<string, number>>();
  for (const o of c.dir.objects) {
    if (!c.r.read.has(o)) continue;
    for (const a of c.r.unread(o)) {
      const byAttr = unread.get(o.objectClass) ?? new Map<string, number>();
      byAttr.set(a, (byAttr.get(a) ?? 0) + 1);
      unread.set(o.objectClass, byAttr);
    }
  }
  for (const [cls, byAttr] of unread)
    report.push({
      level: 'note',
      text: `attributes no mapping reads, on ${cls}: ${[...byAttr].map(([a, n]) => (n > 1 ? `${a} (${n})` : a)).join(', ')}`,
    });
  const others = new Map<string, number>();
  for (const o of c.dir.objects)
    if (o.type === 'other' || o.type === 'account' || o.type === 'crossRef')
      others.set(o.objectClass, (others.get(o.objectClass) ?? 0) + 1);
  if (others.size)
    report.push({
      level: 'note',
      text: `objects of other classes, not imported: ${[...others].map(([k, n]) => `${k} (${n})`).join(', ')}`,
    });
}

/** The report as text, one line each. */
export function formatImportReport(report: readonly ReportLine[]): string {
  return report.map((l) => `${l.level}: ${l.object ? `${l.object}: ` : ''}${l.text}\n`).join('');
}
