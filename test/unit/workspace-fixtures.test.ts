import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, fixture } from '../helpers/paths';
import { Workspace } from '../../server/src/engine/workspace';
import { ALL_CODES, CODES } from '../../server/src/rules/codes';

/** Every connector file under a folder, as one workspace. */
function load(dir: string): Workspace {
  const ws = new Workspace();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(connector|routinggroup|organization)\.ya?ml$/.test(name)) ws.setFile(p, readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return ws;
}

const cases = readdirSync(fixture('mistakes')).filter((n) => statSync(fixture('mistakes', n)).isDirectory());

test('each workspace case folder shows exactly the workspace codes its "# Shows:" comment names', () => {
  assert.ok(cases.length > 0);
  for (const name of cases) {
    const ws = load(fixture('mistakes', name));
    const declared = new Set<string>();
    const found = new Set<string>();
    for (const uri of ws.uris()) {
      const shows = /^# Shows: (.*)$/m.exec(ws.file(uri)!.text);
      for (const c of shows?.[1].split(/,\s*/) ?? []) declared.add(c.trim());
      for (const f of ws.findings(uri)) if (CODES[f.code].scope === 'workspace') found.add(f.code);
    }
    assert.deepEqual([...found].sort(), [...declared].sort(), name);
  }
});

test('together the case folders show every workspace code', () => {
  const shown = new Set<string>();
  for (const name of cases) {
    const ws = load(fixture('mistakes', name));
    for (const uri of ws.uris()) for (const f of ws.findings(uri)) shown.add(f.code);
  }
  const missing = ALL_CODES.filter((c) => CODES[c].scope === 'workspace' && !shown.has(c));
  assert.deepEqual(missing, []);
});

test('the examples/ organization has no workspace finding', () => {
  const ws = load(join(ROOT, 'examples'));
  assert.ok(ws.uris().length >= 5);
  const found = ws.uris().flatMap((uri) =>
    ws
      .findings(uri)
      .filter((f) => CODES[f.code].scope === 'workspace')
      .map((f) => `${uri}: ${f.code}`),
  );
  assert.deepEqual(found, []);
});
