import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check, expectOne, expectNone, applyFix, rangeOf, lines, bothEols } from '../helpers/engine';
import { msg } from '../../server/src/rules/messages';
import { fixture } from '../helpers/paths';
import { CODES } from '../../server/src/rules/codes';

/** A connector that is valid on its own; each test adds the tab it is about. */
const base = lines(
  'kind: SmtpConnector',
  'name: Paris Internet',
  'administrativeGroup: First Administrative Group',
  'routingGroup: Paris',
  '',
  'general:',
  '  localBridgeheads:',
  '    - server: PAR-EX01',
  '      virtualServer: Default SMTP Virtual Server',
  '',
  'addressSpace:',
  '  entries:',
  '    - type: SMTP',
  '      address: "*"',
  '',
);

test('schedule-required: custom without a schedule, on deliveryOptions; an empty list on its own key', () => {
  const absent = base + lines('deliveryOptions:', '  connectionTime: custom');
  expectOne(check(absent), {
    code: 'schedule-required',
    severity: 'error',
    range: rangeOf(absent, 'deliveryOptions'),
    message: msg.scheduleRequired(),
  });
  const empty = base + lines('deliveryOptions:', '  connectionTime: custom', '  schedule: []');
  expectOne(check(empty), { code: 'schedule-required', range: rangeOf(empty, 'schedule'), message: msg.scheduleRequired() });
  const oversize = base + lines('deliveryOptions:', '  oversize:', '    thresholdKB: 2048', '    connectionTime: custom');
  expectOne(check(oversize), { code: 'schedule-required', range: rangeOf(oversize, 'oversize'), message: msg.scheduleRequired() });
});

test('schedule-required: for ETRN/TURN only when the request goes to a different server', () => {
  const different =
    base +
    lines('advanced:', '  etrnTurn:', '    request: fromDifferentServer', '    server: etrn.contoso.com', '    connectionTime: custom');
  expectOne(check(different), { code: 'schedule-required', range: rangeOf(different, 'etrnTurn'), message: msg.scheduleRequired() });
  const whenSending =
    base +
    lines(
      'advanced:',
      '  etrnTurn:',
      '    request: whenSending',
      '    connectionTime: custom',
      '    dequeue: turn',
      '  outboundSecurity:',
      '    authentication: basic',
      '    username: CONTOSO\\relay',
    );
  expectNone(check(whenSending), 'schedule-required');
});

test('schedule-required does not fire with a schedule, nor with another connection time', () => {
  expectNone(
    check(base + lines('deliveryOptions:', '  connectionTime: custom', '  schedule: ["Mon-Fri 18:00-07:00"]')),
    'schedule-required',
  );
  expectNone(check(base + lines('deliveryOptions:', '  connectionTime: every4Hours')), 'schedule-required');
});

test('schedule-ignored: on the schedule key; the fix sets the written connectionTime to custom', () => {
  const before = base + lines('deliveryOptions:', '  connectionTime: every4Hours  # for now', '  schedule:', '    - "Mon-Fri 18:00-07:00"');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'schedule-ignored',
      severity: 'warning',
      range: rangeOf(text, 'schedule'),
      message: msg.scheduleIgnored('every4Hours'),
    });
    assert.equal(f.fixes[0].preferred, undefined);
    assert.equal(applyFix(text, f, msg.fixSetCustom()), eol(before.replace('every4Hours', 'custom')));
  });
});

test('schedule-ignored: with connectionTime left at always, the fix inserts it where the catalog puts it', () => {
  const before =
    base +
    lines(
      'deliveryOptions:',
      '  # nights only',
      '  schedule: ["Mon-Fri 18:00-07:00"]',
      '  oversize:',
      '    thresholdKB: 2048',
      '    schedule: ["Sat 00:00-24:00"]',
    );
  bothEols(before, (text, eol) => {
    const found = check(text).filter((f) => f.code === 'schedule-ignored');
    assert.equal(found.length, 2);
    const [outer, inner] = found;
    assert.deepEqual([outer.range, outer.message], [rangeOf(text, 'schedule'), msg.scheduleIgnored('always')]);
    assert.deepEqual([inner.range, inner.message], [rangeOf(text, 'schedule', 1), msg.scheduleIgnored('always')]);
    assert.equal(
      applyFix(text, outer, msg.fixSetCustom()),
      eol(
        base +
          lines(
            'deliveryOptions:',
            '  connectionTime: custom',
            '  # nights only',
            '  schedule: ["Mon-Fri 18:00-07:00"]',
            '  oversize:',
            '    thresholdKB: 2048',
            '    schedule: ["Sat 00:00-24:00"]',
          ),
      ),
    );
    assert.equal(
      applyFix(text, inner, msg.fixSetCustom()),
      eol(
        base +
          lines(
            'deliveryOptions:',
            '  # nights only',
            '  schedule: ["Mon-Fri 18:00-07:00"]',
            '  oversize:',
            '    thresholdKB: 2048',
            '    connectionTime: custom',
            '    schedule: ["Sat 00:00-24:00"]',
          ),
      ),
    );
  });
});

test('schedule-ignored does not fire with custom, nor for an ETRN/TURN request made when sending', () => {
  expectNone(
    check(base + lines('deliveryOptions:', '  connectionTime: custom', '  schedule: ["Mon-Fri 18:00-07:00"]')),
    'schedule-ignored',
  );
  const etrn =
    base +
    lines(
      'advanced:',
      '  etrnTurn:',
      '    request: whenSending',
      '    connectionTime: dailyAt11PM',
      '    schedule: ["Mon-Fri 06:00-07:00"]',
      '    dequeue: etrn',
      '    etrnDomains: [contoso.com]',
    );
  expectNone(check(etrn), 'schedule-ignored');
  expectNone(check(base + lines('deliveryOptions:', '  connectionTime: always', '  schedule: []')), 'schedule-ignored');
});

test('schedule-invalid: on the whole window string, saying why', () => {
  const text =
    base +
    lines(
      'deliveryOptions:',
      '  connectionTime: custom',
      '  schedule:',
      '    - "Mon-Fri 18:00-07:00"',
      '    - "Mnday 10:00-11:00"',
      "    - 'Sat 10:00-10:00'",
    );
  const found = check(text).filter((f) => f.code === 'schedule-invalid');
  assert.deepEqual(
    found.map((f) => [f.severity, f.range, f.message]),
    [
      [
        'error',
        rangeOf(text, '"Mnday 10:00-11:00"'),
        msg.scheduleInvalid('Mnday 10:00-11:00', "'Mnday' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)"),
      ],
      [
        'error',
        rangeOf(text, "'Sat 10:00-10:00'"),
        msg.scheduleInvalid('Sat 10:00-10:00', 'it is empty, since it starts and ends at the same time'),
      ],
    ],
  );
  const etrn =
    base +
    lines(
      'advanced:',
      '  etrnTurn:',
      '    request: fromDifferentServer',
      '    server: etrn.contoso.com',
      '    connectionTime: custom',
      '    schedule: ["Mon 24:00-01:00"]',
    );
  expectOne(check(etrn), {
    code: 'schedule-invalid',
    range: rangeOf(etrn, '"Mon 24:00-01:00"'),
    message: msg.scheduleInvalid('Mon 24:00-01:00', '24:00 may only end a window'),
  });
});

test('schedule-invalid does not fire on windows that parse', () => {
  expectNone(
    check(
      base +
        lines(
          'deliveryOptions:',
          '  connectionTime: custom',
          '  schedule: ["Mon-Wed,Fri 18:00-07:00", "Sat,Sun 00:00-24:00", "Fri-Mon 22:00-23:00"]',
        ),
    ),
    'schedule-invalid',
  );
});

test('schedule-granularity: one diagnostic per window; the preferred fix rounds in place, keeping the quotes', () => {
  const before =
    base +
    lines(
      'deliveryOptions:',
      '  connectionTime: custom',
      '  schedule:',
      '    - "Mon-Fri 18:10-07:00"   # evenings',
      "    - 'Sat 10:07-11:08'",
      '    - Sun 01:00-02:00',
    );
  const after =
    base +
    lines(
      'deliveryOptions:',
      '  connectionTime: custom',
      '  schedule:',
      '    - "Mon-Fri 18:15-07:00"   # evenings',
      "    - 'Sat 10:00-11:15'",
      '    - Sun 01:00-02:00',
    );
  bothEols(before, (text, eol) => {
    const found = check(text).filter((f) => f.code === 'schedule-granularity');
    assert.deepEqual(
      found.map((f) => [f.severity, f.range, f.message, f.fixes.map((x) => [x.title, x.preferred])]),
      [
        ['error', rangeOf(text, '"Mon-Fri 18:10-07:00"'), msg.scheduleGranularity('18:10'), [[msg.fixRound('18:10', '18:15'), true]]],
        [
          'error',
          rangeOf(text, "'Sat 10:07-11:08'"),
          msg.scheduleGranularityBoth('10:07', '11:08'),
          [[msg.fixRoundBoth('10:07', '10:00', '11:08', '11:15'), true]],
        ],
      ],
    );
    let fixed = applyFix(text, found[0]);
    assert.equal(fixed, eol(before.replace('18:10', '18:15')));
    // The other fix still applies to the first one's result: the edits touch only the times.
    fixed = applyFix(
      fixed,
      check(fixed).find((f) => f.code === 'schedule-granularity')!,
    );
    assert.equal(fixed, eol(after));
  });
});

test('schedule-granularity: in a plain window of the oversize schedule, a time rounding to 24:00 stays a valid end', () => {
  const before =
    base +
    lines('deliveryOptions:', '  oversize:', '    thresholdKB: 4096', '    connectionTime: custom', '    schedule: [Mon-Sun 22:00-23:53]');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'schedule-granularity',
      range: rangeOf(text, 'Mon-Sun 22:00-23:53'),
      message: msg.scheduleGranularity('23:53'),
    });
    assert.equal(applyFix(text, f), eol(before.replace('23:53', '24:00')));
  });
});

test('schedule-granularity: a schedule shared through an alias is reported once, where it is anchored', () => {
  const text =
    base +
    lines(
      'deliveryOptions:',
      '  connectionTime: custom',
      '  schedule: &nights ["Mon-Fri 18:10-07:00"]',
      '  oversize:',
      '    thresholdKB: 4096',
      '    connectionTime: custom',
      '    schedule: *nights',
    );
  expectOne(check(text), {
    code: 'schedule-granularity',
    range: rangeOf(text, '"Mon-Fri 18:10-07:00"'),
    message: msg.scheduleGranularity('18:10'),
  });
});

test('schedule-granularity does not fire on quarter hours', () => {
  expectNone(
    check(base + lines('deliveryOptions:', '  connectionTime: custom', '  schedule: ["Mon-Fri 18:15-07:45", "Sat 00:00-24:00"]')),
    'schedule-granularity',
  );
});

test('never-runs: on connectionTime never; the fix sets always', () => {
  const before = base + lines('deliveryOptions:', '  connectionTime: never   # parked', '');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), { code: 'never-runs', severity: 'warning', range: rangeOf(text, 'never'), message: msg.neverRuns() });
    assert.equal(f.fixes[0].preferred, undefined);
    assert.equal(applyFix(text, f, msg.fixSetAlways()), eol(before.replace('never', 'always')));
  });
});

test('never-runs: an oversize connection time of never leaves oversize mail queued', () => {
  const before = base + lines('deliveryOptions:', '  oversize:', '    thresholdKB: 4096', "    connectionTime: 'never'");
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), { code: 'never-runs', range: rangeOf(text, "'never'"), message: msg.neverRunsOversize() });
    assert.equal(applyFix(text, f, msg.fixSetAlways()), eol(before.replace("'never'", "'always'")));
  });
});

test('never-runs does not fire on other connection times, nor on the ETRN/TURN request schedule', () => {
  expectNone(check(base + lines('deliveryOptions:', '  connectionTime: dailyAt11PM')), 'never-runs');
  const etrn =
    base +
    lines(
      'advanced:',
      '  etrnTurn:',
      '    request: fromDifferentServer',
      '    server: etrn.contoso.com',
      '    connectionTime: never',
      '    dequeue: etrn',
      '    etrnDomains: [contoso.com]',
    );
  expectNone(check(etrn), 'never-runs');
});

for (const name of ['schedule', 'never-runs']) {
  test(`the ${name} fixture shows exactly the codes its first line names`, () => {
    const text = readFileSync(fixture('mistakes', `${name}.connector.yaml`), 'utf8');
    const named = /^# Shows: (.*)$/m.exec(text)![1].split(', ').sort();
    // The file stands alone here, so the workspace rules are left out.
    const shown = [
      ...new Set(
        check(text)
          .filter((f) => CODES[f.code].scope === 'document')
          .map((f) => f.code),
      ),
    ].sort();
    assert.deepEqual(shown, named);
  });
}
