import { groupKey, nameKey } from './names';
import { fileStem, unnumbered } from './paths';

/**
 * Dependency keys: what a document provides to others (the index says, from
 * its model) and what a workspace rule reads (each rule declares, beside its
 * check). When a document that provides a key changes, every document whose
 * rules read that key is checked again.
 */
export const keys = {
  /** The definition of a routing group (administrative group and name). */
  group: (adminGroup: string, name: string) => `grp:${groupKey(adminGroup, name)}`,
  /** The connectors living in a routing group. */
  connectorsIn: (adminGroup: string, name: string) => `in:${groupKey(adminGroup, name)}`,
  /** Definitions of routing groups of this name, in any administrative group. */
  groupName: (name: string) => `name:${nameKey(name)}`,
  /** Servers of this name, in any routing group. */
  server: (name: string) => `srv:${nameKey(name)}`,
  /** A server with this host (FQDN or IP, as `hostKey` reads it), in any routing group. */
  host: (host: string) => `host:${host}`,
  /** Connectors of this name in one routing group. */
  connector: (adminGroup: string, group: string, name: string) => `conn:${groupKey(adminGroup, group)}\u0000${nameKey(name)}`,
  /** A file of this name existing (fixes that create files never overwrite one). */
  // `boston-2.routinggroup.yaml` answers for `boston.routinggroup.yaml`: a fix that creates the one picks the other when it exists.
  file: (name: string) => `file:${unnumbered(name).toLowerCase()}`,
  /** The file a routing group's definition goes in, by the format's naming. */
  groupFile: (group: string) => fileKey(group, '', () => keys.file(`${fileStem(group)}.routinggroup.yaml`)),
  /** The file of the connector from one routing group to another, by the format's naming. */
  connectorFile: (from: string, to: string) => fileKey(from, to, () => keys.file(`${fileStem(from)}-to-${fileStem(to)}.connector.yaml`)),
  /**
   * The organization's routing as a whole: every connector and routing-group
   * definition provides it. Only the rules that route across the whole
   * organization read it, and only for the connectors they can fire on.
   */
  routing: '$routing',
  /** Does the workspace define any routing group? */
  hasGroups: '$hasGroups',
  /** Does it define two or more? */
  manyGroups: '$manyGroups',
  /** The organization document. */
  organization: '$org',
} as const;

/** At most this many file keys are kept (fileKey); past it the cache starts again. */
export const FILE_KEY_NAMES = 10_000;
/** File keys by first and second name (empty for a routing group's own file). */
const fileKeys = new Map<string, Map<string, string>>();
let fileKeysKept = 0;
let fileKeysMade = 0;

/**
 * The key of a file named after routing groups, worked out once per name or
 * pair of names: a slug (a Unicode normalization and six patterns) and a
 * pattern per key were made again for each of the thousands of references a
 * workspace's connectors read, most of them to the same few hundred groups.
 */
function fileKey(first: string, second: string, make: () => string): string {
  let k = fileKeys.get(first)?.get(second);
  if (k !== undefined) return k;
  // The bound counts keys, not first names: pairs of names typed in a long session would otherwise grow one name's map.
  if (fileKeysKept >= FILE_KEY_NAMES) {
    fileKeys.clear();
    fileKeysKept = 0;
  }
  let bySecond = fileKeys.get(first);
  if (!bySecond) fileKeys.set(first, (bySecond = new Map()));
  bySecond.set(second, (k = make()));
  fileKeysKept++;
  fileKeysMade++;
  return k;
}

/** How many file keys were worked out, not taken from the cache (the tests count them). */
export function fileKeysWorkedOut(): number {
  return fileKeysMade;
}
