import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/paths';
import { defaultText, kindsText, typeText, FORMAT_DOC_PATH } from '../../server/src/gen/formatDoc';
import { KIND_SPECS, KINDS, type FieldSpec } from '../../server/src/model/catalog';
import { ALL_CODES } from '../../server/src/rules/codes';

const formatDoc = readFileSync(join(ROOT, FORMAT_DOC_PATH), 'utf8');

/** Every key path of a kind as docs/format.md writes it. */
function paths(fields: readonly FieldSpec[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    let t = f.type;
    let inner = prefix + f.key;
    while (t.kind === 'array') {
      t = t.items;
      inner += '[]';
    }
    return [prefix + f.key, ...(t.kind === 'object' ? paths(t.fields, inner + '.') : [])];
  });
}

test('docs/format.md has a section for every kind of the catalog, with a row for every key at every depth', () => {
  for (const kind of KINDS) {
    const start = formatDoc.indexOf(`### kind: ${kind}\n`);
    assert.ok(start >= 0, `no section for ${kind}`);
    const section = formatDoc.slice(start).split(/\n### /)[0];
    assert.ok(section.includes(KIND_SPECS[kind].doc), kind);
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    assert.deepEqual(
      rows.map((r) => r.slice(3, r.indexOf('`', 3))),
      paths(KIND_SPECS[kind].fields),
      kind,
    );
  }
  assert.equal((kindsText().match(/^### kind: /gm) ?? []).length, KINDS.length);
});

test("a key's row gives its type, whether it is required, its default and its System Manager place", () => {
  const row = (path: string) => formatDoc.split('\n').find((l) => l.startsWith(`| \`${path}\` |`));
  assert.match(
    row('connectedRoutingGroups[].cost')!,
    /^\| `connectedRoutingGroups\[\]\.cost` \| integer 1–100 \|  \| `1` \| Connected Routing Groups → Cost \| /,
  );
  assert.match(row('general.localBridgeheads[].server')!, /\| server name \| yes \| — \| — \|/);
  assert.match(row('general.delivery')!, /\| `dns` \\\| `smartHost` \|  \| `dns` \| General → /);
  assert.match(row('servers[].version')!, /\| `"2003"` \|/);
  assert.match(row('contentRestrictions.maxMessageSizeKB')!, /\| integer ≥ 1 \|/);
  assert.equal(typeText({ kind: 'array', items: { kind: 'string', format: 'domain' } }), 'list of domain');
  assert.equal(defaultText(['high', 'normal']), '`[high, normal]`');
  assert.equal(defaultText(false), '`false`');
});

test('docs/format.md lists every code, says how the contract changes, and covers the command line', () => {
  for (const code of ALL_CODES) assert.ok(formatDoc.includes(`<a id="${code}"></a>\`${code}\``), code);
  assert.match(formatDoc, /the latest one stands/);
  assert.match(formatDoc, /^## Changes$/m);
  for (const heading of ['### exconn check', '### exconn route', '## Schedules', '## Host names and IP literals', '## Files'])
    assert.ok(formatDoc.includes(`\n${heading}\n`), heading);
});

test('nothing in the repository cites the contract by its old name, outside the repository', () => {
  const skip = new Set(['node_modules', '.git', 'dist', 'out', '.e2e']);
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (skip.has(name)) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|js|mjs|md|json|ya?ml)$/.test(name) && readFileSync(p, 'utf8').includes('FORMAT' + '.md'))
        offenders.push(relative(ROOT, p));
    }
  };
  walk(ROOT);
  assert.deepEqual(offenders, []);
});
