import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Workspace } from '../../server/src/engine/workspace';
import { ROOT } from '../helpers/paths';
import { seededRandom } from '../helpers/random';
import { connectorFilesUnder } from '../helpers/workspace';

// The workspace re-checks a document only when a key it reads changed in a
// way its readers can tell (workspace/index.ts: changedKeys). This test makes
// seeded random edits that matter across documents (a value replaced by a
// name, host or number used elsewhere in the organization, lines dropped or
// doubled, documents moved between files, files removed and back) and checks
// after each that every file's findings equal a fresh workspace's.

const original = connectorFilesUnder(join(ROOT, 'examples'));
const values = [...new Set(Object.values(original).flatMap((t) => [...t.matchAll(/: (\S[^\n]*)$/gm)].map((m) => m[1])))];

function step(files: Record<string, string>, rnd: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const uris = Object.keys(original);
  const uri = pick(uris);
  const text = files[uri];
  const r = rnd();
  if (text === undefined) {
    files[uri] = original[uri];
    return `${uri} back`;
  }
  const lines = text.split('\n');
  const at = Math.floor(rnd() * lines.length);
  if (r < 0.55) {
    const m = /^(\s*(?:- )?[A-Za-z]+: )(.*)$/.exec(lines[at]);
    if (!m) return 'nothing';
    lines[at] = m[1] + pick(values);
    files[uri] = lines.join('\n');
    return `${uri}:${at + 1} value`;
  }
  if (r < 0.7) {
    lines.splice(at, 1);
    files[uri] = lines.join('\n');
    return `${uri}:${at + 1} dropped`;
  }
  if (r < 0.8) {
    lines.splice(at, 0, lines[at]);
    files[uri] = lines.join('\n');
    return `${uri}:${at + 1} doubled`;
  }
  if (r < 0.9) {
    const other = pick(uris);
    files[uri] = `${text}\n---\n${original[other]}`;
    return `${uri} + ${other}`;
  }
  delete files[uri];
  return `${uri} removed`;
}

// Loaded as the server loads a workspace (WorkspaceIndex.deferReads), what the documents read is worked out only by
// the first edit; files checked during the load (open documents are) must be re-checked by what changes after.
for (const [seed, deferred] of [1, 2, 3, 4, 5].map((s) => [s, s > 3] as const)) {
  const loaded = deferred ? ', loaded with its reads deferred and some files checked during the load' : '';
  test(`seed ${seed}: after each of 150 random edits across the examples${loaded}, every file's findings equal a fresh workspace's`, () => {
    const rnd = seededRandom(seed);
    const files = { ...original };
    const ws = new Workspace();
    ws.index.deferReads = deferred;
    for (const [uri, text] of Object.entries(files)) {
      ws.setFile(uri, text);
      if (deferred && rnd() < 0.3) ws.findings(uri);
    }
    ws.index.deferReads = false;
    for (let i = 0; i < 150; i++) {
      const what = step(files, rnd);
      for (const uri of ws.uris()) if (!(uri in files)) ws.removeFile(uri);
      for (const [uri, text] of Object.entries(files)) ws.setFile(uri, text);
      const fresh = new Workspace();
      for (const [uri, text] of Object.entries(files)) fresh.setFile(uri, text);
      for (const uri of Object.keys(files)) assert.deepEqual(ws.findings(uri), fresh.findings(uri), `step ${i + 1} (${what}): ${uri}`);
    }
  });
}
