import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exconn, workspace } from './process';

const group = (name: string, server: string) =>
  `kind: RoutingGroup\nname: ${name}\nadministrativeGroup: First Administrative Group\nservers:\n  - name: ${server}\n    fqdn: ${server.toLowerCase()}.contoso.com\n`;
const connector = (name: string, from: string, bridgehead: string, to: string, smartHost: string) =>
  [
    'kind: SmtpConnector',
    `name: ${name}`,
    'administrativeGroup: First Administrative Group',
    `routingGroup: ${from}`,
    'general:',
    '  delivery: smartHost',
    '  smartHosts:',
    `    - ${smartHost.toLowerCase()}.contoso.com`,
    '  localBridgeheads:',
    `    - server: ${bridgehead}`,
    '      virtualServer: Default SMTP Virtual Server',
    'connectedRoutingGroups:',
    `  - routingGroup: ${to}`,
    '',
  ].join('\n');

/** A git repository holding an organization in org/, connectors both ways between Paris and Boston. */
const ORGANIZATION = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  'org/contoso.organization.yaml': 'kind: Organization\nname: Contoso\nauthoritativeDomains: [contoso.com]\n',
  'org/paris/paris.routinggroup.yaml': group('Paris', 'PAR-EX01'),
  'org/boston/boston.routinggroup.yaml': group('Boston', 'BOS-EX01'),
  'org/paris/paris-boston.connector.yaml': connector('Paris to Boston', 'Paris', 'PAR-EX01', 'Boston', 'BOS-EX01'),
  'org/boston/boston-paris.connector.yaml': connector('Boston to Paris', 'Boston', 'BOS-EX01', 'Paris', 'PAR-EX01'),
};
const CLEAN_ONE = '0 problems (0 errors, 0 warnings, 0 information) in 1 file\n';

test('a file named alone is judged among its organization (the folder upward with an *.organization.yaml), and only it is reported', (t) => {
  const ws = workspace(ORGANIZATION);
  t.after(ws.remove);
  // As a pre-commit hook runs it: from the repository's top, naming the changed file.
  assert.deepEqual(exconn(['check', 'org/paris/paris-boston.connector.yaml'], ws.dir), { status: 0, stdout: CLEAN_ONE, stderr: '' });
  // From inside the organization, too.
  assert.deepEqual(exconn(['check', 'paris-boston.connector.yaml'], join(ws.dir, 'org', 'paris')), {
    status: 0,
    stdout: CLEAN_ONE,
    stderr: '',
  });
});

test('--root DIR overrides the search: the connector back, outside it, is not seen', (t) => {
  const ws = workspace(ORGANIZATION);
  t.after(ws.remove);
  const r = exconn(['check', '--root', 'org/paris', 'org/paris/paris-boston.connector.yaml', '--format', 'json'], ws.dir);
  const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
  assert.ok(codes.includes('unknown-routing-group'), codes.join());
  assert.equal(r.stderr, '');
});

test('without an organization file: the git root, else the current folder', (t) => {
  const files = { ...ORGANIZATION, 'org/contoso.organization.yaml': undefined } as Record<string, string | undefined>;
  delete files['org/contoso.organization.yaml'];
  const inGit = workspace(files as Record<string, string>);
  t.after(inGit.remove);
  assert.equal(exconn(['check', 'paris-boston.connector.yaml'], join(inGit.dir, 'org', 'paris')).stdout, CLEAN_ONE);

  delete files['.git/HEAD'];
  const noGit = workspace(files as Record<string, string>);
  t.after(noGit.remove);
  // The current folder (the top here) holds the whole organization…
  assert.equal(exconn(['check', 'org/paris/paris-boston.connector.yaml'], noGit.dir).stdout, CLEAN_ONE);
  // …but from org/paris, Boston's files are outside it.
  const r = exconn(['check', 'paris-boston.connector.yaml', '--format', 'json'], join(noGit.dir, 'org', 'paris'));
  assert.ok(r.stdout.includes('"code": "unknown-routing-group"'), r.stdout);
});

test('a folder named with no organization file above it is an organization of its own', (t) => {
  const ws = workspace(ORGANIZATION);
  t.after(ws.remove);
  // org/ has the organization file: naming org/paris still sees Boston.
  assert.equal(exconn(['check', 'org/paris'], ws.dir).stdout, '0 problems (0 errors, 0 warnings, 0 information) in 2 files\n');
  const loose = workspace({
    '.git/HEAD': '',
    'a/x.routinggroup.yaml': group('Paris', 'PAR-EX01'),
    'b/y.routinggroup.yaml': group('Boston', 'BOS-EX01'),
  });
  t.after(loose.remove);
  // b/ is not read when a/ is named: the folder named is the workspace, as before.
  assert.match(exconn(['check', 'a'], loose.dir).stdout, /single-routing-group/);
  // a/'s file named alone is judged with the whole repository: two routing groups.
  assert.equal(exconn(['check', 'a/x.routinggroup.yaml'], loose.dir).stdout, CLEAN_ONE);
});

test('--fix changes only the files named, never the organization around them', (t) => {
  const bad = group('Lyon', 'LYO-EX01').replace('administrativeGroup', 'administrativeGrup');
  const ws = workspace({ ...ORGANIZATION, 'org/paris/lyon.routinggroup.yaml': bad });
  t.after(ws.remove);
  const r = exconn(['check', '--fix', 'org/paris/paris-boston.connector.yaml'], ws.dir);
  assert.equal(r.stdout, CLEAN_ONE);
  assert.equal(readFileSync(join(ws.dir, 'org/paris/lyon.routinggroup.yaml'), 'utf8'), bad);
});

test('--root must be a folder that exists', (t) => {
  const ws = workspace(ORGANIZATION);
  t.after(ws.remove);
  const gone = exconn(['check', '--root', 'nowhere', 'org'], ws.dir);
  assert.deepEqual([gone.status, gone.stderr], [2, 'exconn: cannot read --root nowhere: no such file or directory\n']);
  const file = exconn(['check', '--root', 'org/contoso.organization.yaml', 'org'], ws.dir);
  assert.deepEqual([file.status, file.stderr], [2, 'exconn: --root org/contoso.organization.yaml is not a folder\n']);
  const empty = exconn(['check', '--root'], ws.dir);
  assert.equal(empty.status, 2);
  assert.match(empty.stderr, /^exconn: --root needs a folder\n/);
});
