import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { discoverFiles } from '../../server/src/cli/discover';
import { globToRegExp } from '../../server/src/cli/glob';
import { CliError } from '../../server/src/cli/errors';
import { parseJsonc } from '../../server/src/cli/settings';
import { parseCheckArgs } from '../../server/src/cli/check';

function tree(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'exconn-discover-'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), 'kind: Organization\n');
  }
  return dir;
}

const FILES = [
  'org.organization.yaml',
  'a/paris.routinggroup.yml',
  'a/b/paris-boston.connector.yaml',
  'a/b/readme.md',
  'a/b/other.yaml',
  'a/UPPER.CONNECTOR.YAML',
  'node_modules/x/y.connector.yaml',
  '.git/z.connector.yaml',
  'a/.cache/w.connector.yaml',
];

test('folders: connector files only, node_modules and dot-folders skipped, default the current folder, sorted', (t) => {
  const dir = tree(FILES);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const rel = (paths: string[]) => paths.map((p) => relative(dir, p).split('\\').join('/'));
  assert.deepEqual(rel(discoverFiles([], dir)), ['a/b/paris-boston.connector.yaml', 'a/paris.routinggroup.yml', 'org.organization.yaml']);
  // a file named on the command line is checked whatever its name; a folder named explicitly is read even if it starts with a dot
  assert.deepEqual(rel(discoverFiles(['a/b/other.yaml', '.git', 'org.organization.yaml', './org.organization.yaml'], dir)), [
    '.git/z.connector.yaml',
    'a/b/other.yaml',
    'org.organization.yaml',
  ]);
});

test('quoted globs expand to the connector files they match', (t) => {
  const dir = tree(FILES);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const rel = (paths: string[]) => paths.map((p) => relative(dir, p).split('\\').join('/'));
  assert.deepEqual(rel(discoverFiles(['**/*.connector.yaml'], dir)), ['a/b/paris-boston.connector.yaml']);
  assert.deepEqual(rel(discoverFiles(['a/*'], dir)), ['a/b/paris-boston.connector.yaml', 'a/paris.routinggroup.yml']);
  assert.deepEqual(rel(discoverFiles(['*.{organization,routinggroup}.yaml', 'a/*.routinggroup.yml'], dir)), [
    'a/paris.routinggroup.yml',
    'org.organization.yaml',
  ]);
  assert.deepEqual(discoverFiles(['nothing/**/*.connector.yaml'], dir), []);
});

test('an unreadable path is a CliError naming it; a link cycle is walked once', (t) => {
  const dir = tree(['a/x.connector.yaml']);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(join(dir, 'a'), join(dir, 'a', 'loop'));
  assert.equal(discoverFiles(['a'], dir).length, 1);
  assert.throws(
    () => discoverFiles(['a', 'gone'], dir),
    (e: unknown) => e instanceof CliError && e.status === 2 && e.message === 'cannot read gone: no such file or directory',
  );
});

test('globs: * stays in a segment, ** crosses them, ? [] {} as in shells', () => {
  assert.ok(globToRegExp('*.yaml').test('a.yaml'));
  assert.ok(!globToRegExp('*.yaml').test('d/a.yaml'));
  assert.ok(globToRegExp('**/*.yaml').test('a.yaml'));
  assert.ok(globToRegExp('**/*.yaml').test('d/e/a.yaml'));
  assert.ok(globToRegExp('d/?.yaml').test('d/a.yaml'));
  assert.ok(globToRegExp('[ab].yaml').test('b.yaml') && !globToRegExp('[!ab].yaml').test('b.yaml'));
  assert.ok(globToRegExp('x.{yaml,yml}').test('x.yml') && !globToRegExp('x.{yaml,yml}').test('x.json'));
  assert.ok(globToRegExp('a+b (1).yaml').test('a+b (1).yaml'));
  assert.ok(!globToRegExp('*').test('.git') && !globToRegExp('**/*.yaml').test('.git/a.yaml') && !globToRegExp('**').test('a/.git/x'));
  assert.ok(globToRegExp('**').test('a/b/x'));
});

test('settings JSON with comments and trailing commas; strings keep their slashes and commas', () => {
  assert.deepEqual(parseJsonc('{\n // c\n "a": "http://x,/*y*/", /* z */ "b": [1, 2,],\n}\n'), { a: 'http://x,/*y*/', b: [1, 2] });
  assert.deepEqual(parseJsonc('\ufeff{"a": "q\\"//,"}'), { a: 'q"//,' });
  assert.deepEqual(parseJsonc('// only a comment\n'), {});
  assert.throws(() => parseJsonc('{"a": }'));
});

test('check arguments: paths, --format in both spellings, --fix, --', () => {
  assert.deepEqual(parseCheckArgs(['a', '--format', 'sarif', 'b', '--fix']), { paths: ['a', 'b'], format: 'sarif', fix: true });
  assert.deepEqual(parseCheckArgs(['--format=json', '--', '--fix']), { paths: ['--fix'], format: 'json', fix: false });
  assert.equal(parseCheckArgs(['x', '-h']), 'help');
  assert.throws(() => parseCheckArgs(['--format', 'json', '--format', 'text']), CliError);
});
