import type { FileDocument, ParsedFile } from '../model/parse';
import type { Workspace } from '../engine/workspace';
import type { NameIndex } from '../workspace/nameIndex';
import { occurrencesOf, type Occurrence } from '../workspace/occurrences';
import { sorted } from '../workspace/nameIndex';
import { nameKey } from '../workspace/names';
import { isSeq } from 'yaml';
import { items, stringValue, valueOf } from '../model/access';

/**
 * The names the editor features navigate (routing groups, servers, virtual
 * servers and connectors) come from the workspace's own name index, kept up
 * to date one document at a time (workspace/nameIndex.ts).
 */

export { rgId, serverId, vsId, type NameKind, type Occurrence } from '../workspace/occurrences';
export type { Entry, FileOccurrence, NameIndex } from '../workspace/nameIndex';

/** The name index of a workspace. */
export function nameIndex(ws: Workspace): NameIndex {
  return ws.index.names;
}

/** The occurrence under a file position, if any. */
export function occurrenceAt(file: ParsedFile, line: number, character: number): { fd: FileDocument; occ: Occurrence } | undefined {
  const fd = file.documentAtLine(line);
  if (!fd) return undefined;
  const l = line - fd.line;
  for (const occ of occurrencesOf(fd.doc)) {
    const r = occ.range;
    if (
      (r.start.line < l || (r.start.line === l && r.start.character <= character)) &&
      (r.end.line > l || (r.end.line === l && r.end.character >= character))
    )
      return { fd, occ };
  }
  return undefined;
}

/** Every administrative group the workspace names: those of routing groups and connectors, then the organization's. */
export function adminGroups(index: NameIndex): string[] {
  const seen = new Map<string, string>();
  const add = (s: string | undefined) => {
    if (s && !seen.has(nameKey(s))) seen.set(nameKey(s), s);
  };
  for (const a of index.adminGroups()) add(a);
  for (const o of sorted(index.organizations)) {
    const seq = valueOf(o.doc, o.doc.root, 'administrativeGroups');
    if (isSeq(seq)) for (const it of items(o.doc, seq)) add(stringValue(it));
  }
  return [...seen.values()];
}
