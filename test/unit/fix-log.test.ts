import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, Fix } from '../../server/src/engine/types';
import { FixLog } from '../../server/src/engine/fixLog';
import { applyEdits } from '../../server/src/engine/applyEdits';
import type { Code } from '../../server/src/rules/codes';
import { r } from '../helpers/engine';

/** A picked fix: its finding starts at (line, character) of the text of its pass. */
function picked(code: Code, line: number, character: number, fix: Fix) {
  const finding: Finding = { code, severity: 'error', range: r(line, character, character + 1), message: 'm', fixes: [fix] };
  return { finding, fix };
}

test('a fix of a later pass is placed in the text as it was before any fix, through the edits of the passes before it', () => {
  const log = new FixLog();
  const text0 = 'a: 1\nb: 2\nc: 3\nd: 4\n';
  // Pass 1: two lines inserted above b, and c's value lengthened.
  const insert: Fix = { title: 'insert', edits: [{ range: r(1, 0, 0), newText: 'x: 0\ny: 0\n' }] };
  const widen: Fix = { title: 'widen', edits: [{ range: r(2, 3, 4), newText: '333' }] };
  const pass1 = [picked('cost-range', 1, 0, insert), picked('invalid-value', 2, 3, widen)];
  log.record(text0, pass1);
  const text1 = applyEdits(
    text0,
    pass1.flatMap((p) => p.fix.edits),
  );
  assert.equal(text1, 'a: 1\nx: 0\ny: 0\nb: 2\nc: 333\nd: 4\n');
  // Pass 2: a fix on d (line 5 now), one after the widened value on c's line, one inside the inserted text.
  const onD: Fix = { title: 'on d', edits: [{ range: r(5, 3, 4), newText: '5' }] };
  const afterWiden: Fix = { title: 'after widen', edits: [{ range: r(4, 6, 6), newText: ' # x' }] };
  const inInserted: Fix = { title: 'in inserted', edits: [{ range: r(2, 3, 4), newText: '9' }] };
  log.record(text1, [
    picked('unknown-field', 5, 3, onD),
    picked('unknown-kind', 4, 6, afterWiden),
    picked('duplicate-key', 2, 3, inInserted),
  ]);
  assert.deepEqual(
    log.applied().map((f) => [f.title, f.line, f.character, f.code]),
    [
      ['insert', 1, 0, 'cost-range'],
      // Inside text an earlier fix wrote: where that fix began.
      ['in inserted', 1, 0, 'duplicate-key'],
      ['widen', 2, 3, 'invalid-value'],
      ['after widen', 2, 4, 'unknown-kind'],
      ['on d', 3, 3, 'unknown-field'],
    ],
  );
});

test('a log with nothing recorded lists nothing', () => {
  assert.deepEqual(new FixLog().applied(), []);
});
