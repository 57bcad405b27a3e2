import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { exconn, workspace } from './process';
import { ROOT } from '../helpers/paths';
import { CONNECTOR_FILE } from '../../server/src/cli/discover';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

const NAMES = [
  'paris-boston.connector.yaml',
  'europe/paris.routinggroup.yml',
  'contoso.organization.yaml',
  'notes.yaml',
  'paris.connector.yaml.bak',
  'docker-compose.yml',
];

test('.pre-commit-hooks.yaml: exconn-check and exconn-fix run the package bin on the files exconn reads in folders', () => {
  assert.deepEqual(
    hooks.map((h) => h.id),
    ['exconn-check', 'exconn-fix'],
  );
  for (const h of hooks) {
    assert.equal(h.language, 'node', h.id);
    assert.ok(pkg.bin[h.entry.split(' ')[0]], `${h.id}: its command is a bin of the package`);
    assert.equal(h.require_serial, true, `${h.id}: one process reads the organization once`);
    const files = new RegExp(h.files);
    assert.deepEqual(
      NAMES.filter((n) => files.test(n)),
      NAMES.filter((n) => CONNECTOR_FILE.test(n)),
      h.id,
    );
  }
});

test('the hooks, run as pre-commit runs them (the entry, then the changed files), pass a good change and stop a bad one', (t) => {
  const group = (name: string) =>
    `kind: RoutingGroup\nname: ${name}\nadministrativeGroup: First\nservers:\n  - name: ${name}-EX\n    fqdn: ex.${name.toLowerCase()}.example\n`;
  const ws = workspace({
    '.git/HEAD': '',
    'org/contoso.organization.yaml': 'kind: Organization\nname: Contoso\n',
    'org/paris.routinggroup.yaml': group('Paris'),
    'org/boston.routinggroup.yaml': group('Boston'),
    'org/typo.organization.yaml': 'kind: Organisation\nname: Typo\n',
  });
  t.after(ws.remove);
  const run = (hook: Hook, files: string[]) => exconn([...hook.entry.split(' ').slice(1), ...files], ws.dir);
  const [check, fix] = hooks;
  assert.equal(run(check, ['org/paris.routinggroup.yaml']).status, 0);
  assert.equal(run(check, ['org/paris.routinggroup.yaml', 'org/typo.organization.yaml']).status, 1);
  assert.equal(run(fix, ['org/typo.organization.yaml']).status, 0);
  assert.equal(readFileSync(join(ws.dir, 'org/typo.organization.yaml'), 'utf8'), 'kind: Organization\nname: Typo\n');
});

test('the example CI workflow writes the SARIF log that its upload step sends to code scanning, even when the check fails', () => {
  const wf = parse(readFileSync(join(ROOT, 'docs', 'ci', 'exconn-code-scanning.yml'), 'utf8')) as {
    permissions: Record<string, string>;
    jobs: Record<string, { steps: { run?: string; uses?: string; if?: string; with?: Record<string, string> }[] }>;
  };
  assert.equal(wf.permissions['security-events'], 'write');
  const steps = Object.values(wf.jobs)[0].steps;
  const check = steps.find((s) => s.run?.includes('exconn check'));
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
  assert.ok(check && upload);
  const out = /--format sarif > (\S+)$/.exec(check.run!.trim());
  assert.ok(out, check.run);
  assert.equal(upload.with?.sarif_file, out[1]);
  assert.equal(upload.if, 'always()', 'the log is uploaded when exconn exits 1');
  assert.ok(steps.indexOf(check) < steps.indexOf(upload));
});
