import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import { sameDiagnostics } from '../../server/src/lsp/diagnostics';

// Whether a re-published file's diagnostics changed: the same objects are the
// same; others are compared one by one by what they say.

const at = (line: number, message = 'Cost 150 is out of range.'): Diagnostic => ({
  range: { start: { line, character: 2 }, end: { line, character: 11 } },
  severity: 1,
  code: 'cost-range',
  source: 'exconn',
  message,
});

test('diagnostics are the same when each is the same object or says the same', () => {
  const list = [at(1), at(5), at(9)];
  assert.ok(sameDiagnostics(list, list));
  assert.ok(sameDiagnostics(list, [list[0], at(5), list[2]]));
  assert.ok(sameDiagnostics([], []));
});

test('diagnostics differ in number, in place, in message or in order', () => {
  const list = [at(1), at(5), at(9)];
  assert.ok(!sameDiagnostics(list, list.slice(0, 2)));
  assert.ok(!sameDiagnostics(list, [list[0], at(6), at(10)]), 'moved by a line inserted above them');
  assert.ok(!sameDiagnostics(list, [list[0], list[1], at(9, 'Cost 0 is out of range.')]));
  assert.ok(!sameDiagnostics(list, [list[1], list[0], list[2]]));
});
