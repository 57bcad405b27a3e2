import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exconnJson } from './process';
import { ROOT } from '../helpers/paths';
import { CODES } from '../../server/src/rules/codes';

test('exconn check examples/ passes: exit 0, no error or warning', () => {
  const { run, json } = exconnJson(['check', 'examples/'], ROOT);
  assert.equal(run.stderr, '');
  assert.ok(json.files >= 12, `examples hold the organization, three routing groups and the connectors (${json.files} files)`);
  const loud = json.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  assert.deepEqual(
    loud.map((d) => `${d.file}:${d.range.start.line + 1}: ${d.code} ${d.message}`),
    [],
  );
  assert.equal(run.status, 0);
});

test('exconn check test/fixtures/mistakes finds every code of the "One document" table', () => {
  const { run, json } = exconnJson(['check', 'test/fixtures/mistakes'], ROOT);
  assert.equal(run.status, 1, run.stderr);
  const found = new Set(json.diagnostics.map((d) => d.code));
  const documentCodes = Object.entries(CODES)
    .filter(([, info]) => info.scope === 'document')
    .map(([code]) => code);
  assert.deepEqual(
    documentCodes.filter((c) => !found.has(c)),
    [],
    'codes no fixture shows',
  );
});
