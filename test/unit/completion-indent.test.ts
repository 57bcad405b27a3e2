import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { InsertTextMode, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { Workspace } from '../../server/src/engine/workspace';
import { completion, fieldsAtPath } from '../../server/src/features/completion';
import { plainSnippet } from '../../server/src/features/snippets';
import { readCaps } from '../../server/src/features/caps';
import { KINDS, type KindName } from '../../server/src/model/catalog';

const CAPS = readCaps({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
const CURSOR = '‸';

/**
 * Accepts a completion item as VS Code does: the edit's text with the snippet's
 * placeholders at their defaults and a marker where the cursor ends ($0), and,
 * unless the item says `asIs`, the line's indentation added to every line after
 * the first (VS Code's adjustIndentation, its default for snippets).
 */
function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const lines = text.split('\n');
  const at = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let insert = plainSnippet(edit.newText.replace('$0', CURSOR));
  if (item.insertTextMode !== InsertTextMode.asIs) {
    const indent = /^[ \t]*/.exec(lines[edit.range.start.line])![0];
    insert = insert.replace(/\n/g, '\n' + indent);
  }
  return text.slice(0, at(edit.range.start)) + insert + text.slice(at(edit.range.end));
}

/** Places to complete a key, per kind: at the top, and one or two mappings down. */
const PLACES: Record<KindName, { before: string; path: string[]; present?: string[] }[]> = {
  SmtpConnector: [
    { before: 'kind: SmtpConnector\n', path: [] },
    { before: 'kind: SmtpConnector\ngeneral:\n  ', path: ['general'] },
    { before: 'kind: SmtpConnector\nadvanced:\n  etrnTurn:\n    ', path: ['advanced', 'etrnTurn'] },
    { before: 'kind: SmtpConnector\ngeneral:\n  localBridgeheads:\n    - ', path: ['general', 'localBridgeheads'] },
  ],
  RoutingGroupConnector: [
    { before: 'kind: RoutingGroupConnector\n', path: [] },
    { before: 'kind: RoutingGroupConnector\ngeneral:\n  ', path: ['general'] },
    { before: 'kind: RoutingGroupConnector\ngeneral:\n  connectedRoutingGroup:\n    ', path: ['general', 'connectedRoutingGroup'] },
    { before: 'kind: RoutingGroupConnector\nremoteBridgeheads:\n  - ', path: ['remoteBridgeheads'] },
  ],
  RoutingGroup: [
    { before: 'kind: RoutingGroup\n', path: [] },
    { before: 'kind: RoutingGroup\nservers:\n  - name: X\n    ', path: ['servers'], present: ['name'] },
  ],
  Organization: [{ before: 'kind: Organization\n', path: [] }],
};

test('every key completion, accepted at the top and nested, gives the whole text with the right indentation', () => {
  let checked = 0;
  for (const kind of KINDS) {
    for (const { before, path, present = [] } of PLACES[kind]) {
      const ws = new Workspace();
      ws.setFile('file:///a.connector.yaml', before);
      const lines = before.split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
      const keyIndent = ' '.repeat(position.character);
      const items = completion(ws, 'file:///a.connector.yaml', position, CAPS).items;
      const fields = fieldsAtPath(kind, path).filter((f) => !(path.length === 0 && f.key === 'kind') && !present.includes(f.key));
      assert.ok(fields.length > 0, `${kind} ${path.join('.')}`);
      for (const f of fields) {
        const item = items.find((i) => i.label === f.key);
        assert.ok(item, `${kind} ${path.join('.')}: ${f.key} is offered`);
        const result = accept(before, item);
        const t = f.type;
        const nested = t.kind === 'object' ? `\n${keyIndent}  ${CURSOR}` : t.kind === 'array' ? `\n${keyIndent}  - ${CURSOR}` : undefined;
        if (nested !== undefined) assert.equal(result, `${before}${f.key}:${nested}`, `${kind} ${path.join('.')}: ${f.key}`);
        else assert.ok(result.startsWith(`${before}${f.key}: `) && !result.slice(before.length).includes('\n'), `${kind}: ${f.key}`);
        // What is typed at the cursor lands inside the new key, where the catalog puts it.
        const typed = parse(result.replace(CURSOR, nested?.endsWith(`- ${CURSOR}`) ? 'x' : t.kind === 'object' ? 'k: v' : ''));
        const parent = path.reduce((node, k) => (Array.isArray(node[k]) ? node[k][0] : node[k]), typed);
        assert.ok(parent && f.key in parent, `${kind} ${path.join('.')}: ${f.key} parses under its parent`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 30, `${checked} keys checked`);
});

test('smartHosts and localBridgeheads under general: the list item two spaces below the key, as written by hand', () => {
  const ws = new Workspace();
  const before = 'kind: SmtpConnector\ngeneral:\n  ';
  ws.setFile('file:///a.connector.yaml', before);
  const items = completion(ws, 'file:///a.connector.yaml', { line: 2, character: 2 }, CAPS).items;
  const pick = (label: string) => items.find((i) => i.label === label)!;
  assert.equal(accept(before, pick('smartHosts')), `kind: SmtpConnector\ngeneral:\n  smartHosts:\n    - ${CURSOR}`);
  assert.equal(accept(before, pick('localBridgeheads')), `kind: SmtpConnector\ngeneral:\n  localBridgeheads:\n    - ${CURSOR}`);
});
