import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exconn, workspace } from './process';
import { msg } from '../../server/src/rules/messages';

// Organization documents and unknown kinds draw on the structural rules only,
// so these outputs stay exact whatever the other rules find in connectors.
const files = {
  'a.organization.yaml': 'kind: Organization\nname: Contoso\nauthoritativeDomain: [contoso.com]\n',
  'sub/b.connector.yaml': 'kind: SmtpConector\nname: x\n',
  'node_modules/pkg/c.connector.yaml': 'kind: Nope\n',
  '.hidden/d.connector.yaml': 'kind: Nope\n',
  'notes.yaml': 'kind: Nope\n',
};
const unknownField = msg.unknownField('authoritativeDomain', 'the Organization document', 'authoritativeDomains');
const unknownKind = msg.unknownKind('SmtpConector');

test('text: one line per diagnostic, 1-based, then the summary; exit 1 with an error', (t) => {
  const ws = workspace(files);
  t.after(ws.remove);
  const r = exconn(['check'], ws.dir);
  assert.equal(r.stderr, '');
  assert.equal(
    r.stdout,
    [
      `a.organization.yaml:3:1: warning unknown-field ${unknownField}`,
      `sub/b.connector.yaml:1:7: error unknown-kind ${unknownKind}`,
      '2 problems (1 error, 1 warning, 0 information) in 2 files',
      '',
    ].join('\n'),
  );
  assert.equal(r.status, 1);
});

test('text: singular words, and exit 0 when only a warning remains', (t) => {
  const ws = workspace({ 'a.organization.yaml': files['a.organization.yaml'] });
  t.after(ws.remove);
  const r = exconn(['check', 'a.organization.yaml'], ws.dir);
  assert.equal(
    r.stdout,
    `a.organization.yaml:3:1: warning unknown-field ${unknownField}\n1 problem (0 errors, 1 warning, 0 information) in 1 file\n`,
  );
  assert.equal(r.status, 0);
});

test('text: a clean file gives only the summary and exit 0', (t) => {
  const ws = workspace({ 'x/org.organization.yml': 'kind: Organization\nname: Contoso\n' });
  t.after(ws.remove);
  const r = exconn(['check', 'x'], ws.dir);
  assert.deepEqual([r.stdout, r.status], ['0 problems (0 errors, 0 warnings, 0 information) in 1 file\n', 0]);
});

test('text: columns count UTF-16 code units, as LSP does', (t) => {
  const line = '{kind: Organization, name: "😀 Contoso", zzz: 1}';
  const ws = workspace({ 'u.organization.yaml': line + '\n' });
  t.after(ws.remove);
  const r = exconn(['check'], ws.dir);
  const col = line.indexOf('zzz') + 1;
  assert.equal(col, [...line.slice(0, line.indexOf('zzz'))].length + 2, 'the emoji counts twice');
  assert.equal(
    r.stdout.split('\n')[0],
    `u.organization.yaml:1:${col}: warning unknown-field ${msg.unknownField('zzz', 'the Organization document')}`,
  );
  const json = JSON.parse(exconn(['check', '--format', 'json'], ws.dir).stdout);
  assert.deepEqual([json.diagnostics[0].line, json.diagnostics[0].column], [1, col], 'json: the same line and column as the text');
});

test('json: the docs/format.md object, paths relative with /, 0-based ranges with the 1-based line and column of the text output, fix titles, sorted', (t) => {
  const ws = workspace(files);
  t.after(ws.remove);
  const r = exconn(['check', '--format', 'json', 'sub', '.'], ws.dir);
  assert.equal(r.status, 1);
  assert.deepEqual(JSON.parse(r.stdout), {
    files: 2,
    diagnostics: [
      {
        file: 'a.organization.yaml',
        line: 3,
        column: 1,
        range: { start: { line: 2, character: 0 }, end: { line: 2, character: 19 } },
        severity: 'warning',
        code: 'unknown-field',
        message: unknownField,
        fixes: [msg.fixRenameKey('authoritativeDomain', 'authoritativeDomains')],
      },
      {
        file: 'sub/b.connector.yaml',
        line: 1,
        column: 7,
        range: { start: { line: 0, character: 6 }, end: { line: 0, character: 18 } },
        severity: 'error',
        code: 'unknown-kind',
        message: unknownKind,
        fixes: [msg.fixChangeTo('kind', 'SmtpConnector')],
      },
    ],
  });
});

test('json: --format=json works too, and a file outside the folder is shown with ../', (t) => {
  const ws = workspace({ 'org/a.organization.yaml': files['a.organization.yaml'], 'run/.keep': '' });
  t.after(ws.remove);
  const r = exconn(['check', '--format=json', '../org'], `${ws.dir}/run`);
  const out = JSON.parse(r.stdout);
  assert.equal(out.files, 1);
  assert.deepEqual(
    out.diagnostics.map((d: { file: string }) => d.file),
    ['../org/a.organization.yaml'],
  );
});
