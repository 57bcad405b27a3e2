import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, expectOne, expectNone, applyFix, rangeOf, lines, bothEols } from '../helpers/engine';
import { msg } from '../../server/src/rules/messages';

/** An Internet connector that is valid on its own; each test adds what it is about. */
const head = lines(
  'kind: SmtpConnector',
  'name: Boston Internet',
  'administrativeGroup: First Administrative Group',
  'routingGroup: Boston',
  'general:',
  '  localBridgeheads:',
  '    - server: BOS-EX01',
  '      virtualServer: Default SMTP Virtual Server',
);
const space = (relay: boolean, ...addresses: string[]) =>
  lines(
    'addressSpace:',
    '  entries:',
    ...addresses.flatMap((a) => ['    - type: SMTP', `      address: "${a}"`]),
    `  allowRelay: ${relay}`,
  );

test('open-relay: allowRelay on * or on a one-label wildcard, on the allowRelay value with the address related', () => {
  for (const address of ['*', '*.com']) {
    const text = head + space(true, 'partner.net', address);
    const f = expectOne(check(text), {
      code: 'open-relay',
      severity: 'error',
      range: rangeOf(text, 'true'),
      message: msg.openRelay(address),
    });
    assert.deepEqual(f.related, [{ range: rangeOf(text, `"${address}"`), message: msg.openRelayAddress }]);
  }
});

test('open-relay near misses: relay to partner domains and their subdomains, or * without relay', () => {
  expectNone(check(head + space(true, 'partner.net', '*.partner.net')), 'open-relay');
  expectNone(check(head + space(false, '*')), 'open-relay');
});

test('address-space-duplicate: the later entry; removing it is preferred when it is not the cheaper, LF and CRLF', () => {
  const before =
    head +
    lines(
      'addressSpace:',
      '  entries:',
      '    - type: SMTP',
      '      address: "*"',
      '      cost: 1',
      '    - type: SMTP',
      '      address: "*"   # again',
      '      cost: 5',
      '  scope: organization',
    );
  const after =
    head + lines('addressSpace:', '  entries:', '    - type: SMTP', '      address: "*"', '      cost: 1', '  scope: organization');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'address-space-duplicate',
      severity: 'warning',
      range: rangeOf(text, '"*"', 1),
      message: msg.addressSpaceDuplicate('*', 'SMTP', 1),
    });
    assert.equal(f.fixes[0].preferred, true);
    assert.equal(applyFix(text, f), eol(after));
  });
  // The later one is the cheaper: removing it would change the cost, so the fix is offered but not preferred.
  const cheaperLater =
    head +
    lines(
      'addressSpace:',
      '  entries:',
      '    - { type: SMTP, address: contoso.com, cost: 9 }',
      '    - type: SMTP',
      '      address: Contoso.com',
      '      cost: 2',
    );
  const f = expectOne(check(cheaperLater), {
    code: 'address-space-duplicate',
    range: rangeOf(cheaperLater, 'Contoso.com'),
    message: msg.addressSpaceDuplicate('Contoso.com', 'SMTP', 2),
  });
  assert.equal(f.fixes[0].preferred, false);
});

test('address-space-duplicate near miss: the same address of another type, and a domain beside its wildcard', () => {
  expectNone(
    check(
      head +
        lines('addressSpace:', '  entries:', '    - { type: SMTP, address: contoso.com }', '    - { type: X400, address: contoso.com }'),
    ),
    'address-space-duplicate',
  );
  expectNone(check(head + space(false, 'contoso.com', '*.contoso.com')), 'address-space-duplicate');
});

test('basic-auth-without-tls: on the authentication value; the fix (not preferred) sets tls: true, LF and CRLF', () => {
  const before =
    head +
    space(false, '*') +
    lines('advanced:', '  outboundSecurity:', '    authentication: basic', '    username: CONTOSO\\relay', '    tls: false');
  const after =
    head +
    space(false, '*') +
    lines('advanced:', '  outboundSecurity:', '    authentication: basic', '    username: CONTOSO\\relay', '    tls: true');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'basic-auth-without-tls',
      severity: 'warning',
      range: rangeOf(text, 'basic'),
      message: msg.basicAuthWithoutTls(),
    });
    assert.equal(f.fixes[0].preferred, undefined);
    assert.equal(applyFix(text, f, msg.fixSetTls), eol(after));
  });
  const absent =
    head + space(false, '*') + lines('advanced:', '  outboundSecurity:', '    authentication: basic', '    username: CONTOSO\\relay');
  const f = expectOne(check(absent), {
    code: 'basic-auth-without-tls',
    range: rangeOf(absent, 'basic'),
    message: msg.basicAuthWithoutTls(),
  });
  assert.equal(applyFix(absent, f, msg.fixSetTls), absent + '    tls: true\n');
});

test('basic-auth-without-tls near misses: basic with TLS, Integrated Windows without', () => {
  expectNone(
    check(
      head +
        space(false, '*') +
        lines('advanced:', '  outboundSecurity:', '    authentication: basic', '    username: CONTOSO\\relay', '    tls: true'),
    ),
    'basic-auth-without-tls',
  );
  expectNone(
    check(
      head +
        space(false, '*') +
        lines('advanced:', '  outboundSecurity:', '    authentication: integratedWindows', '    username: CONTOSO\\relay'),
    ),
    'basic-auth-without-tls',
  );
});
