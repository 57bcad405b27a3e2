import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver-types';
import { KIND_SPECS, KINDS, fieldAt, type KindName } from '../model/catalog';
import { locate } from '../model/locate';
import { comparePositions, shiftRange } from '../model/text';
import type { CheckOptions, Workspace } from '../engine/workspace';
import type { Caps } from './caps';
import { enumValues, fieldDoc, valueDoc } from './docs';
import { kindOf, unwrap } from './completion';
import { mdText } from './markdown';
import { nameIndex, occurrenceAt, type NameIndex } from './names';
import { nameHover } from './nameHover';

export { HOVER_LIST_LIMIT } from './nameHover';

/** Hover on a key (its documentation) or on a value (an allowed value's meaning, or what a name stands for). */
export function hover(
  ws: Workspace,
  uri: string,
  position: Position,
  caps: Caps,
  optionsFor: (uri: string) => CheckOptions = () => ({}),
): Hover | null {
  const file = ws.file(uri);
  const fd = file?.documentAtLine(position.line);
  if (!file || !fd) return null;
  const doc = fd.doc;
  const local = { line: position.line - fd.line, character: position.character };
  const loc = locate(doc, doc.lines.offset(local));
  const md = caps.hoverMarkdown;
  const kind = kindOf(doc);
  const make = (contents: MarkupContent, range: Range): Hover => ({ contents, range: shiftRange(range, fd.line) });
  const within = (r: Range | undefined) => !!r && comparePositions(r.start, local) <= 0 && comparePositions(local, r.end) <= 0;

  if (loc.key !== undefined && within(loc.keyRange)) {
    if (loc.path.length === 0 && loc.key === 'kind') {
      const f = KIND_SPECS[kind ?? 'SmtpConnector'].fields[0];
      return make(fieldDoc(f, md), loc.keyRange!);
    }
    const f = kind ? fieldAt(kind, [...loc.path, loc.key]) : undefined;
    return f ? make(fieldDoc(f, md), loc.keyRange!) : null;
  }
  if (loc.at !== 'value' && loc.at !== 'item' && !(loc.at === 'key' && loc.listItem)) return null;
  if (loc.word === '') return null;

  const named = occurrenceAt(file, position.line, position.character);
  if (named) return make(nameHover(ws, named.occ, md, optionsFor), named.occ.range);
  if (loc.path.length === 0 && loc.key === 'kind' && (KINDS as readonly string[]).includes(loc.word)) {
    return make({ kind: md ? 'markdown' : 'plaintext', value: KIND_SPECS[loc.word as KindName].doc }, loc.wordRange);
  }
  if (!kind) return null;
  const fieldPath = loc.at === 'key' ? loc.path : [...loc.path, loc.key!];
  const f = fieldAt(kind, fieldPath);
  if (!f) return null;
  const values = enumValues(f.type);
  if (values?.includes(loc.word)) return make(valueDoc(f, loc.word, md), loc.wordRange);
  const text = fieldDoc(f, md);
  // A smart host or ETRN server that is a server of the workspace says which.
  const t = unwrap(f.type);
  if (t.kind === 'string' && t.format === 'host') {
    const server = serverByHost(nameIndex(ws), loc.word);
    if (server) text.value = `${md ? mdText(server) : server}\n\n${text.value}`;
  }
  return make(text, loc.wordRange);
}

/** "Server X of routing group Y" for a host name or address that is one of the workspace's servers. */
function serverByHost(index: NameIndex, host: string): string | undefined {
  const found = index.findHost(host);
  return found ? `Server ${found.server.name?.value ?? '?'} of routing group ${found.group.model.name?.value ?? '?'}` : undefined;
}
