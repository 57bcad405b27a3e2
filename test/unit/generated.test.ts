import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';
import { GENERATED } from '../../server/src/gen/outputs';
import { replaceRegion } from '../../server/src/gen/regions';
import { rulesTable, updateRulesDoc } from '../../server/src/gen/rulesTable';
import { rulesSettingProperties, updatePackageJson } from '../../server/src/gen/rulesSetting';
import { CODES } from '../../server/src/rules/codes';

for (const file of GENERATED) {
  test(`${file.path} is what the catalog and codes.ts generate (run \`npm run generate\` when this fails)`, () => {
    const path = join(ROOT, file.path);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    assert.ok(current !== undefined, `${file.path} is missing`);
    assert.equal(current, file.update(current));
  });
}

test('a region is replaced between its markers only, keeping the line endings of the file', () => {
  const lf = 'before\n<!-- generated: t (npm run generate) -->\nold\n<!-- end generated: t -->\nafter\n';
  assert.equal(
    replaceRegion(lf, 't', 'new\nrows\n'),
    'before\n<!-- generated: t (npm run generate) -->\nnew\nrows\n<!-- end generated: t -->\nafter\n',
  );
  const crlf = lf.replace(/\n/g, '\r\n');
  assert.equal(
    replaceRegion(crlf, 't', 'a\nb'),
    'before\r\n<!-- generated: t (npm run generate) -->\r\na\r\nb\r\n<!-- end generated: t -->\r\nafter\r\n',
  );
  assert.throws(() => replaceRegion('no markers\n', 't', 'x'), /markers of the generated region "t" are missing/);
});

test("docs/rules.md's tables hold one row per code of their scope, with severity, summary and fixes from codes.ts", () => {
  const doc = rulesTable('document').split('\n');
  const ws = rulesTable('workspace').split('\n');
  const entries = Object.entries(CODES);
  assert.equal(doc.length - 2, entries.filter(([, i]) => i.scope === 'document').length);
  assert.equal(ws.length - 2, entries.filter(([, i]) => i.scope === 'workspace').length);
  assert.ok(
    doc.includes(
      '| <a id="cost-range"></a>`cost-range` | error | A cost that is not an integer from 1 to 100. | clamp to 1 or 100 (preferred) |',
    ),
  );
  assert.ok(doc.includes('| <a id="yaml-syntax"></a>`yaml-syntax` | error | The YAML does not parse. | — |'));
  // A stale table is rewritten, the prose around it kept.
  const stale = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8').replace('| warning | A host name with a single label.', '| error | x');
  const fresh = updateRulesDoc(stale);
  assert.equal(fresh, readFileSync(join(ROOT, 'docs/rules.md'), 'utf8'));
});

test('docs/rules.md has a section per code, its heading the code itself, and its tables link there', () => {
  const text = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
  const lines = text.split(/\r?\n/);
  for (const code of Object.keys(CODES)) {
    assert.equal(lines.filter((l) => l === `### \`${code}\``).length, 1, `the heading of ${code}`);
    assert.equal(lines.filter((l) => l.startsWith(`| [\`${code}\`](#${code}) |`)).length, 1, `the table row of ${code}`);
  }
  // The anchors are the headings now: no row keeps an id of its own, which would be a second target.
  assert.doesNotMatch(text, /<a id=/);
});

test("package.json's rules setting is regenerated from codes.ts, and nothing else in the manifest changes", () => {
  const text = readFileSync(join(ROOT, 'package.json'), 'utf8');
  const pkg = JSON.parse(text);
  delete pkg.contributes.configuration.properties['exchangeConnectors.rules'].properties['never-runs'];
  pkg.contributes.configuration.properties['exchangeConnectors.rules'].properties['gone-code'] = { type: 'string' };
  const updated = JSON.parse(updatePackageJson(JSON.stringify(pkg)));
  assert.deepEqual(updated.contributes.configuration.properties['exchangeConnectors.rules'].properties, rulesSettingProperties());
  assert.deepEqual(updated, JSON.parse(text));
});
