import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { items, keyRange, mapOf, nodeRange, pairOf, resolve, seqOf, stringValue, valueOf } from './access';
import { kindOf } from './kind';
import { entrySlot, perEntry, valueSlot, type EntrySlot } from './entryMemo';
import { shiftRange } from './text';

/**
 * A typed, located model of one document: the facts the workspace index, the
 * workspace rules and the route simulation read. Only well-typed values are
 * read (a badly typed one is the structural rules' business), defaults are
 * filled in as Exchange System Manager has them, and every value keeps its
 * document-local range and node so that rules can point at it and edit it.
 */

export interface Located {
  value: string;
  range: Range;
  node: Node;
  /** Reached through an alias: the text is the anchor's, so a fix must not rewrite it. */
  aliased?: boolean;
}

export interface ServerModel {
  name?: Located;
  fqdn?: Located;
  ip?: Located;
  /** "5.5" | "2000" | "2003" (numbers read as their text); "2003" by default. */
  version: string;
  /** Defaults to [Default SMTP Virtual Server] (then without nodes). */
  virtualServers: string[];
  map: YAMLMap;
}

export interface RoutingGroupModel {
  kind: 'RoutingGroup';
  kindRange: Range;
  name?: Located;
  adminGroup?: Located;
  servers: ServerModel[];
  /** The `servers` key, when its value is a list. */
  serversKey?: Range;
}

export interface BridgeheadModel {
  server?: Located;
  virtualServer?: Located;
}

export interface AddressSpaceModel {
  type: string;
  address: Located;
  cost: number;
  /** The cost as written when it is not a whole number from 1 to 100 (`cost` is then the default 1). */
  invalidCost?: string;
}

export interface ConnectedGroupModel {
  routingGroup?: Located;
  /** As written; the effective one is `adminGroupName`. */
  adminGroup?: Located;
  adminGroupName?: string;
  exchange55Site?: string;
  cost: number;
  /** The cost as written when it is not a whole number from 1 to 100 (`cost` is then the default 1). */
  invalidCost?: string;
  map: YAMLMap;
  routingGroupPair?: Pair;
}

export type ConnectionTime = 'always' | 'never' | 'every1Hour' | 'every2Hours' | 'every4Hours' | 'dailyAt11PM' | 'custom';

/**
 * An SMTP connector or a Routing Group Connector: both live in a routing group
 * and link it to others. A Routing Group Connector reads as a connector with
 * one connected group (its `general.connectedRoutingGroup` and `general.cost`),
 * no address space, `delivery: smartHost` to its remote bridgeheads and no
 * smart hosts, so that routing, reciprocity and the workspace index treat both
 * kinds alike.
 */
export interface ConnectorModel {
  kind: 'SmtpConnector' | 'RoutingGroupConnector';
  kindRange: Range;
  name?: Located;
  adminGroup?: Located;
  routingGroup?: Located;
  delivery: 'dns' | 'smartHost';
  smartHosts: Located[];
  bridgeheads: BridgeheadModel[];
  addressSpaces: AddressSpaceModel[];
  scope: 'organization' | 'routingGroup';
  connected: ConnectedGroupModel[];
  allowedPriorities: string[];
  allowedTypes: string[];
  maxMessageSizeKB?: number;
  connectionTime: ConnectionTime;
  schedule: string[];
  oversize?: { thresholdKB?: number; connectionTime: ConnectionTime; schedule: string[] };
  etrnDomains: Located[];
  /** Routing Group Connector: the servers of the connected group that receive (empty for SMTP connectors). */
  remoteBridgeheads: BridgeheadModel[];
  /** `allowRelay` of the address space, with its place. */
  allowRelay?: Located & { on: boolean };
  /** Nodes the fixes edit. */
  nodes: { root: YAMLMap; general?: YAMLMap; generalPair?: Pair; deliveryPair?: Pair; smartHostsPair?: Pair };
}

export interface OrganizationModel {
  kind: 'Organization';
  kindRange: Range;
  name?: Located;
  authoritativeDomains: Located[];
}

export type DocumentModel = ConnectorModel | RoutingGroupModel | OrganizationModel;

/** The model of a document, or undefined when it does not parse or has no known kind. Cached per text. */
export function extract(doc: ParsedDocument): DocumentModel | undefined {
  if (doc.cache.has('model')) return doc.cache.get('model') as DocumentModel | undefined;
  const model = doc.errors.length || doc.isEmpty ? undefined : build(doc);
  doc.cache.set('model', model);
  return model;
}

function build(doc: ParsedDocument): DocumentModel | undefined {
  const root = doc.root;
  if (!root) return undefined;
  const kind = kindOf(doc);
  if (!kind) return undefined;
  const kindPair = pairOf(root, 'kind')!;
  const kindRange = keyRange(doc, kindPair);
  if (kind === 'Organization') {
    return {
      kind,
      kindRange,
      name: located(doc, root, 'name'),
      authoritativeDomains: locatedList(doc, seqOf(doc, root, 'authoritativeDomains')),
    };
  }
  if (kind === 'RoutingGroup') return routingGroup(doc, root, kindRange);
  if (kind === 'RoutingGroupConnector') return routingGroupConnector(doc, root, kindRange);
  return connector(doc, root, kindRange);
}

function routingGroup(doc: ParsedDocument, root: YAMLMap, kindRange: Range): RoutingGroupModel {
  const serversPair = pairOf(root, 'servers');
  const seq = seqOf(doc, root, 'servers');
  const servers = present(perEntry(doc, seq, SERVERS, (raw) => serverOf(doc, resolve(doc, raw))));
  return {
    kind: 'RoutingGroup',
    kindRange,
    name: located(doc, root, 'name'),
    adminGroup: located(doc, root, 'administrativeGroup'),
    servers,
    ...(seq && serversPair ? { serversKey: keyRange(doc, serversPair) } : {}),
  };
}

function serverOf(doc: ParsedDocument, it: Node | undefined): ServerModel | undefined {
  if (!isMap(it)) return undefined;
  const v = valueOf(doc, it, 'version');
  const version = isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number') ? versionText(v as Scalar) : '2003';
  const vsSeq = valueOf(doc, it, 'smtpVirtualServers');
  const virtualServers = isSeq(vsSeq)
    ? items(doc, vsSeq)
        .map(stringValue)
        .filter((s): s is string => s !== undefined)
    : ['Default SMTP Virtual Server'];
  return {
    name: located(doc, it, 'name'),
    fqdn: located(doc, it, 'fqdn'),
    ip: located(doc, it, 'ip'),
    version,
    virtualServers,
    map: it,
  };
}

/** A version written as a number (2003, 5.5) reads as its text. */
function versionText(s: Scalar): string {
  if (typeof s.value === 'string') return s.value;
  return s.source ?? String(s.value);
}

const PRIORITIES = ['high', 'normal', 'low'];
const TYPES = ['system', 'nonSystem'];
const CONNECTION_TIMES: readonly string[] = ['always', 'never', 'every1Hour', 'every2Hours', 'every4Hours', 'dailyAt11PM', 'custom'];

function connector(doc: ParsedDocument, root: YAMLMap, kindRange: Range): ConnectorModel {
  const generalPair = pairOf(root, 'general');
  const general = mapOf(doc, root, 'general');
  const deliveryPair = pairOf(general, 'delivery');
  const delivery = stringValue(resolve(doc, deliveryPair?.value)) === 'smartHost' ? 'smartHost' : 'dns';
  const bridgeheads = bridgeheadList(doc, seqOf(doc, general, 'localBridgeheads'));
  const as = mapOf(doc, root, 'addressSpace');
  const addressSpaces = present(perEntry(doc, seqOf(doc, as, 'entries'), ADDRESS_SPACES, (raw) => addressSpaceOf(doc, resolve(doc, raw))));
  const ownAdmin = located(doc, root, 'administrativeGroup');
  const connected = present(
    perEntry(doc, seqOf(doc, root, 'connectedRoutingGroups'), CONNECTED, (raw) => connectedOf(doc, resolve(doc, raw), ownAdmin)),
  );
  const etrn = mapOf(doc, mapOf(doc, root, 'advanced'), 'etrnTurn');
  return {
    kind: 'SmtpConnector',
    kindRange,
    name: located(doc, root, 'name'),
    adminGroup: ownAdmin,
    routingGroup: located(doc, root, 'routingGroup'),
    delivery,
    smartHosts: locatedList(doc, seqOf(doc, general, 'smartHosts')),
    bridgeheads,
    addressSpaces,
    scope: stringOf(doc, as, 'scope') === 'routingGroup' ? 'routingGroup' : 'organization',
    connected,
    ...restrictionsOf(doc, root),
    etrnDomains: locatedList(doc, seqOf(doc, etrn, 'etrnDomains')),
    remoteBridgeheads: [],
    ...allowRelayOf(doc, as),
    nodes: {
      root,
      ...(general ? { general } : {}),
      ...(generalPair ? { generalPair } : {}),
      ...(deliveryPair ? { deliveryPair } : {}),
      ...(pairOf(general, 'smartHosts') ? { smartHostsPair: pairOf(general, 'smartHosts') } : {}),
    },
  };
}

function addressSpaceOf(doc: ParsedDocument, it: Node | undefined): AddressSpaceModel | undefined {
  if (!isMap(it)) return undefined;
  const type = stringOf(doc, it, 'type');
  const address = located(doc, it, 'address');
  return type && address ? { type, address, cost: costOf(doc, it), ...invalidCostOf(doc, it) } : undefined;
}

/** An entry of `connectedRoutingGroups`; its administrative group defaults to the connector's own (outside the list). */
function connectedOf(doc: ParsedDocument, it: Node | undefined, ownAdmin: Located | undefined): ConnectedGroupModel | undefined {
  if (!isMap(it)) return undefined;
  const routingGroup = located(doc, it, 'routingGroup');
  const adminGroup = located(doc, it, 'administrativeGroup');
  const site = stringOf(doc, it, 'exchange55Site');
  return {
    routingGroup,
    adminGroup,
    adminGroupName: adminGroup?.value ?? ownAdmin?.value,
    ...(site !== undefined ? { exchange55Site: site } : {}),
    cost: costOf(doc, it),
    ...invalidCostOf(doc, it),
    map: it,
    routingGroupPair: pairOf(it, 'routingGroup'),
  };
}

function bridgeheadList(doc: ParsedDocument, seq: YAMLSeq | undefined): BridgeheadModel[] {
  return present(
    perEntry(doc, seq, BRIDGEHEADS, (raw) => {
      const it = resolve(doc, raw);
      return isMap(it) ? { server: located(doc, it, 'server'), virtualServer: located(doc, it, 'virtualServer') } : undefined;
    }),
  );
}

function routingGroupConnector(doc: ParsedDocument, root: YAMLMap, kindRange: Range): ConnectorModel {
  const generalPair = pairOf(root, 'general');
  const general = mapOf(doc, root, 'general');
  const ownAdmin = located(doc, root, 'administrativeGroup');
  const connected: ConnectedGroupModel[] = [];
  const target = mapOf(doc, general, 'connectedRoutingGroup');
  if (target) {
    const adminGroup = located(doc, target, 'administrativeGroup');
    connected.push({
      routingGroup: located(doc, target, 'routingGroup'),
      adminGroup,
      adminGroupName: adminGroup?.value ?? ownAdmin?.value,
      cost: costOf(doc, general!),
      map: target,
      routingGroupPair: pairOf(target, 'routingGroup'),
    });
  }
  return {
    kind: 'RoutingGroupConnector',
    kindRange,
    name: located(doc, root, 'name'),
    adminGroup: ownAdmin,
    routingGroup: located(doc, root, 'routingGroup'),
    delivery: 'smartHost',
    smartHosts: [],
    bridgeheads: bridgeheadList(doc, seqOf(doc, general, 'localBridgeheads')),
    addressSpaces: [],
    scope: 'organization',
    connected,
    ...restrictionsOf(doc, root),
    etrnDomains: [],
    remoteBridgeheads: bridgeheadList(doc, seqOf(doc, root, 'remoteBridgeheads')),
    nodes: { root, ...(general ? { general } : {}), ...(generalPair ? { generalPair } : {}) },
  };
}

/** Content restrictions and delivery times, as both kinds of connector have them. */
function restrictionsOf(doc: ParsedDocument, root: YAMLMap) {
  const content = mapOf(doc, root, 'contentRestrictions');
  const options = mapOf(doc, root, 'deliveryOptions');
  const oversizeMap = mapOf(doc, options, 'oversize');
  const maxSize = numberOf(doc, content, 'maxMessageSizeKB');
  const threshold = numberOf(doc, oversizeMap, 'thresholdKB');
  return {
    allowedPriorities: enumList(doc, content, 'allowedPriorities', PRIORITIES),
    allowedTypes: enumList(doc, content, 'allowedTypes', TYPES),
    ...(maxSize !== undefined ? { maxMessageSizeKB: maxSize } : {}),
    connectionTime: connectionTime(doc, options),
    schedule: strings(doc, seqOf(doc, options, 'schedule')),
    ...(oversizeMap
      ? {
          oversize: {
            ...(threshold !== undefined ? { thresholdKB: threshold } : {}),
            connectionTime: connectionTime(doc, oversizeMap),
            schedule: strings(doc, seqOf(doc, oversizeMap, 'schedule')),
          },
        }
      : {}),
  };
}

/** `addressSpace.allowRelay` when it is a boolean. */
function allowRelayOf(doc: ParsedDocument, as: YAMLMap | undefined): { allowRelay?: Located & { on: boolean } } {
  const node = valueOf(doc, as, 'allowRelay');
  if (!isScalar(node) || typeof node.value !== 'boolean') return {};
  return { allowRelay: { value: String(node.value), on: node.value, range: nodeRange(doc, node), node } };
}

function located(doc: ParsedDocument, map: YAMLMap | undefined, key: string): Located | undefined {
  const node = valueOf(doc, map, key);
  const value = stringValue(node);
  if (value === undefined || !node) return undefined;
  const raw = pairOf(map, key)?.value as Node;
  // Through an alias, the range is where the alias stands: that is where the document says it.
  return raw === node ? { value, range: nodeRange(doc, node), node } : { value, range: nodeRange(doc, raw), node, aliased: true };
}

function locatedList(doc: ParsedDocument, seq: YAMLSeq | undefined): Located[] {
  return present(
    perEntry(doc, seq, LOCATED, (raw) => {
      const it = resolve(doc, raw);
      const value = stringValue(it);
      if (value === undefined || !it) return undefined;
      return it === raw
        ? { value, range: nodeRange(doc, it), node: it }
        : { value, range: nodeRange(doc, raw as Node), node: it, aliased: true };
    }),
  );
}

function stringOf(doc: ParsedDocument, map: YAMLMap | undefined, key: string): string | undefined {
  return stringValue(valueOf(doc, map, key));
}

function strings(doc: ParsedDocument, seq: YAMLSeq | undefined): string[] {
  return present(perEntry(doc, seq, STRINGS, (raw) => stringValue(resolve(doc, raw))));
}

/** A positive integer, or undefined (absent or badly typed: reported by the structural rules). */
function numberOf(doc: ParsedDocument, map: YAMLMap | undefined, key: string): number | undefined {
  const v = valueOf(doc, map, key);
  return isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value) && v.value > 0 ? v.value : undefined;
}

/** A cost from 1 to 100; an absent or invalid one counts as the default 1 (cost-range reports it). */
function costOf(doc: ParsedDocument, map: YAMLMap): number {
  const n = numberOf(doc, map, 'cost');
  return n !== undefined && n <= 100 ? n : 1;
}

/** `{ invalidCost }` with the text of a cost key whose value is not a valid cost; nothing when it is valid or absent. */
function invalidCostOf(doc: ParsedDocument, map: YAMLMap): { invalidCost?: string } {
  const v = valueOf(doc, map, 'cost');
  if (!v) return {};
  const n = numberOf(doc, map, 'cost');
  if (n !== undefined && n <= 100) return {};
  const text = isScalar(v) ? (v.source ?? String(v.value)) : isSeq(v) ? '[…]' : '{…}';
  return { invalidCost: text === '' || text === 'null' ? '(empty)' : text };
}

function enumList(doc: ParsedDocument, map: YAMLMap | undefined, key: string, all: string[]): string[] {
  const seq = seqOf(doc, map, key);
  if (!seq) return all;
  return strings(doc, seq).filter((s) => all.includes(s));
}

function connectionTime(doc: ParsedDocument, map: YAMLMap | undefined): ConnectionTime {
  const v = stringOf(doc, map, 'connectionTime');
  return v !== undefined && CONNECTION_TIMES.includes(v) ? (v as ConnectionTime) : 'always';
}

/** An SMTP connector or a Routing Group Connector. */
export function isConnector(m: DocumentModel | undefined): m is ConnectorModel {
  return m?.kind === 'SmtpConnector' || m?.kind === 'RoutingGroupConnector';
}

/** The results of the entries that gave one, in list order. */
function present<T>(list: (T | undefined)[]): T[] {
  return list.filter((x): x is T => x !== undefined);
}

/**
 * The model's parts read from one list entry, kept per entry on a large
 * document's long list (entryMemo.ts): moving one moves the ranges of its
 * located values (`keys`), the only positions it holds.
 */
function locatedParts<T extends object>(...keys: (keyof T & string)[]): EntrySlot<T | undefined> {
  const locatedOf = (v: T) => keys.map((k) => v[k] as Located | undefined).filter((x): x is Located => x !== undefined);
  return entrySlot(
    (v, lines) => {
      if (!v) return v;
      const moved = { ...v };
      for (const k of keys) {
        const x = v[k] as Located | undefined;
        if (x) moved[k] = { ...x, range: shiftRange(x.range, lines) } as T[typeof k];
      }
      return moved;
    },
    (v) => (v ? locatedOf(v).map((x) => x.range) : []),
  );
}

const SERVERS = locatedParts<ServerModel>('name', 'fqdn', 'ip');
const ADDRESS_SPACES = locatedParts<AddressSpaceModel>('address');
const CONNECTED = locatedParts<ConnectedGroupModel>('routingGroup', 'adminGroup');
const BRIDGEHEADS = locatedParts<BridgeheadModel>('server', 'virtualServer');
const LOCATED = entrySlot<Located | undefined>(
  (v, lines) => (v ? { ...v, range: shiftRange(v.range, lines) } : v),
  (v) => (v ? [v.range] : []),
);
const STRINGS = valueSlot<string | undefined>();
