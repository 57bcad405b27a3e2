import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exconn, snapshot, workspace } from './process';
import { fixture } from '../helpers/paths';

const allCrlf = (b: Buffer) => {
  const s = b.toString('utf8');
  return s.includes('\r\n') && !/(^|[^\r])\n/.test(s);
};

test('--fix applies the preferred fixes in passes, keeps comments, CRLF and a BOM, and reports what is left', (t) => {
  const before = '\ufeff# Contoso\r\nkind: Organisation   # typo\r\nname: Contoso\r\n\r\nauthoritativeDomain: [contoso.com]  # keep me\r\n';
  const after = '\ufeff# Contoso\r\nkind: Organization   # typo\r\nname: Contoso\r\n\r\nauthoritativeDomains: [contoso.com]  # keep me\r\n';
  const ws = workspace({ 'a.organization.yaml': before, 'clean.organization.yaml': 'kind: Organization\nname: Other\n' });
  t.after(ws.remove);
  const clean = join(ws.dir, 'clean.organization.yaml');
  const past = new Date('2020-01-01T00:00:00Z');
  utimesSync(clean, past, past);

  const first = exconn(['check', '--fix'], ws.dir);
  assert.equal(readFileSync(join(ws.dir, 'a.organization.yaml'), 'utf8'), after);
  assert.deepEqual(
    [first.status, first.stdout, first.stderr],
    [
      0,
      'a.organization.yaml:2:7: fixed unknown-kind Change kind to Organization\n' +
        "a.organization.yaml:5:1: fixed unknown-field Rename 'authoritativeDomain' to 'authoritativeDomains'\n" +
        '0 problems (0 errors, 0 warnings, 0 information) in 2 files\n',
      '',
    ],
  );
  assert.equal(statSync(clean).mtime.getTime(), past.getTime(), 'a file with nothing to fix is not written');

  const second = exconn(['check', '--fix'], ws.dir);
  assert.equal(readFileSync(join(ws.dir, 'a.organization.yaml'), 'utf8'), after);
  assert.equal(second.stdout, '0 problems (0 errors, 0 warnings, 0 information) in 2 files\n', 'nothing left to fix: the report alone');
});

test('--fix leaves what needs a choice, and the exit status says an error remains', (t) => {
  const ws = workspace({ 'a.organization.yaml': 'kind: Organization\nname: Contoso\nname: Twice\n' });
  t.after(ws.remove);
  const r = exconn(['check', '--fix', '--format', 'json'], ws.dir);
  assert.equal(r.status, 1);
  assert.deepEqual(
    JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code),
    ['duplicate-key'],
  );
  assert.equal(readFileSync(join(ws.dir, 'a.organization.yaml'), 'utf8'), 'kind: Organization\nname: Contoso\nname: Twice\n');
});

test('--fix on a copy of test/fixtures/mistakes: the second run changes nothing, CRLF stays', (t) => {
  const ws = workspace({});
  t.after(ws.remove);
  cpSync(fixture('mistakes'), ws.dir, { recursive: true });
  // A CRLF twin of every file, so that line endings are exercised whatever the fixtures use.
  for (const [rel, bytes] of snapshot(ws.dir)) {
    const text = bytes.toString('utf8');
    if (!text.includes('\r\n')) writeFileSync(join(ws.dir, rel.replace(/([^/]+)$/, 'crlf-$1')), text.replace(/\n/g, '\r\n'));
  }
  const original = snapshot(ws.dir);
  assert.ok(original.size > 0, 'the fixtures exist');

  const first = exconn(['check', '--fix'], ws.dir);
  assert.ok(first.status === 0 || first.status === 1, first.stderr);
  const fixed = snapshot(ws.dir);
  assert.ok(
    [...fixed].some(([rel, b]) => !b.equals(original.get(rel)!)),
    'the first run fixed something',
  );
  for (const [rel, b] of original) if (allCrlf(b)) assert.ok(allCrlf(fixed.get(rel)!), `${rel} keeps CRLF`);

  const fixLines = first.stdout.split('\n').filter((l) => /^[^ ]+:\d+:\d+: fixed /.test(l));
  assert.ok(fixLines.length > 0 && fixLines.every((l) => /^[^:]+:\d+:\d+: fixed [a-z-]+ \S/.test(l)), first.stdout);
  const second = exconn(['check', '--fix'], ws.dir);
  assert.deepEqual(snapshot(ws.dir), fixed, 'the second --fix changed a file');
  assert.doesNotMatch(second.stdout, /: fixed /);
  assert.equal(first.stdout, fixLines.map((l) => l + '\n').join('') + second.stdout, 'the fixes, then what is left');
  assert.equal(exconn(['check'], ws.dir).stdout, second.stdout, 'a plain check reports what --fix left');
});
