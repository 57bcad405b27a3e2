import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exconn, exconnJson, workspace, snapshot } from './process';
import { fixture } from '../helpers/paths';

const contoso = () => readFileSync(fixture('import', 'contoso.ldf'));

test('import writes the organization laid out as examples/, and check finds nothing that comes from the import', (t) => {
  const ws = workspace({ 'export.ldf': contoso() });
  t.after(ws.remove);
  const r = exconn(['import', 'export.ldf', '--out', 'org', '--timezone', '+01:00'], ws.dir);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^note: imported 1 organization, 3 routing groups, 7 SMTP connectors/);
  assert.match(r.stdout, /files written to org \(schedules at UTC\+01:00\)\n$/);
  const files = [...snapshot(join(ws.dir, 'org')).keys()].sort();
  assert.ok(files.includes('contoso.organization.yaml'));
  assert.ok(files.includes(join('north-america', 'boston', 'boston.routinggroup.yaml')));
  assert.ok(files.includes(join('europe', 'paris', 'paris-to-boston-transatlantique.connector.yaml')));
  assert.ok(!readdirSync(join(ws.dir, 'org', 'europe', 'paris')).some((n) => n.endsWith('.tmp')), 'no temporary file is left');
  const { run, json } = exconnJson(['check', 'org'], ws.dir);
  assert.equal(run.status, 0);
  // The one finding is Exchange's own caveat about delivery restrictions, as on examples/.
  assert.deepEqual(
    json.diagnostics.map((d) => `${d.file} ${d.code}`),
    ['org/europe/paris/paris-to-fabrikam.connector.yaml restrictions-need-registry'],
  );
});

test('a real mistake in the export is reported by check as in hand-written files', (t) => {
  const text = contoso()
    .toString('latin1')
    .replace('routingList: SMTP:*;50', 'routingList: SMTP:*;150')
    .replace('msExchSmtpSmartHost: relay.isp.example.net', 'msExchSmtpSmartHost: 192.0.2.25');
  const ws = workspace({ 'export.ldf': Buffer.from(text, 'latin1') });
  t.after(ws.remove);
  assert.equal(exconn(['import', 'export.ldf', '--out', 'org'], ws.dir).status, 0);
  const { run, json } = exconnJson(['check', 'org'], ws.dir);
  assert.equal(run.status, 1);
  const found = json.diagnostics.filter((d) => d.file.endsWith('seattle-isp-backup.connector.yaml')).map((d) => d.code);
  assert.deepEqual(found.sort(), ['cost-range', 'smart-host-bare-ip']);
});

test('import never overwrites a file unless told to, and writes nothing then', (t) => {
  const ws = workspace({ 'export.ldf': contoso(), 'org/contoso.organization.yaml': '# mine\n' });
  t.after(ws.remove);
  const r = exconn(['import', 'export.ldf', '--out', 'org'], ws.dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /org\/contoso\.organization\.yaml exists: import into an empty folder, or give --overwrite/);
  assert.equal(readFileSync(join(ws.dir, 'org', 'contoso.organization.yaml'), 'utf8'), '# mine\n');
  assert.equal(existsSync(join(ws.dir, 'org', 'europe')), false);
  assert.equal(exconn(['import', 'export.ldf', '--out', 'org', '--overwrite'], ws.dir).status, 0);
  assert.match(readFileSync(join(ws.dir, 'org', 'contoso.organization.yaml'), 'utf8'), /^# Imported by exconn import/);
});

test('import --overwrite replaces a file as check --fix does: its permission bits kept; a read-only one is exit 2', (t) => {
  const ws = workspace({ 'export.ldf': contoso(), 'org/contoso.organization.yaml': '# mine\n' });
  t.after(ws.remove);
  const org = join(ws.dir, 'org', 'contoso.organization.yaml');
  chmodSync(org, 0o600);
  assert.equal(exconn(['import', 'export.ldf', '--out', 'org', '--overwrite'], ws.dir).status, 0);
  assert.match(readFileSync(org, 'utf8'), /^# Imported by exconn import/);
  assert.equal(statSync(org).mode & 0o777, 0o600);
  chmodSync(org, 0o444);
  const r = exconn(['import', 'export.ldf', '--out', 'org', '--overwrite'], ws.dir);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'exconn: cannot write org/contoso.organization.yaml: the file is read-only\n');
});

test('import: usage errors and unreadable exports are exit 2 with one line', (t) => {
  const ws = workspace({ 'users.ldf': 'dn: CN=Users,DC=x\nobjectClass: container\n' });
  t.after(ws.remove);
  const cases: Array<[string[], RegExp]> = [
    [['import'], /name the ldifde export to read/],
    [['import', 'x.ldf'], /--out DIR is required/],
    [['import', 'x.ldf', '--out', 'o', '--timezone', '+01:10'], /--timezone must be an offset/],
    [['import', 'x.ldf', 'y.ldf', '--out', 'o'], /one export at a time/],
    [['import', 'x.ldf', '--out', 'o', '--bogus'], /unknown option '--bogus'/],
    [['import', 'missing.ldf', '--out', 'o'], /cannot read missing\.ldf: no such file or directory/],
    [['import', 'users.ldf', '--out', 'o'], /users\.ldf holds no Exchange organization: nothing written/],
  ];
  for (const [args, re] of cases) {
    const r = exconn(args, ws.dir);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, re);
  }
  assert.equal(existsSync(join(ws.dir, 'o')), false);
  const help = exconn(['import', '--help'], ws.dir);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: exconn import EXPORT\.ldf --out DIR/);
  assert.match(exconn(['--help'], ws.dir).stdout, /import EXPORT\.ldf --out DIR/);
});

test('import writes LF files that check reads back unchanged by --fix', (t) => {
  const ws = workspace({ 'export.ldf': contoso() });
  t.after(ws.remove);
  exconn(['import', 'export.ldf', '--out', 'org'], ws.dir);
  const before = snapshot(join(ws.dir, 'org'));
  for (const text of before.values()) assert.doesNotMatch(text.toString('utf8'), /\r/);
  exconn(['check', 'org', '--fix'], ws.dir);
  assert.deepEqual(snapshot(join(ws.dir, 'org')), before, 'no preferred fix applies to an import');
});

test('import → check → drift: no drift right after the import; a change in the files is exit 1, in text and JSON', (t) => {
  const ws = workspace({ 'export.ldf': contoso() });
  t.after(ws.remove);
  exconn(['import', 'export.ldf', '--out', 'org', '--timezone', '-05:00'], ws.dir);
  const clean = exconn(['drift', 'export.ldf', 'org'], ws.dir);
  assert.deepEqual([clean.status, clean.stderr], [0, '']);
  assert.match(clean.stdout, /^no drift: \d+ objects match the export\n$/);
  const file = join(ws.dir, 'org', 'europe', 'paris', 'paris-to-fabrikam.connector.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('mail.fabrikam.com', 'smtp.fabrikam.com'));
  const text = exconn(['drift', 'export.ldf', 'org'], ws.dir);
  assert.equal(text.status, 1);
  assert.equal(
    text.stdout,
    [
      'org/europe/paris/paris-to-fabrikam.connector.yaml: SmtpConnector "Paris to Fabrikam" (Paris, Europe) differs from the export:',
      '  general.smartHosts: files "smtp.fabrikam.com", export "mail.fabrikam.com"',
      `1 object differs, 0 only in the export, 0 only in the files (${clean.stdout.match(/\d+/)![0]} compared)`,
      '',
    ].join('\n'),
  );
  const json = exconn(['drift', 'export.ldf', 'org', '--format', 'json'], ws.dir);
  assert.equal(json.status, 1);
  assert.deepEqual(JSON.parse(json.stdout).objects, [
    {
      kind: 'SmtpConnector',
      name: 'Paris to Fabrikam',
      administrativeGroup: 'Europe',
      routingGroup: 'Paris',
      guid: 'd0000001-0000-4000-8000-000000000005',
      file: 'org/europe/paris/paris-to-fabrikam.connector.yaml',
      status: 'changed',
      differences: [{ field: 'general.smartHosts', files: 'smtp.fabrikam.com', export: 'mail.fabrikam.com' }],
    },
  ]);
  assert.equal(exconn(['drift'], ws.dir).status, 2);
  assert.equal(exconn(['drift', 'export.ldf', 'org', '--format', 'sarif'], ws.dir).status, 2);
  assert.match(exconn(['drift', 'missing.ldf', 'org'], ws.dir).stderr, /cannot read missing\.ldf/);
});
