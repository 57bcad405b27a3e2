/**
 * The export as a directory: records by DN, classified by objectClass, placed
 * in the Exchange tree (organization, administrative group, routing group,
 * server), with the look-ups the conversions need.
 */
import { dnKey, parseDn, rdnKey, type Rdn } from './dn';
import { first, values, type LdifRecord } from './ldif';
import { guidFromBytes } from './guid';

export type ObjectType =
  | 'organization'
  | 'adminGroup'
  | 'routingGroup'
  | 'server'
  | 'smtpVirtualServer'
  | 'smtpConnector'
  | 'routingGroupConnector'
  | 'otherConnector'
  | 'recipientPolicy'
  | 'account'
  | 'crossRef'
  | 'other';

const CLASS_TYPES: Record<string, ObjectType> = {
  msexchorganizationcontainer: 'organization',
  msexchadmingroup: 'adminGroup',
  msexchroutinggroup: 'routingGroup',
  msexchexchangeserver: 'server',
  protocolcfgsmtpserver: 'smtpVirtualServer',
  msexchroutingsmtpconnector: 'smtpConnector',
  msexchroutinggroupconnector: 'routingGroupConnector',
  msexchrecipientpolicy: 'recipientPolicy',
  crossref: 'crossRef',
};

/** Other connector classes that live under CN=Connections: recognised, reported, not imported. */
const OTHER_CONNECTORS = new Set([
  'msexchx400connector',
  'msexchconnector',
  'msexchcalendarconnector',
  'msexchnotesconnector',
  'msexchgwiseconnector',
  'mailgateway',
]);

export interface DirObject {
  record: LdifRecord;
  type: ObjectType;
  /** The most derived objectClass, as written. */
  objectClass: string;
  rdns: Rdn[];
  key: string;
  name: string;
  guid?: string;
  /** Where it sits in the Exchange tree, when it does. */
  organization?: string;
  administrativeGroup?: string;
  routingGroup?: string;
  server?: string;
}

export interface Directory {
  objects: DirObject[];
  byKey: Map<string, DirObject>;
  byGuid: Map<string, DirObject>;
  /** Records whose DN does not parse or that have no objectClass. */
  unreadable: { record: LdifRecord; reason: string }[];
}

/** Builds the directory from the records (in any order). */
export function buildDirectory(records: readonly LdifRecord[]): Directory {
  const objects: DirObject[] = [];
  const byKey = new Map<string, DirObject>();
  const byGuid = new Map<string, DirObject>();
  const unreadable: Directory['unreadable'] = [];
  for (const record of records) {
    const rdns = parseDn(record.dn);
    if (!rdns || rdns.length === 0) {
      unreadable.push({ record, reason: 'its DN does not parse' });
      continue;
    }
    const classes = values(record, 'objectClass').map((v) => v.text.trim());
    if (classes.length === 0) {
      unreadable.push({ record, reason: 'it has no objectClass' });
      continue;
    }
    const lower = classes.map((c) => c.toLowerCase());
    let type: ObjectType = 'other';
    for (const c of lower) if (CLASS_TYPES[c]) type = CLASS_TYPES[c];
    if (type === 'other' && lower.some((c) => OTHER_CONNECTORS.has(c)) && rdns[1]?.value.toLowerCase() === 'connections')
      type = 'otherConnector';
    if (type === 'other' && first(record, 'sAMAccountName') !== undefined) type = 'account';
    const guidBytes = values(record, 'objectGUID')[0];
    const obj: DirObject = {
      record,
      type,
      objectClass: classes[classes.length - 1],
      rdns,
      key: rdns.map(rdnKey).join(','),
      name: rdns[0].value,
      guid: guidBytes ? guidFromBytes(guidBytes.bytes) : undefined,
      ...placeInTree(rdns),
    };
    objects.push(obj);
    byKey.set(obj.key, obj);
    if (obj.guid) byGuid.set(obj.guid, obj);
  }
  return { objects, byKey, byGuid, unreadable };
}

const is = (r: Rdn | undefined, value: string) =>
  r !== undefined && r.type.toLowerCase() === 'cn' && r.value.toLowerCase() === value.toLowerCase();

/**
 * Organization, administrative group, routing group and server names from a
 * DN: `…,CN=<RG>,CN=Routing Groups,CN=<AG>,CN=Administrative Groups,CN=<Org>,CN=Microsoft Exchange,CN=Services,…`.
 */
export function placeInTree(rdns: readonly Rdn[]): Pick<DirObject, 'organization' | 'administrativeGroup' | 'routingGroup' | 'server'> {
  const ms = rdns.findIndex((r, i) => is(r, 'Microsoft Exchange') && is(rdns[i + 1], 'Services'));
  if (ms < 1) return {};
  const out: Pick<DirObject, 'organization' | 'administrativeGroup' | 'routingGroup' | 'server'> = { organization: rdns[ms - 1].value };
  // Walk down from the organization.
  const down = rdns.slice(0, ms - 1).reverse();
  if (is(down[0], 'Administrative Groups') && down[1]) {
    out.administrativeGroup = down[1].value;
    if (is(down[2], 'Routing Groups') && down[3]) out.routingGroup = down[3].value;
    if (is(down[2], 'Servers') && down[3]) out.server = down[3].value;
  }
  return out;
}

/** The object a DN value names, when the export holds it. */
export function lookup(dir: Directory, dn: string): DirObject | undefined {
  const key = dnKey(dn);
  return key === undefined ? undefined : dir.byKey.get(key);
}
