import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Workspace } from '../../server/src/engine/workspace';
import { ROOT, fixture } from '../helpers/paths';
import { connectorFilesUnder } from '../helpers/workspace';

// The workspace keeps findings per document and checks a document again only
// when a document it reads changed (what each workspace rule declares it
// reads). If a rule reads something it does not declare, some findings go
// stale; this test finds it: for every ws-* fixture and the examples, each
// file in turn is removed, edited in several ways and put back, and after
// every step every file's findings must equal those of a fresh workspace.

/** Edits that matter to other files (names, groups, servers) and edits that should not (comments, moved lines). */
function edits(text: string): string[] {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  const out = [
    `${text}\n# edited at the end\n`,
    `# a line on top\n\n${text}`,
    [...lines.slice(0, mid), '# a line in the middle', ...lines.slice(mid)].join('\n'),
  ];
  const renamed = (_m: string, k: string, v: string) => `${k}${v.replace(/["']$/, '')}x${/["']$/.test(v) ? v.slice(-1) : ''}`;
  for (const key of ['name', 'routingGroup', 'administrativeGroup', 'server', 'fqdn', 'address']) {
    const re = new RegExp(`^(\\s*(?:- )?${key}: *)(\\S.*)$`, 'gm');
    const places = [...text.matchAll(re)];
    // The first place (the document's own name, group…) and the last (a connected group, a bridgehead, a server).
    for (const m of new Set([places[0], places[places.length - 1]]))
      if (m) out.push(text.slice(0, m.index) + m[0].replace(new RegExp(re.source, 'm'), renamed) + text.slice(m.index! + m[0].length));
  }
  // Values only some readers compare (routing reads a cost; the connectors of a group are read for their links).
  for (const key of ['cost', 'maxMessageSizeKB'])
    out.push(text.replace(new RegExp(`^(\\s*(?:- )?${key}: *)(\\d+)`, 'm'), (_m, k: string, v: string) => `${k}${Number(v) + 1}`));
  out.push(text.replace(/^(\s*)- type: SMTP$/m, '$1- type: X400'));
  out.push(text.replace(/^---$/m, '# no marker'));
  return out.filter((t) => t !== text);
}

function assertSame(ws: Workspace, files: Record<string, string>, step: string): void {
  const fresh = new Workspace();
  for (const [uri, text] of Object.entries(files)) fresh.setFile(uri, text);
  assert.deepEqual(ws.uris().sort(), fresh.uris().sort(), step);
  for (const uri of fresh.uris()) assert.deepEqual(ws.findings(uri), fresh.findings(uri), `${step}: findings of ${uri}`);
}

const folders = [
  ...readdirSync(fixture('mistakes'))
    .filter((n) => n.startsWith('ws-'))
    .map((n) => fixture('mistakes', n)),
  join(ROOT, 'examples'),
];

for (const dir of folders) {
  test(`${relative(ROOT, dir)}: findings after removing, editing and re-adding each file equal a fresh workspace's`, () => {
    const original = connectorFilesUnder(dir);
    assert.ok(Object.keys(original).length > 0, dir);
    const files = { ...original };
    const ws = new Workspace();
    for (const [uri, text] of Object.entries(files)) ws.setFile(uri, text);
    assertSame(ws, files, 'loaded');
    for (const uri of Object.keys(original)) {
      ws.removeFile(uri);
      delete files[uri];
      assertSame(ws, files, `${uri} removed`);
      for (const [i, text] of edits(original[uri]).entries()) {
        ws.setFile(uri, text);
        files[uri] = text;
        assertSame(ws, files, `${uri} edit ${i}`);
      }
      ws.setFile(uri, original[uri]);
      files[uri] = original[uri];
      assertSame(ws, files, `${uri} back`);
    }
  });
}
