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
  'name: Paris to Partner',
  'administrativeGroup: First Administrative Group',
  'routingGroup: Paris',
  '',
  'general:',
  '  delivery: smartHost',
  '  smartHosts: [mail.fabrikam.com]',
  '  localBridgeheads:',
  '    - server: PAR-EX01',
  '      virtualServer: Default SMTP Virtual Server',
  '',
  'addressSpace:',
  '  entries:',
  '    - type: SMTP',
  '      address: fabrikam.com',
  '',
);

test('authorized-accounts-required: on remoteTriggeredDelivery when the list is absent, on the list when it is empty', () => {
  const absent = base + lines('deliveryOptions:', '  remoteTriggeredDelivery:', '    enabled: true');
  expectOne(check(absent), {
    code: 'authorized-accounts-required',
    severity: 'error',
    range: rangeOf(absent, 'remoteTriggeredDelivery'),
    message: msg.authorizedAccountsRequired(),
  });
  const empty = base + lines('deliveryOptions:', '  remoteTriggeredDelivery:', '    enabled: true', '    authorizedAccounts: []');
  expectOne(check(empty), {
    code: 'authorized-accounts-required',
    range: rangeOf(empty, 'authorizedAccounts'),
    message: msg.authorizedAccountsRequired(),
  });
});

test('authorized-accounts-required does not fire when disabled or with an account', () => {
  expectNone(check(base + lines('deliveryOptions:', '  remoteTriggeredDelivery:', '    enabled: false')), 'authorized-accounts-required');
  expectNone(
    check(
      base + lines('deliveryOptions:', '  remoteTriggeredDelivery:', '    enabled: true', '    authorizedAccounts: [CONTOSO\\etrn-pull]'),
    ),
    'authorized-accounts-required',
  );
});

const heloSecurity = lines(
  'advanced:',
  '  sendHelo: true   # old partner',
  '  outboundSecurity:',
  '    authentication: basic',
  '    username: CONTOSO\\smtp-relay',
  '    tls: true',
  '',
  'details:',
  '  adminNote: Partner link',
);

test('helo-blocks-advanced: one diagnostic on the last place, related to HELO and the other settings', () => {
  bothEols(base + heloSecurity, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'helo-blocks-advanced',
      severity: 'error',
      range: rangeOf(text, 'true', 1),
      message: msg.heloBlocksAdvanced('authentication and TLS'),
    });
    assert.deepEqual(f.related, [
      { range: rangeOf(text, 'true', 0), message: msg.heloBlocksAdvancedOther },
      { range: rangeOf(text, 'basic'), message: msg.heloBlockedHere('authentication') },
    ]);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.preferred]),
      [
        [msg.fixSendEhlo(), undefined],
        [msg.fixRemoveEsmtp(), undefined],
      ],
    );
    assert.equal(applyFix(text, f, msg.fixSendEhlo()), eol(base + heloSecurity.replace('sendHelo: true', 'sendHelo: false')));
    assert.equal(
      applyFix(text, f, msg.fixRemoveEsmtp()),
      eol(base + lines('advanced:', '  sendHelo: true   # old partner', '', 'details:', '  adminNote: Partner link')),
    );
  });
});

test('helo-blocks-advanced: on sendHelo when it comes after the ETRN/TURN settings; the removal takes the etrnTurn section', () => {
  const before =
    base +
    lines(
      'advanced:',
      '  etrnTurn:   # pull from the partner',
      '    request: whenSending',
      '    dequeue: etrn',
      '    etrnDomains: [contoso.com]',
      '  sendHelo: true',
    );
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'helo-blocks-advanced',
      range: rangeOf(text, 'true'),
      message: msg.heloBlocksAdvanced('ETRN/TURN'),
    });
    assert.deepEqual(f.related, [
      { range: rangeOf(text, 'whenSending'), message: msg.heloBlockedHere('ETRN/TURN') },
      { range: rangeOf(text, 'etrn', 1), message: msg.heloBlockedHere('ETRN/TURN') },
    ]);
    assert.equal(applyFix(text, f, msg.fixRemoveEsmtp()), eol(base + lines('advanced:', '  sendHelo: true')));
  });
});

test('helo-blocks-advanced does not fire with EHLO, nor with HELO and nothing it blocks', () => {
  expectNone(check(base + heloSecurity.replace('sendHelo: true', 'sendHelo: false')), 'helo-blocks-advanced');
  const plain =
    base +
    lines(
      'advanced:',
      '  sendHelo: true',
      '  outboundSecurity:',
      '    authentication: anonymous',
      '    tls: false',
      '  etrnTurn:',
      '    request: none',
    );
  expectNone(check(plain), 'helo-blocks-advanced');
});

test('turn-requires-auth: anonymous by default, on dequeue; the fixes add an outboundSecurity section after sendHelo', () => {
  const before =
    base +
    lines('advanced:', '  sendHelo: false', '  etrnTurn:', '    request: whenSending', '    dequeue: turn   # partner holds our mail', '');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'turn-requires-auth',
      severity: 'error',
      range: rangeOf(text, 'turn'),
      message: msg.turnRequiresAuth(),
    });
    assert.deepEqual(f.related, [{ range: rangeOf(text, 'advanced'), message: msg.turnRequiresAuthOther }]);
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.preferred]),
      [
        [msg.fixBasicAuth(), undefined],
        [msg.fixWindowsAuth(), undefined],
      ],
    );
    const withAuth = (auth: string) =>
      eol(
        base +
          lines(
            'advanced:',
            '  sendHelo: false',
            '  outboundSecurity:',
            `    authentication: ${auth}`,
            '  etrnTurn:',
            '    request: whenSending',
            '    dequeue: turn   # partner holds our mail',
            '',
          ),
      );
    assert.equal(applyFix(text, f, msg.fixBasicAuth()), withAuth('basic'));
    assert.equal(applyFix(text, f, msg.fixWindowsAuth()), withAuth('integratedWindows'));
  });
});

test('turn-requires-auth: an outboundSecurity section without authentication gets the key first', () => {
  const before =
    base +
    lines(
      'advanced:',
      '  outboundSecurity:',
      '    tls: true',
      '  etrnTurn:',
      '    request: fromDifferentServer',
      '    server: etrn.fabrikam.com',
      '    dequeue: turn',
    );
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), { code: 'turn-requires-auth', range: rangeOf(text, 'turn'), message: msg.turnRequiresAuth() });
    assert.deepEqual(f.related, [{ range: rangeOf(text, 'outboundSecurity'), message: msg.turnRequiresAuthOther }]);
    assert.equal(applyFix(text, f, msg.fixBasicAuth()), eol(before.replace('    tls: true', '    authentication: basic\n    tls: true')));
  });
});

test('turn-requires-auth: an outboundSecurity key with nothing under it gets its first key', () => {
  const before = base + lines('advanced:', '  outboundSecurity:   # to do', '  etrnTurn:', '    request: whenSending', '    dequeue: turn');
  const after =
    base +
    lines(
      'advanced:',
      '  outboundSecurity:   # to do',
      '    authentication: integratedWindows',
      '  etrnTurn:',
      '    request: whenSending',
      '    dequeue: turn',
    );
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), { code: 'turn-requires-auth', range: rangeOf(text, 'turn'), message: msg.turnRequiresAuth() });
    assert.deepEqual(f.related, [{ range: rangeOf(text, 'outboundSecurity'), message: msg.turnRequiresAuthOther }]);
    assert.equal(applyFix(text, f, msg.fixWindowsAuth()), eol(after));
  });
});

test('turn-requires-auth: an explicit anonymous after dequeue carries the diagnostic, and the fix replaces it', () => {
  const before =
    base +
    lines(
      'advanced:',
      '  etrnTurn:',
      '    request: whenSending',
      '    dequeue: turn',
      '  outboundSecurity:',
      "    authentication: 'anonymous'  # for now",
    );
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), { code: 'turn-requires-auth', range: rangeOf(text, "'anonymous'"), message: msg.turnRequiresAuth() });
    assert.deepEqual(f.related, [{ range: rangeOf(text, 'turn'), message: msg.turnRequiresAuthTurn }]);
    assert.equal(applyFix(text, f, msg.fixWindowsAuth()), eol(before.replace("'anonymous'", "'integratedWindows'")));
  });
  const earlier =
    base +
    lines(
      'advanced:',
      '  outboundSecurity:',
      '    authentication: anonymous',
      '  etrnTurn:',
      '    request: whenSending',
      '    dequeue: turn',
    );
  const f = expectOne(check(earlier), { code: 'turn-requires-auth', range: rangeOf(earlier, 'turn'), message: msg.turnRequiresAuth() });
  assert.deepEqual(f.related, [{ range: rangeOf(earlier, 'anonymous'), message: msg.turnRequiresAuthOther }]);
});

test('turn-requires-auth does not fire with authentication, with ETRN, or while nothing is requested', () => {
  expectNone(
    check(
      base +
        lines(
          'advanced:',
          '  outboundSecurity:',
          '    authentication: basic',
          '    username: CONTOSO\\relay',
          '  etrnTurn:',
          '    request: whenSending',
          '    dequeue: turn',
        ),
    ),
    'turn-requires-auth',
  );
  expectNone(
    check(base + lines('advanced:', '  etrnTurn:', '    request: whenSending', '    dequeue: etrn', '    etrnDomains: [contoso.com]')),
    'turn-requires-auth',
  );
  expectNone(check(base + lines('advanced:', '  etrnTurn:', '    request: none', '    dequeue: turn')), 'turn-requires-auth');
});

test('auth-username-required: on outboundSecurity when username is absent, on a blank value', () => {
  const absent = base + lines('advanced:', '  outboundSecurity:', '    authentication: basic', '    tls: true');
  expectOne(check(absent), {
    code: 'auth-username-required',
    severity: 'error',
    range: rangeOf(absent, 'outboundSecurity'),
    message: msg.authUsernameRequired('basic'),
  });
  const blank = base + lines('advanced:', '  outboundSecurity:', '    authentication: integratedWindows', '    username: ""');
  expectOne(check(blank), {
    code: 'auth-username-required',
    range: rangeOf(blank, '""'),
    message: msg.authUsernameRequired('integratedWindows'),
  });
});

test('auth-username-required does not fire with a username, nor with anonymous access', () => {
  expectNone(
    check(base + lines('advanced:', '  outboundSecurity:', '    authentication: basic', '    username: CONTOSO\\smtp-relay')),
    'auth-username-required',
  );
  expectNone(check(base + lines('advanced:', '  outboundSecurity:', '    authentication: anonymous')), 'auth-username-required');
});

test('etrn-server-required: fromDifferentServer without server, on etrnTurn', () => {
  const text =
    base + lines('advanced:', '  etrnTurn:', '    request: fromDifferentServer', '    dequeue: etrn', '    etrnDomains: [contoso.com]');
  expectOne(check(text), {
    code: 'etrn-server-required',
    severity: 'error',
    range: rangeOf(text, 'etrnTurn'),
    message: msg.etrnServerRequired(),
  });
});

test('etrn-server-required does not fire with a server, nor when requesting while sending', () => {
  expectNone(
    check(
      base +
        lines(
          'advanced:',
          '  etrnTurn:',
          '    request: fromDifferentServer',
          '    server: etrn.fabrikam.com',
          '    dequeue: etrn',
          '    etrnDomains: [contoso.com]',
        ),
    ),
    'etrn-server-required',
  );
  expectNone(
    check(base + lines('advanced:', '  etrnTurn:', '    request: whenSending', '    dequeue: etrn', '    etrnDomains: [contoso.com]')),
    'etrn-server-required',
  );
});

test('etrn-domains-required: on etrnTurn when absent, on the list when empty', () => {
  const absent = base + lines('advanced:', '  etrnTurn:', '    request: whenSending', '    dequeue: etrn');
  expectOne(check(absent), {
    code: 'etrn-domains-required',
    severity: 'error',
    range: rangeOf(absent, 'etrnTurn'),
    message: msg.etrnDomainsRequired(),
  });
  const empty = base + lines('advanced:', '  etrnTurn:', '    request: whenSending', '    dequeue: etrn', '    etrnDomains: []');
  expectOne(check(empty), { code: 'etrn-domains-required', range: rangeOf(empty, 'etrnDomains'), message: msg.etrnDomainsRequired() });
});

test('etrn-domains-required does not fire with a domain, with TURN, or while nothing is requested', () => {
  expectNone(
    check(base + lines('advanced:', '  etrnTurn:', '    request: whenSending', '    dequeue: etrn', '    etrnDomains: [contoso.com]')),
    'etrn-domains-required',
  );
  expectNone(
    check(
      base +
        lines(
          'advanced:',
          '  outboundSecurity:',
          '    authentication: basic',
          '    username: CONTOSO\\relay',
          '  etrnTurn:',
          '    request: whenSending',
          '    dequeue: turn',
        ),
    ),
    'etrn-domains-required',
  );
  expectNone(check(base + lines('advanced:', '  etrnTurn:', '    dequeue: etrn')), 'etrn-domains-required');
});

test('dequeue-ignored: one per ignored key while request is none; the fix removes them all, comments with them', () => {
  const before =
    base +
    lines(
      'advanced:',
      '  etrnTurn:',
      '    request: none',
      '    dequeue: etrn   # was used',
      '    etrnDomains:',
      '      - contoso.com',
      '    connectionTime: always',
      '',
    );
  const after = base + lines('advanced:', '  etrnTurn:', '    request: none', '    connectionTime: always', '');
  bothEols(before, (text, eol) => {
    const found = check(text).filter((f) => f.code === 'dequeue-ignored');
    assert.deepEqual(
      found.map((f) => [f.severity, f.range, f.message]),
      [
        ['warning', rangeOf(text, 'dequeue'), msg.dequeueIgnored('dequeue')],
        ['warning', rangeOf(text, 'etrnDomains'), msg.dequeueIgnored('etrnDomains')],
      ],
    );
    for (const f of found) assert.equal(applyFix(text, f, msg.fixRemoveDequeue()), eol(after));
  });
});

test('dequeue-ignored: keys at the very end of a file without a final line break go in one deletion', () => {
  const before =
    base +
    lines('advanced:', '  etrnTurn:', '    request: none', '    dequeue: etrn').replace(/\n$/, '') +
    '\n    etrnDomains: [contoso.com]';
  const after = base + lines('advanced:', '  etrnTurn:', '    request: none').replace(/\n$/, '');
  bothEols(before, (text, eol) => {
    const f = check(text).find((x) => x.code === 'dequeue-ignored')!;
    assert.equal(applyFix(text, f, msg.fixRemoveDequeue()), eol(after));
  });
});

test('dequeue-ignored: request left at its default none', () => {
  const text = base + lines('advanced:', '  etrnTurn:', '    server: etrn.fabrikam.com');
  expectOne(check(text), { code: 'dequeue-ignored', range: rangeOf(text, 'server', 1), message: msg.dequeueIgnored('server') });
});

test('dequeue-ignored does not fire while a request is made', () => {
  expectNone(
    check(
      base +
        lines(
          'advanced:',
          '  etrnTurn:',
          '    request: fromDifferentServer',
          '    server: etrn.fabrikam.com',
          '    dequeue: etrn',
          '    etrnDomains: [contoso.com]',
        ),
    ),
    'dequeue-ignored',
  );
});

for (const name of ['etrn-turn', 'etrn-domains', 'dequeue-ignored', 'helo', 'remote-triggered']) {
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
