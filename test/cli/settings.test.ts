import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exconn, exconnJson, workspace } from './process';

// One warning (unknown-field) and one error (unknown-kind) to play with.
const files = {
  'a.organization.yaml': 'kind: Organization\nname: Contoso\nauthoritativeDomain: [contoso.com]\n',
  'b.connector.yaml': 'kind: SmtpConector\nname: x\n',
};

test('.vscode/settings.json (comments, trailing commas) changes a severity and turns a code off', (t) => {
  const settings = `{
  // as VS Code writes it
  "editor.tabSize": 2,
  /* the checker's rules */
  "exchangeConnectors.rules": {
    "unknown-field": "error", // stricter in CI
    "unknown-kind": "off",
  },
}
`;
  const ws = workspace({ ...files, '.vscode/settings.json': settings });
  t.after(ws.remove);
  const { run, json } = exconnJson(['check'], ws.dir);
  assert.equal(run.stderr, '');
  assert.deepEqual(
    json.diagnostics.map((d) => [d.file, d.code, d.severity]),
    [['a.organization.yaml', 'unknown-field', 'error']],
  );
  assert.equal(run.status, 1, 'the warning became an error');
});

test('the only error lowered to a hint makes the exit status 0; hints are counted in the summary', (t) => {
  const settings = '{ "exchangeConnectors.rules": { "unknown-kind": "hint" } }';
  const ws = workspace({ ...files, '.vscode/settings.json': settings });
  t.after(ws.remove);
  const r = exconn(['check'], ws.dir);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^b\.connector\.yaml:1:7: hint unknown-kind /m);
  assert.match(r.stdout, /\n2 problems \(0 errors, 1 warning, 0 information, 1 hint\) in 2 files\n$/);
});

test('settings are read from the folder the command runs in, not from the checked folder', (t) => {
  const ws = workspace({
    'w/a.organization.yaml': files['a.organization.yaml'],
    'w/.vscode/settings.json': '{"exchangeConnectors.rules": {"unknown-field": "off"}}',
  });
  t.after(ws.remove);
  assert.equal(exconnJson(['check', 'w'], ws.dir).json.diagnostics.length, 1);
  assert.equal(exconnJson(['check', '.'], `${ws.dir}/w`).json.diagnostics.length, 0);
});

test('a broken settings file or an unknown value is named on stderr and ignored', (t) => {
  const ws = workspace({
    ...files,
    '.vscode/settings.json': '{ "exchangeConnectors.rules": { "unknown-field": "loud", "no-such-rule": "off" } }',
  });
  t.after(ws.remove);
  const { run, json } = exconnJson(['check'], ws.dir);
  assert.deepEqual(
    json.diagnostics.map((d) => d.severity),
    ['warning', 'error'],
  );
  assert.match(run.stderr, /exchangeConnectors\.rules\["unknown-field"\].*expected off, error, warning, information or hint/);
  assert.match(run.stderr, /exchangeConnectors\.rules\["no-such-rule"\].*no such rule/);
  const broken = workspace({ ...files, '.vscode/settings.json': '{ "exchangeConnectors.rules": ' });
  t.after(broken.remove);
  const b = exconnJson(['check'], broken.dir);
  assert.equal(b.json.diagnostics.length, 2);
  assert.match(b.run.stderr, /^exconn: ignoring \.vscode\/settings\.json: /);
});
