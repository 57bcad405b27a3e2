import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exconn, snapshot, workspace } from './process';
import { fixture } from '../helpers/paths';

/** A file with two fixes, CRLF line endings and a byte-order mark. */
const ORG = '\ufeff# Contoso\r\nkind: Organisation   # typo\r\nname: Contoso\r\n\r\nauthoritativeDomain: [contoso.com]  # keep me\r\n';
/** A file with a key to rename and a cost to set, which the checker sees only after the rename (a second pass), and an error no fix settles. */
const CONNECTOR = [
  'kind: SmtpConnector',
  'name: Paris Internet',
  'administrativeGroup: First Administrative Group',
  'routingGroup: Paris',
  'addressSpace:',
  '  entrys:',
  '    - type: SMTP',
  '      address: "*"',
  '      cost: 500',
  '',
].join('\n');

/** `git apply` of a patch in a folder; the folder is not a repository, so git applies it as `patch -p1` would. */
function gitApply(dir: string, patch: string): void {
  const r = spawnSync('git', ['apply', '--whitespace=nowarn', '-'], { cwd: dir, input: patch, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

test('--fix --dry-run prints a unified diff that git apply turns into exactly what --fix writes, and writes nothing', (t) => {
  const files = { 'org/a.organization.yaml': ORG, 'org/paris.connector.yaml': CONNECTOR };
  const dry = workspace(files);
  const real = workspace(files);
  t.after(dry.remove);
  t.after(real.remove);
  const before = snapshot(dry.dir);

  const r = exconn(['check', '--fix', '--dry-run', 'org'], dry.dir);
  assert.deepEqual(snapshot(dry.dir), before, '--dry-run wrote a file');
  assert.equal(r.stderr, '');
  assert.equal(r.status, exconn(['check', 'org'], dry.dir).status, 'the exit status of a plain check of the files as they are');
  assert.equal(
    r.stdout,
    [
      '--- a/org/a.organization.yaml',
      '+++ b/org/a.organization.yaml',
      '@@ -1,5 +1,5 @@',
      ' \ufeff# Contoso\r',
      '-kind: Organisation   # typo\r',
      '+kind: Organization   # typo\r',
      ' name: Contoso\r',
      ' \r',
      '-authoritativeDomain: [contoso.com]  # keep me\r',
      '+authoritativeDomains: [contoso.com]  # keep me\r',
      '--- a/org/paris.connector.yaml',
      '+++ b/org/paris.connector.yaml',
      '@@ -3,7 +3,7 @@',
      ' administrativeGroup: First Administrative Group',
      ' routingGroup: Paris',
      ' addressSpace:',
      '-  entrys:',
      '+  entries:',
      '     - type: SMTP',
      '       address: "*"',
      '-      cost: 500',
      '+      cost: 100',
      '',
    ].join('\n'),
  );

  exconn(['check', '--fix', 'org'], real.dir);
  gitApply(dry.dir, r.stdout);
  assert.deepEqual(snapshot(dry.dir), snapshot(real.dir));
  assert.equal(exconn(['check', '--fix', '--dry-run', 'org'], dry.dir).stdout, '', 'nothing left to fix: an empty diff');
});

test('--fix --dry-run on a copy of test/fixtures/mistakes: the diff applied is what --fix writes', (t) => {
  const dry = workspace({});
  const real = workspace({});
  t.after(dry.remove);
  t.after(real.remove);
  for (const ws of [dry, real]) cpSync(fixture('mistakes'), ws.dir, { recursive: true });
  // A last line without its line break, which the diff must keep as it is.
  for (const ws of [dry, real]) {
    const p = join(ws.dir, 'structure.connector.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace(/\n$/, ''));
  }
  const r = exconn(['check', '--fix', '--dry-run'], dry.dir);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^--- a\//);
  exconn(['check', '--fix'], real.dir);
  gitApply(dry.dir, r.stdout);
  assert.deepEqual(snapshot(dry.dir), snapshot(real.dir));
});

test('--fix --format json lists the fixes applied; with --dry-run also the diff, and the problems of the files as they are', (t) => {
  const ws = workspace({ 'org/a.organization.yaml': ORG, 'org/paris.connector.yaml': CONNECTOR });
  t.after(ws.remove);
  const plain = JSON.parse(exconn(['check', 'org', '--format', 'json'], ws.dir).stdout) as Record<string, unknown>;
  assert.equal('fixed' in plain, false, 'without --fix the object is as it was');

  const dry = exconn(['check', 'org', '--fix', '--dry-run', '--format', 'json'], ws.dir);
  const dryJson = JSON.parse(dry.stdout) as { dryRun: boolean; fixed: unknown[]; diff: string; diagnostics: unknown[] };
  assert.equal(dryJson.dryRun, true);
  assert.deepEqual(dryJson.diagnostics, plain.diagnostics);
  assert.match(dryJson.diff, /^--- a\/org\/a\.organization\.yaml\n/);
  assert.equal(dry.status, 1);

  const r = exconn(['check', 'org', '--fix', '--format', 'json'], ws.dir);
  const json = JSON.parse(r.stdout) as { fixed: unknown[]; diagnostics: { code: string }[]; dryRun?: boolean; diff?: string };
  const fixed = [
    { file: 'org/a.organization.yaml', line: 2, column: 7, code: 'unknown-kind', title: 'Change kind to Organization' },
    {
      file: 'org/a.organization.yaml',
      line: 5,
      column: 1,
      code: 'unknown-field',
      title: "Rename 'authoritativeDomain' to 'authoritativeDomains'",
    },
    { file: 'org/paris.connector.yaml', line: 6, column: 3, code: 'unknown-field', title: "Rename 'entrys' to 'entries'" },
    { file: 'org/paris.connector.yaml', line: 9, column: 13, code: 'cost-range', title: 'Set cost to 100' },
  ];
  assert.deepEqual(json.fixed, fixed);
  assert.deepEqual(dryJson.fixed, fixed, '--dry-run lists the same fixes');
  assert.equal('dryRun' in json || 'diff' in json, false);
  assert.deepEqual(
    json.diagnostics.map((d) => d.code),
    ['bridgehead-required'],
    'what is left',
  );
  assert.equal(r.status, 1);
});

test('--dry-run needs --fix, and prints no SARIF', (t) => {
  const ws = workspace({ 'a.organization.yaml': ORG });
  t.after(ws.remove);
  const alone = exconn(['check', '--dry-run'], ws.dir);
  assert.equal(alone.status, 2);
  assert.equal(alone.stderr.split('\n')[0], 'exconn: --dry-run goes with --fix: exconn check --fix --dry-run');
  const sarif = exconn(['check', '--fix', '--dry-run', '--format', 'sarif'], ws.dir);
  assert.equal(sarif.status, 2);
  assert.equal(sarif.stderr.split('\n')[0], 'exconn: --fix --dry-run prints a diff: give --format text or json');
  assert.equal(readFileSync(join(ws.dir, 'a.organization.yaml'), 'utf8'), ORG);
});
