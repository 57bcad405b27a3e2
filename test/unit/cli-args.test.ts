import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oneOf, parseArgs, text } from '../../server/src/cli/args';
import { CliError } from '../../server/src/cli/errors';
import { parseRouteArgs } from '../../server/src/cli/route';
import { parseGraphArgs } from '../../server/src/cli/graph';
import { parseImportArgs } from '../../server/src/cli/import';
import { parseDriftArgs } from '../../server/src/cli/drift';

const SPEC = {
  '--format': { parse: oneOf(['text', 'json'] as const, (v, expected) => `unknown format '${v}': expected ${expected}`) },
  '--root': { parse: text, missing: '--root needs a folder', once: true },
  '--size': { parse: (v: string) => Number(v) },
  '--fix': { flag: true },
} as const;

/** The usage error's message; fails when the arguments parse. */
function usageErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof CliError, String(e));
    assert.equal(e.status, 2);
    assert.equal(e.showUsage, true);
    return e.message;
  }
  assert.fail('no usage error');
}

test('options in any order among the arguments, in both spellings; values parsed; -- ends the options; - is an argument', () => {
  assert.deepEqual(parseArgs(['a', '--format', 'json', 'b', '--fix', '--size=12', '-', '--', '--fix', '-h'], SPEC), {
    options: { '--format': 'json', '--fix': true, '--size': 12 },
    positional: ['a', 'b', '-', '--fix', '-h'],
  });
  assert.deepEqual(parseArgs([], SPEC), { options: {}, positional: [] });
  // A value is the next argument whatever it looks like, and may hold '='.
  assert.deepEqual(parseArgs(['--root', '-x', '--root=-x'], SPEC), { options: { '--root': '-x' }, positional: [] });
  assert.deepEqual(parseArgs(['--format=text', '--format', 'json'], SPEC), { options: { '--format': 'json' }, positional: [] });
});

test('-h or --help anywhere before -- asks for help, even after a mistake later on the line', () => {
  assert.equal(parseArgs(['x', '--help'], SPEC), 'help');
  assert.equal(parseArgs(['-h', '--bogus'], SPEC), 'help');
  assert.deepEqual(parseArgs(['--', '-h'], SPEC), { options: {}, positional: ['-h'] });
});

test('usage errors: unknown options with the closest known one, missing values, a value given twice where it must be once', () => {
  assert.equal(
    usageErrorOf(() => parseArgs(['--fxi'], SPEC)),
    "unknown option '--fxi'; did you mean '--fix'?",
  );
  assert.equal(
    usageErrorOf(() => parseArgs(['--formt=json'], SPEC)),
    "unknown option '--formt=json'; did you mean '--format'?",
  );
  assert.equal(
    usageErrorOf(() => parseArgs(['--hlep'], SPEC)),
    "unknown option '--hlep'; did you mean '--help'?",
  );
  assert.equal(
    usageErrorOf(() => parseArgs(['--fix=yes'], SPEC)),
    "unknown option '--fix=yes'; did you mean '--fix'?",
  );
  assert.equal(
    usageErrorOf(() => parseArgs(['-x'], SPEC)),
    "unknown option '-x'",
  );
  assert.equal(
    usageErrorOf(() => parseArgs(['--format'], SPEC)),
    '--format needs a value',
  );
  assert.equal(
    usageErrorOf(() => parseArgs(['--format='], SPEC)),
    '--format needs a value',
  );
  assert.equal(
    usageErrorOf(() => parseArgs(['--root'], SPEC)),
    '--root needs a folder',
  );
  assert.equal(
    usageErrorOf(() => parseArgs(['--format', 'png'], SPEC)),
    "unknown format 'png': expected text or json",
  );
  assert.equal(
    usageErrorOf(() => parseArgs(['--root', 'a', '--root=b'], SPEC)),
    '--root given twice',
  );
  // Errors come in the order of the arguments.
  assert.equal(
    usageErrorOf(() => parseArgs(['--format', 'png', '--bogus'], SPEC)),
    "unknown format 'png': expected text or json",
  );
  // Names of Object.prototype are no options.
  assert.equal(
    usageErrorOf(() => parseArgs(['constructor', '--constructor'], SPEC)),
    "unknown option '--constructor'",
  );
});

test('each command reads its arguments through the one parser', () => {
  assert.deepEqual(parseRouteArgs(['--from', 'Paris', '--to=x@example.com', '--size', '20', '--system', 'org', '--priority', 'low']), {
    query: { from: 'Paris', to: 'x@example.com', sizeKB: 20, priority: 'low', system: true },
    paths: ['org'],
    format: 'text',
  });
  assert.equal(
    usageErrorOf(() => parseRouteArgs(['--form', 'Paris'])),
    "unknown option '--form'; did you mean '--from'?",
  );
  assert.equal(
    usageErrorOf(() => parseRouteArgs(['--from', 'Paris', '--to', 'x@y.com', '--size', '0'])),
    "--size must be a positive whole number of KB, not '0'",
  );
  assert.deepEqual(parseGraphArgs(['--format', 'svg', 'a', '--route-from', 'Paris', '--to-group', 'Boston']), {
    paths: ['a'],
    format: 'svg',
    route: { from: 'Paris', toGroup: 'Boston' },
  });
  assert.equal(
    usageErrorOf(() => parseGraphArgs(['--fromat', 'svg'])),
    "unknown option '--fromat'; did you mean '--format'?",
  );
  assert.deepEqual(parseImportArgs(['x.ldf', '--out', 'o', '--timezone', '+01:00', '--overwrite']), {
    export: 'x.ldf',
    out: 'o',
    offsetMinutes: 60,
    overwrite: true,
  });
  assert.equal(
    usageErrorOf(() => parseImportArgs(['x.ldf', '--out', 'o', '--timezone', '+1'])),
    "--timezone must be an offset such as +01:00 or -05:00 on a quarter hour, not '+1'",
  );
  assert.deepEqual(parseDriftArgs(['x.ldf', 'org', '--format=json']), {
    export: 'x.ldf',
    dir: 'org',
    offsetMinutes: undefined,
    format: 'json',
  });
  assert.equal(
    usageErrorOf(() => parseDriftArgs(['x.ldf', '--timezon', '+01:00'])),
    "unknown option '--timezon'; did you mean '--timezone'?",
  );
  assert.equal(
    usageErrorOf(() => parseDriftArgs(['a', 'b', 'c'])),
    "one export and one folder: 'c' is extra",
  );
});
