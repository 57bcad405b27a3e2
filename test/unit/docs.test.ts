import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';
import { CODES } from '../../server/src/rules/codes';

test('docs/rules.md documents every code with its default severity', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
  for (const [code, info] of Object.entries(CODES)) {
    const row = doc.split('\n').find((l) => l.startsWith(`| [\`${code}\`](#${code}) |`));
    assert.ok(row, `no row for ${code}`);
    assert.match(row, new RegExp(`\\| ${info.severity} \\|`), `severity of ${code}`);
  }
});
