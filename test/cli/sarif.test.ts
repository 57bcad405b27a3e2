import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exconn, workspace } from './process';
import { ROOT } from '../helpers/paths';
import { msg } from '../../server/src/rules/messages';
import { ALL_CODES, CODES } from '../../server/src/rules/codes';

type Obj = Record<string, any>;
const LEVELS = ['none', 'note', 'warning', 'error'];

const isInt = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;

/** The properties SARIF 2.1.0 requires, with their types, on what exconn writes. */
function assertPhysicalLocation(p: Obj, where: string): void {
  assert.equal(typeof p.artifactLocation?.uri, 'string', `${where}: artifactLocation.uri`);
  assert.equal(p.artifactLocation.uriBaseId, 'SRCROOT', `${where}: uriBaseId`);
  const r = p.region;
  for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(isInt(r?.[k], 1), `${where}: region.${k} = ${r?.[k]}`);
  assert.ok(r.endLine > r.startLine || (r.endLine === r.startLine && r.endColumn >= r.startColumn), `${where}: region order`);
}

test('sarif: a valid SARIF 2.1.0 log with one rule per code and one result per diagnostic', (t) => {
  const ws = workspace({
    'org/a.organization.yaml': 'kind: Organization\nname: Contoso\nname: Again\nauthoritativeDomain: [contoso.com]\n',
    'b.connector.yaml': 'kind: SmtpConector\n',
    '.vscode/settings.json': '{"exchangeConnectors.rules": {"unknown-field": "information"}}',
  });
  t.after(ws.remove);
  const r = exconn(['check', '--format', 'sarif'], ws.dir);
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout) as Obj;
  assert.equal(log.version, '2.1.0');
  assert.equal(typeof log.$schema, 'string');
  assert.ok(Array.isArray(log.runs) && log.runs.length === 1);
  const run = log.runs[0];
  const driver = run.tool.driver;
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  assert.deepEqual([driver.name, driver.version], ['exconn', version]);
  assert.deepEqual(
    driver.rules.map((x: Obj) => x.id),
    ALL_CODES,
  );
  for (const rule of driver.rules) {
    assert.equal(rule.shortDescription.text, CODES[rule.id as keyof typeof CODES].summary);
    assert.ok(LEVELS.includes(rule.defaultConfiguration.level), rule.id);
  }
  assert.equal(driver.rules.find((x: Obj) => x.id === 'single-routing-group').defaultConfiguration.level, 'note');
  assert.equal(run.originalUriBaseIds.SRCROOT.uri, pathToFileURL(ws.dir).href + '/');

  assert.ok(Array.isArray(run.results));
  for (const [i, res] of run.results.entries()) {
    assert.equal(typeof res.message?.text, 'string', `result ${i}: message.text`);
    assert.ok(LEVELS.includes(res.level), `result ${i}: level`);
    assert.equal(driver.rules[res.ruleIndex].id, res.ruleId, `result ${i}: ruleIndex`);
    assert.ok(Array.isArray(res.locations) && res.locations.length === 1);
    assertPhysicalLocation(res.locations[0].physicalLocation, `result ${i}`);
    for (const rel of res.relatedLocations ?? []) {
      assert.ok(isInt(rel.id, 0));
      assert.equal(typeof rel.message.text, 'string');
      assertPhysicalLocation(rel.physicalLocation, `result ${i} related`);
    }
  }

  const brief = run.results.map((x: Obj) => [
    x.locations[0].physicalLocation.artifactLocation.uri,
    x.ruleId,
    x.level,
    x.locations[0].physicalLocation.region,
  ]);
  assert.deepEqual(brief, [
    ['b.connector.yaml', 'unknown-kind', 'error', { startLine: 1, startColumn: 7, endLine: 1, endColumn: 19 }],
    ['org/a.organization.yaml', 'duplicate-key', 'error', { startLine: 3, startColumn: 1, endLine: 3, endColumn: 5 }],
    ['org/a.organization.yaml', 'unknown-field', 'note', { startLine: 4, startColumn: 1, endLine: 4, endColumn: 20 }],
  ]);
  const dup = run.results[1];
  assert.equal(dup.message.text, msg.duplicateKey('name'));
  assert.deepEqual(dup.relatedLocations, [
    {
      id: 1,
      message: { text: msg.duplicateKeyFirst },
      physicalLocation: {
        artifactLocation: { uri: 'org/a.organization.yaml', uriBaseId: 'SRCROOT' },
        region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 5 },
      },
    },
  ]);
});

test('sarif: a clean workspace gives an empty results list and exit 0', (t) => {
  const ws = workspace({ 'a.organization.yaml': 'kind: Organization\nname: Contoso\n' });
  t.after(ws.remove);
  const r = exconn(['check', '--format', 'sarif'], ws.dir);
  assert.equal(r.status, 0);
  assert.deepEqual(JSON.parse(r.stdout).runs[0].results, []);
});
