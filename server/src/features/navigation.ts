import type { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Workspace } from '../engine/workspace';
import { scalarText } from '../model/edits';
import { shiftRange } from '../model/text';
import type { Caps } from './caps';
import { nameIndex, occurrenceAt, serverId, type FileOccurrence } from './names';

/**
 * Go to definition, find references and rename for routing-group, server and
 * virtual-server names, across every file of the workspace.
 */

function occurrences(
  ws: Workspace,
  uri: string,
  pos: Position,
): { at: Range; all: FileOccurrence[]; name: string; kind: string; server: string } | undefined {
  const file = ws.file(uri);
  if (!file) return undefined;
  const hit = occurrenceAt(file, pos.line, pos.character);
  if (!hit) return undefined;
  const all = nameIndex(ws).occurrencesOf(hit.occ.id);
  const server = hit.occ.kind === 'virtualServer' ? hit.occ.id.slice(3, hit.occ.id.indexOf('/')) : '';
  return { at: shiftRange(hit.occ.range, hit.fd.line), all, name: hit.occ.name, kind: hit.occ.kind, server };
}

const loc = (o: FileOccurrence): Location => ({ uri: o.uri, range: o.range });

export function definition(ws: Workspace, uri: string, pos: Position): Location[] {
  const o = occurrences(ws, uri, pos);
  if (!o) return [];
  const defs = o.all.filter((x) => x.definition);
  if (defs.length || o.kind !== 'virtualServer') return defs.map(loc);
  // A virtual server the server does not list (the default one): the server is where it lives.
  const server = nameIndex(ws).occurrencesOf(serverId(o.server));
  return server.filter((x) => x.definition).map(loc);
}

export function references(ws: Workspace, uri: string, pos: Position, includeDeclaration: boolean): Location[] {
  const o = occurrences(ws, uri, pos);
  return o ? o.all.filter((x) => includeDeclaration || !x.definition).map(loc) : [];
}

export function prepareRename(ws: Workspace, uri: string, pos: Position): { range: Range; placeholder: string } | null {
  const o = occurrences(ws, uri, pos);
  return o ? { range: o.at, placeholder: o.name } : null;
}

/** Every place the name is written gets the new name, in the quoting each place used. */
export function rename(
  ws: Workspace,
  uri: string,
  pos: Position,
  newName: string,
  caps: Caps,
  versions: (uri: string) => number | null,
): WorkspaceEdit | null {
  const o = occurrences(ws, uri, pos);
  const name = newName.trim();
  if (!o || name === '') return null;
  const byUri = new Map<string, TextEdit[]>();
  for (const x of o.all) {
    const list = byUri.get(x.uri) ?? [];
    list.push({ range: x.range, newText: scalarText(name, x.node) });
    byUri.set(x.uri, list);
  }
  if (caps.documentChanges) {
    return { documentChanges: [...byUri].map(([u, edits]) => ({ textDocument: { uri: u, version: versions(u) }, edits })) };
  }
  return { changes: Object.fromEntries(byUri) };
}
