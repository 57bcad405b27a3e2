import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';
import { IDENTITY_KEYS, KIND_SPECS, type FieldSpec, type FieldType } from '../../server/src/model/catalog';

// The grammar's regexes are Oniguruma's; the ones used here read the same in JavaScript.
const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes/exchange-connector.tmLanguage.json'), 'utf8'));
const repo = grammar.repository;
const re = (s: string) => new RegExp(s);

function* walk(fields: readonly FieldSpec[], path: string[] = []): Generator<{ f: FieldSpec; path: string[] }> {
  for (const f of fields) {
    yield { f, path };
    const inner = (t: FieldType): readonly FieldSpec[] => (t.kind === 'object' ? t.fields : t.kind === 'array' ? inner(t.items) : []);
    yield* walk(inner(f.type), [...path, f.key]);
  }
}

const all = Object.values(KIND_SPECS).flatMap((k) => [...walk(k.fields)]);
const tabs = KIND_SPECS.SmtpConnector.fields.map((f) => f.key).filter((k) => !(IDENTITY_KEYS as readonly string[]).includes(k));

test('the grammar embeds YAML and marks every tab of the catalog as a tab', () => {
  assert.deepEqual(grammar.patterns, [{ include: 'source.yaml' }]);
  assert.equal(grammar.scopeName, 'source.exchange-connector');
  for (const tab of tabs) assert.match(`${tab}:`, re(repo['tab-key'].match), tab);
  assert.doesNotMatch('  general:', re(repo['tab-key'].match), 'a tab is a top-level key only');
});

test('the grammar marks every field of the catalog, at any depth and in list items', () => {
  const fieldRe = re(repo['field-key'].match);
  for (const { f, path } of all) {
    if (f.key === 'kind') continue;
    const indent = '  '.repeat(path.length);
    const isTab = path.length === 0 && tabs.includes(f.key);
    if (isTab) continue;
    assert.match(`${indent}${f.key}: x`, fieldRe, `${[...path, f.key].join('.')}`);
    assert.match(`${indent}- ${f.key}: x`, fieldRe);
  }
  assert.doesNotMatch('  bogus: 1', fieldRe, 'an unknown key is left to YAML');
  assert.doesNotMatch('# name: x', fieldRe, 'a comment is no key');
});

test('the grammar marks every enumeration value of the catalog as an enumeration value', () => {
  const valueRes = [repo.kind.match, repo.version.match, ...repo['enum-value'].patterns.map((p: { match: string }) => p.match)].map(re);
  const listRes = repo['enum-list'].patterns.map((p: { begin: string; patterns: { match?: string; name?: string }[] }) => ({
    begin: re(p.begin),
    value: re(p.patterns.find((x) => x.name === 'constant.other.enum.exchange-connector')!.match!),
  }));
  let checked = 0;
  for (const { f } of all) {
    const t = f.type;
    if (t.kind === 'enum') {
      const indent = f.key === 'kind' ? '' : '  ';
      for (const v of t.values) {
        assert.ok(
          valueRes.some((r) => r.test(`${indent}${f.key}: ${v}`)),
          `${f.key}: ${v}`,
        );
        checked++;
      }
      assert.ok(!valueRes.some((r) => r.test(`  ${f.key}: notAValue`)), `${f.key}: notAValue is not an enumeration value`);
    } else if (t.kind === 'array' && t.items.kind === 'enum') {
      const list = listRes.find((l: { begin: RegExp }) => l.begin.test(`  ${f.key}:`));
      assert.ok(list, `a list rule for ${f.key}`);
      for (const v of t.items.values) {
        assert.match(v, list.value);
        checked++;
      }
    }
  }
  assert.ok(checked > 20, `${checked} values checked`);
});
