import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check, expectOne, expectNone, applyFix, rangeOf, lines, crlf, codes } from '../helpers/engine';
import { fixture } from '../helpers/paths';
import { msg } from '../../server/src/rules/messages';
import { CODES } from '../../server/src/rules/codes';
import { parseHost, sameHost } from '../../server/src/model/hostname';

const head = lines(
  'kind: SmtpConnector',
  'name: Paris to Boston',
  'administrativeGroup: First Administrative Group',
  'routingGroup: Paris',
  '',
  'general:',
  '  delivery: smartHost',
);
const tail = lines(
  '  localBridgeheads:',
  '    - server: PAR-EX01',
  '      virtualServer: Default SMTP Virtual Server',
  '',
  'connectedRoutingGroups:',
  '  - routingGroup: Boston',
  '    cost: 1',
);

/** A connector whose general tab forwards to these smart-host lines. */
const connector = (...hostLines: string[]) => head + lines('  smartHosts:', ...hostLines) + tail;
const both = (text: string) => [text, crlf(text)];

test('parseHost reads names, bare addresses, literals and invalid hosts', () => {
  assert.deepEqual(parseHost('BOS-EX01.Boston.Contoso.com.'), { kind: 'name', normalized: 'bos-ex01.boston.contoso.com' });
  assert.deepEqual(parseHost('bos-ex01'), { kind: 'name', normalized: 'bos-ex01', singleLabel: true });
  assert.deepEqual(parseHost('10.1.0.10'), { kind: 'bareIp', normalized: '10.1.0.10' });
  assert.deepEqual(parseHost('[010.1.0.10]'), { kind: 'literal', normalized: '10.1.0.10' });
  assert.deepEqual(parseHost('[0.0.0.0]'), { kind: 'invalid', normalized: '[0.0.0.0]', bracketed: true });
  assert.deepEqual(parseHost('[bos.contoso.com]'), { kind: 'invalid', normalized: '[bos.contoso.com]', bracketed: true });
  for (const bad of [
    '',
    '.',
    'a..b',
    '-bos.contoso.com',
    'bos-.contoso.com',
    'bos ex01.contoso.com',
    'bos_ex01.contoso.com',
    'a.com..',
    '123',
    '10.1.0',
    '10.1.0.256',
    'x'.repeat(64) + '.com',
    'a.'.repeat(127) + 'com',
  ]) {
    assert.equal(parseHost(bad).kind, 'invalid', bad);
  }
  assert.equal(parseHost('x'.repeat(63) + '.com').kind, 'name');
  assert.equal(parseHost('a.'.repeat(125) + 'com').kind, 'name'); // 253 characters
  assert.ok(sameHost('Bos.Contoso.com.', 'bos.contoso.com'));
  assert.ok(sameHost('[10.1.0.10]', '10.1.0.10'));
  assert.ok(!sameHost('bos.contoso.com', 'bos.contoso.com.au'));
});

test('host-invalid fires on a smart host that is not a host name, not on a valid one', () => {
  const text = connector('    - bos_ex01.boston.contoso.com');
  expectOne(check(text), {
    code: 'host-invalid',
    severity: 'error',
    range: rangeOf(text, 'bos_ex01.boston.contoso.com'),
    message: msg.hostInvalid('bos_ex01.boston.contoso.com', 'it contains an underscore, which host names cannot have'),
  });
  const ok = connector('    - bos-ex01.boston.contoso.com.');
  expectNone(check(ok), 'host-invalid');
  expectNone(check(ok), 'host-not-fqdn');
});

test('host-invalid trims spaces when that makes the host valid, keeping quotes and comment', () => {
  for (const text of both(connector('    - " bos-ex01.boston.contoso.com "   # primary', '    - "[10.1.0.10] "'))) {
    const found = check(text);
    const f = found.find(
      (x) => x.code === 'host-invalid' && x.message === msg.hostInvalid(' bos-ex01.boston.contoso.com ', 'it starts with a space'),
    );
    assert.ok(f, JSON.stringify(codes(found)));
    assert.deepEqual(f.range, rangeOf(text, '" bos-ex01.boston.contoso.com "'));
    assert.equal(f.fixes[0].title, msg.fixTrim('bos-ex01.boston.contoso.com'));
    assert.equal(applyFix(text, f), text.replace('" bos-ex01.boston.contoso.com "', '"bos-ex01.boston.contoso.com"'));
    const lit = found.find((x) => x.code === 'host-invalid' && x.message === msg.hostInvalid('[10.1.0.10] ', 'it ends with a space'));
    assert.ok(lit);
    assert.equal(applyFix(text, lit, msg.fixTrim('[10.1.0.10]')), text.replace('"[10.1.0.10] "', '"[10.1.0.10]"'));
  }
});

test('host-invalid offers no trim when trimming does not help, but removing the space inside (not preferred: it may stand for a hyphen)', () => {
  for (const text of both(connector('    - " bos ex01.contoso.com"   # primary'))) {
    const f = expectOne(check(text), {
      code: 'host-invalid',
      range: rangeOf(text, '" bos ex01.contoso.com"'),
      message: msg.hostInvalid(' bos ex01.contoso.com', 'it starts with a space'),
    });
    assert.deepEqual(
      f.fixes.map((x) => [x.title, !!x.preferred]),
      [[msg.fixRemoveSpace('bosex01.contoso.com'), false]],
    );
    assert.equal(
      applyFix(text, f, msg.fixRemoveSpace('bosex01.contoso.com')),
      text.replace('" bos ex01.contoso.com"', '"bosex01.contoso.com"'),
    );
  }
  const hopeless = connector('    - bos ex_01.contoso.com');
  const h = expectOne(check(hopeless), {
    code: 'host-invalid',
    range: rangeOf(hopeless, 'bos ex_01.contoso.com'),
    message: msg.hostInvalid('bos ex_01.contoso.com', 'it contains a space'),
  });
  assert.deepEqual(h.fixes, []);
});

test('host-invalid says why: each fault in words', () => {
  const long = 'a'.repeat(64);
  const cases: [string, string][] = [
    ['bos ex01.contoso.com', 'it contains a space'],
    ['bos_ex01.contoso.com', 'it contains an underscore, which host names cannot have'],
    ['bos!ex01.contoso.com', "it contains '!': host names have only letters, digits, hyphens and dots"],
    [`${long}.contoso.com`, `the label '${'a'.repeat(20)}…' is 64 characters long, more than 63`],
    ['.contoso.com', 'it starts with a dot'],
    ['bos-.contoso.com', "the label 'bos-' ends with a hyphen"],
    ['0.0.0.0', '0.0.0.0 names no host'],
    [`${'abc.'.repeat(64)}com`, 'it is 259 characters long, more than 253'],
  ];
  for (const [host, why] of cases) {
    const text = connector(`    - "${host}"`);
    expectOne(check(text), { code: 'host-invalid', range: rangeOf(text, `"${host}"`), message: msg.hostInvalid(host, why) });
  }
});

test('an all-digit host written as a YAML number is judged by its text, once', () => {
  const text = connector('    - 123', '    - 10.5');
  const found = check(text);
  expectNone(found, 'invalid-type');
  assert.deepEqual(
    found.filter((f) => f.code === 'host-invalid').map((f) => [f.message, f.range]),
    [
      [msg.hostInvalid('123', 'it is all digits but not an IPv4 address (four numbers from 0 to 255)'), rangeOf(text, '123')],
      [msg.hostInvalid('10.5', 'it is all digits but not an IPv4 address (four numbers from 0 to 255)'), rangeOf(text, '10.5')],
    ],
  );
});

test('host-invalid and host-not-fqdn apply to the ETRN server and to a server fqdn', () => {
  const etrn =
    connector('    - bos-ex01.boston.contoso.com') +
    lines('advanced:', '  etrnTurn:', '    request: fromDifferentServer', '    server: etrn..contoso.com', '    dequeue: turn');
  expectOne(check(etrn), {
    code: 'host-invalid',
    severity: 'error',
    range: rangeOf(etrn, 'etrn..contoso.com'),
    message: msg.hostInvalid('etrn..contoso.com', 'it has two dots in a row'),
  });
  const rg = lines(
    'kind: RoutingGroup',
    'name: Boston',
    'administrativeGroup: First Administrative Group',
    'servers:',
    '  - name: BOS-EX01',
    '    fqdn: bos-ex01',
    '  - name: BOS-EX02',
    '    fqdn: bos-ex02.boston.contoso.com',
    '  - name: BOS-EX03',
    '    fqdn: -bos-ex03.boston.contoso.com',
  );
  const found = check(rg, undefined, 'boston.routinggroup.yaml');
  expectOne(found, { code: 'host-not-fqdn', severity: 'warning', range: rangeOf(rg, 'bos-ex01'), message: msg.hostNotFqdn('bos-ex01') });
  expectOne(found, {
    code: 'host-invalid',
    severity: 'error',
    range: rangeOf(rg, '-bos-ex03.boston.contoso.com'),
    message: msg.hostInvalid('-bos-ex03.boston.contoso.com', "the label '-bos-ex03' starts with a hyphen"),
  });
});

test('host-not-fqdn fires on a single-label smart host, not on a dotted one', () => {
  const text = connector('    - BOS-EX01   # the hub');
  expectOne(check(text), {
    code: 'host-not-fqdn',
    severity: 'warning',
    range: rangeOf(text, 'BOS-EX01', 0),
    message: msg.hostNotFqdn('BOS-EX01'),
  });
  expectNone(check(connector('    - bos-ex01.boston')), 'host-not-fqdn');
});

test('smart-host-bare-ip puts the address in brackets, keeping the comment', () => {
  for (const text of both(
    connector('    - bos-ex01.boston.contoso.com', '    - 10.1.0.10   # DR site', '', '    # last resort', "    - '10.1.0.11'"),
  )) {
    const found = check(text);
    const f = expectOne(
      found.filter((x) => x.message === msg.smartHostBareIp('10.1.0.10')),
      { code: 'smart-host-bare-ip', severity: 'warning', range: rangeOf(text, '10.1.0.10'), message: msg.smartHostBareIp('10.1.0.10') },
    );
    assert.equal(f.fixes[0].title, msg.fixBracket('10.1.0.10'));
    assert.equal(f.fixes[0].preferred, true);
    assert.equal(applyFix(text, f), text.replace('10.1.0.10   #', '"[10.1.0.10]"   #'));
    const g = found.find((x) => x.message === msg.smartHostBareIp('10.1.0.11'))!;
    assert.equal(applyFix(text, g), text.replace("'10.1.0.11'", "'[10.1.0.11]'"));
  }
});

test('smart-host-bare-ip applies to a server fqdn too; a bracketed literal there is allowed', () => {
  const rg = lines(
    'kind: RoutingGroup',
    'name: Boston',
    'administrativeGroup: First Administrative Group',
    'servers:',
    '  - name: BOS-EX01',
    '    fqdn: 10.1.0.10',
    '  - name: BOS-EX02',
    '    fqdn: "[10.1.0.11]"',
  );
  const found = check(rg, undefined, 'boston.routinggroup.yaml');
  expectOne(found, { code: 'smart-host-bare-ip', range: rangeOf(rg, '10.1.0.10'), message: msg.smartHostBareIp('10.1.0.10') });
  expectNone(found, 'smart-host-invalid-ip');
  expectNone(found, 'host-invalid');
});

test('smart-host-bare-ip does not fire on a literal; an address out of range is host-invalid', () => {
  const found = check(connector('    - "[10.1.0.10]"'));
  expectNone(found, 'smart-host-bare-ip');
  const text = connector('    - 10.1.0.256');
  expectNone(check(text), 'smart-host-bare-ip');
  expectOne(check(text), {
    code: 'host-invalid',
    range: rangeOf(text, '10.1.0.256'),
    message: msg.hostInvalid('10.1.0.256', 'it is all digits but not an IPv4 address (four numbers from 0 to 255)'),
  });
});

test('smart-host-invalid-ip fires on a bad literal and on [0.0.0.0]', () => {
  const text = connector('    - bos-ex01.boston.contoso.com', '    - "[10.1.0.300]"');
  expectOne(check(text), {
    code: 'smart-host-invalid-ip',
    severity: 'error',
    range: rangeOf(text, '"[10.1.0.300]"'),
    message: msg.smartHostInvalidIp('[10.1.0.300]'),
  });
  const zero = connector('    - bos-ex01.boston.contoso.com', '    - "[0.0.0.0]"');
  expectOne(check(zero), {
    code: 'smart-host-invalid-ip',
    range: rangeOf(zero, '"[0.0.0.0]"'),
    message: msg.smartHostInvalidIp('[0.0.0.0]'),
  });
  const ok = check(connector('    - bos-ex01.boston.contoso.com', '    - "[10.1.0.30]"'));
  expectNone(ok, 'smart-host-invalid-ip');
  expectNone(ok, 'host-invalid');
});

test('smart-host-duplicate: on the later entry, related to the first; the fix removes its line and comment', () => {
  for (const text of both(
    connector(
      '    - bos-ex01.boston.contoso.com   # primary',
      '    - "[10.1.0.10]"',
      '    - BOS-EX01.Boston.Contoso.com.   # again',
      '    - bos-ex02.boston.contoso.com',
    ),
  )) {
    const f = expectOne(check(text), {
      code: 'smart-host-duplicate',
      severity: 'warning',
      range: rangeOf(text, 'BOS-EX01.Boston.Contoso.com.'),
      message: msg.smartHostDuplicate('BOS-EX01.Boston.Contoso.com.'),
    });
    assert.deepEqual(f.related, [{ range: rangeOf(text, 'bos-ex01.boston.contoso.com'), message: msg.smartHostDuplicateFirst }]);
    const expected = connector('    - bos-ex01.boston.contoso.com   # primary', '    - "[10.1.0.10]"', '    - bos-ex02.boston.contoso.com');
    assert.equal(
      applyFix(text, f, msg.fixRemoveDuplicateHost('BOS-EX01.Boston.Contoso.com.')),
      text.includes('\r\n') ? crlf(expected) : expected,
    );
  }
});

test('smart-host-duplicate in a flow list; a literal and the same address compare equal', () => {
  for (const text of both(head + lines('  smartHosts: ["[10.1.0.10]", "[010.1.0.10]"]  # both sites') + tail)) {
    const f = expectOne(check(text), {
      code: 'smart-host-duplicate',
      range: rangeOf(text, '"[010.1.0.10]"'),
      message: msg.smartHostDuplicate('[010.1.0.10]'),
    });
    assert.equal(applyFix(text, f), text.replace(', "[010.1.0.10]"', ''));
  }
  expectNone(check(connector('    - bos-ex01.boston.contoso.com', '    - bos-ex02.boston.contoso.com')), 'smart-host-duplicate');
});

test('smart-host-order: on the first host name after a literal; the fix moves whole lines with their comments', () => {
  const before = connector(
    '    - "[10.1.0.10]"   # DR site',
    '    # the hub',
    '    - bos-ex01.boston.contoso.com',
    '    - "[10.1.0.11]"',
    '',
    '    - bos-ex02.boston.contoso.com  # second',
  );
  const after = connector(
    '    # the hub',
    '    - bos-ex01.boston.contoso.com',
    '',
    '    - bos-ex02.boston.contoso.com  # second',
    '    - "[10.1.0.10]"   # DR site',
    '    - "[10.1.0.11]"',
  );
  for (const [text, want] of [
    [before, after],
    [crlf(before), crlf(after)],
  ]) {
    const f = expectOne(check(text), {
      code: 'smart-host-order',
      severity: 'warning',
      range: rangeOf(text, 'bos-ex01.boston.contoso.com'),
      message: msg.smartHostOrder('[10.1.0.10]'),
    });
    assert.deepEqual(f.related, [{ range: rangeOf(text, '"[10.1.0.10]"'), message: msg.smartHostOrderLiteral }]);
    assert.equal(f.fixes[0].title, msg.fixHostsFirst());
    assert.equal(f.fixes[0].preferred, true);
    const fixed = applyFix(text, f);
    assert.equal(fixed, want);
    expectNone(check(fixed), 'smart-host-order');
  }
});

test('smart-host-order: the comment lines just above the first entry move with it', () => {
  const before = connector('    # DR site, kept for failover', '    - "[10.1.0.10]"', '    - bos-ex01.boston.contoso.com');
  const after = connector('    - bos-ex01.boston.contoso.com', '    # DR site, kept for failover', '    - "[10.1.0.10]"');
  for (const [text, want] of [
    [before, after],
    [crlf(before), crlf(after)],
  ]) {
    const f = expectOne(check(text), {
      code: 'smart-host-order',
      range: rangeOf(text, 'bos-ex01.boston.contoso.com'),
      message: msg.smartHostOrder('[10.1.0.10]'),
    });
    assert.equal(applyFix(text, f), want);
  }
});

test('smart-host-order in a flow list reorders the texts; no fix when a comment sits inside', () => {
  for (const text of both(
    head + lines('  smartHosts: [\'[10.1.0.10]\', bos-ex01.boston.contoso.com, "bos-ex02.boston.contoso.com"]  # all') + tail,
  )) {
    const f = expectOne(check(text), {
      code: 'smart-host-order',
      range: rangeOf(text, 'bos-ex01.boston.contoso.com'),
      message: msg.smartHostOrder('[10.1.0.10]'),
    });
    assert.equal(
      applyFix(text, f),
      text.replace(
        '[\'[10.1.0.10]\', bos-ex01.boston.contoso.com, "bos-ex02.boston.contoso.com"]',
        '[bos-ex01.boston.contoso.com, "bos-ex02.boston.contoso.com", \'[10.1.0.10]\']',
      ),
    );
  }
  const commented = head + lines('  smartHosts: ["[10.1.0.10]",  # DR', '    bos-ex01.boston.contoso.com]') + tail;
  const f = expectOne(check(commented), {
    code: 'smart-host-order',
    range: rangeOf(commented, 'bos-ex01.boston.contoso.com'),
    message: msg.smartHostOrder('[10.1.0.10]'),
  });
  assert.deepEqual(f.fixes, []);
});

test('smart-host-order does not fire when host names come first', () => {
  expectNone(check(connector('    - bos-ex01.boston.contoso.com', '    - "[10.1.0.10]"', '    - "[10.1.0.11]"')), 'smart-host-order');
});

test('a smart-host list of the wrong type is reported once, as invalid-type', () => {
  const text = head + lines('  smartHosts: 5') + tail;
  const found = check(text);
  expectOne(found, { code: 'invalid-type', range: rangeOf(text, '5'), message: msg.invalidType('smartHosts', 'a list', 'a number') });
  assert.deepEqual(
    codes(found).filter((c) => c.includes('host')),
    [],
  );
  const entry = connector('    - true');
  expectOne(check(entry), {
    code: 'invalid-type',
    range: rangeOf(entry, 'true'),
    message: msg.invalidType('smartHosts', 'text', 'a boolean'),
  });
  assert.deepEqual(
    codes(check(entry)).filter((c) => c.includes('host')),
    [],
  );
});

test('the smart-hosts fixture shows the codes its first line names', () => {
  const text = readFileSync(fixture('mistakes', 'smart-hosts.connector.yaml'), 'utf8');
  const named = /^# Shows: (.*)$/m.exec(text)![1].split(', ').sort();
  // The file stands alone here, so the workspace rules are left out.
  const shown = [
    ...new Set(
      check(text)
        .filter((f) => CODES[f.code].scope === 'document' && f.severity !== 'information')
        .map((f) => f.code),
    ),
  ].sort();
  assert.deepEqual(shown, named);
});
