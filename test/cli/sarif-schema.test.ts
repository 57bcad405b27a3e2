import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { exconn, workspace } from './process';
import { ROOT, fixture } from '../helpers/paths';

// The OASIS SARIF 2.1.0 schema (its final release candidate, rtm.5, a JSON
// Schema draft-04 document) as the @microsoft/jest-sarif package ships it:
// installed with the dev dependencies, never downloaded by the test.
const SCHEMA = join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function validator() {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }); // the schema's language pattern is not valid with the u flag;
  return ajv.compile(schema);
}

function errorsOf(validate: ReturnType<typeof validator>): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('\n');
}

test('exconn check --format sarif validates against the SARIF 2.1.0 schema: results with related locations, and a clean run', () => {
  const validate = validator();
  const mistakes = exconn(['check', '--format', 'sarif', '--root', fixture('mistakes'), fixture('mistakes')], ROOT);
  assert.equal(mistakes.status, 1, mistakes.stderr);
  const log = JSON.parse(mistakes.stdout) as { runs: { results: { relatedLocations?: unknown[] }[] }[] };
  assert.ok(log.runs[0].results.length > 20, 'many results');
  assert.ok(
    log.runs[0].results.some((r) => (r.relatedLocations ?? []).length > 0),
    'some with related locations',
  );
  assert.equal(validate(log), true, errorsOf(validate));

  const clean = exconn(['check', '--format', 'sarif', 'examples'], ROOT);
  assert.equal(validate(JSON.parse(clean.stdout)), true, errorsOf(validate));
});

test('the schema check can fail: a log missing a required property is rejected', () => {
  const validate = validator();
  const log = JSON.parse(exconn(['check', '--format', 'sarif', 'examples'], ROOT).stdout) as { runs: { tool: unknown }[] };
  delete (log.runs[0] as { tool?: unknown }).tool;
  assert.equal(validate(log), false);
  assert.match(errorsOf(validate), /tool/);
});

test('exconn check --fix --format sarif: each fix applied is a note of the run, and the log still validates', (t) => {
  const validate = validator();
  const ws = workspace({});
  t.after(ws.remove);
  cpSync(fixture('mistakes'), ws.dir, { recursive: true });
  const r = exconn(['check', '--fix', '--format', 'sarif'], ws.dir);
  assert.equal(r.status, 1, r.stderr);
  type Note = { level: string; message: { text: string }; associatedRule: { id: string } };
  const log = JSON.parse(r.stdout) as { runs: { invocations?: { toolExecutionNotifications: Note[] }[] }[] };
  const notes = log.runs[0].invocations?.[0].toolExecutionNotifications ?? [];
  assert.ok(notes.length > 3, 'fixes listed');
  assert.ok(notes.every((n) => n.level === 'note' && n.message.text.startsWith('Fixed: ')));
  assert.ok(notes.some((n) => n.associatedRule.id === 'schedule-granularity'));
  assert.equal(validate(log), true, errorsOf(validate));
  const again = JSON.parse(exconn(['check', '--fix', '--format', 'sarif'], ws.dir).stdout) as typeof log;
  assert.deepEqual(again.runs[0].invocations?.[0].toolExecutionNotifications, [], 'nothing left to fix');
});
