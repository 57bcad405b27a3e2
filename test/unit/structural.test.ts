import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, expectOne, expectNone, applyFix, rangeOf, lines, crlf, r, bothEols } from '../helpers/engine';
import type { Finding } from '../../server/src/engine/types';
import { msg } from '../../server/src/rules/messages';
import { CODES } from '../../server/src/rules/codes';
import { readFileSync } from 'node:fs';
import { fixture } from '../helpers/paths';

/**
 * The structural codes, one by one: each fires with its code, severity, range
 * and message, has a near miss where it must not fire, and each quick fix is
 * applied to the whole text with LF and with CRLF line endings.
 */

const head = lines(
  'kind: SmtpConnector',
  'name: Paris to Boston # the link',
  'administrativeGroup: First Administrative Group',
  'routingGroup: Paris',
);

const routingGroup = lines(
  'kind: RoutingGroup',
  'name: Boston',
  'administrativeGroup: First Administrative Group',
  'servers:',
  '  - name: BOS-EX01',
  '    fqdn: bos-ex01.boston.contoso.com',
);

const only = (findings: Finding[], code: string) => findings.filter((f) => f.code === code);

// ---------------------------------------------------------------- yaml-syntax

test('yaml-syntax: tab indentation, on the tab, and nothing else from that document', () => {
  bothEols(head + lines('general:', '\tdelivery: dns', 'password: secret'), (text) => {
    const findings = check(text);
    expectOne(findings, {
      code: 'yaml-syntax',
      severity: 'error',
      range: r(5, 0, 1),
      message: msg.yamlSyntax('Tabs are not allowed as indentation'),
    });
    assert.deepEqual(
      findings.map((f) => f.code),
      ['yaml-syntax'],
    );
  });
});

test('yaml-syntax: an unclosed bracket at the end of a document is shown on the bracket, in that document', () => {
  const text = head + lines('general: [', '---') + routingGroup;
  expectOne(check(text), {
    code: 'yaml-syntax',
    severity: 'error',
    range: rangeOf(text, '['),
    message: msg.yamlSyntax('Flow sequence in block collection must be sufficiently indented and end with a ]'),
  });
});

test('yaml-syntax: an alias to an anchor that is not set before it', () => {
  const text = head + lines('details:', '  adminNote: *note');
  const findings = check(text);
  expectOne(findings, {
    code: 'yaml-syntax',
    range: rangeOf(text, '*note'),
    message: msg.yamlSyntax('Unknown alias *note: no anchor &note is set before it.'),
  });
  assert.equal(findings.length, 1);
});

test('yaml-syntax near misses: a tab inside a value, an alias after its anchor', () => {
  expectNone(check(head + lines('details:', '  adminNote: a\tb')), 'yaml-syntax');
  const text = head + lines('details: &d', '  adminNote: shared', 'deliveryRestrictions:', '  rejectFrom: [&who CONTOSO\\temp, *who]');
  expectNone(check(text), 'yaml-syntax');
});

test('yaml-syntax: one fault on one line is one diagnostic', () => {
  const text = head + lines('- stray');
  const hits = only(check(text), 'yaml-syntax');
  assert.equal(hits.length, 1, JSON.stringify(hits));
  assert.equal(hits[0].range.start.line, 4);
});

test('a broken document reports yaml-syntax only; the other documents of the file are checked in full', () => {
  const broken = lines('---', 'kind: SmtpConnector', 'name: "unterminated');
  const typo = lines('---', 'kind: RoutingGroup', 'name: Boston', 'server: []');
  const text = routingGroup.replace('fqdn:', 'fqdm:') + broken + typo;
  const structural = ['yaml-syntax', 'missing-field', 'unknown-field', 'unknown-kind', 'plaintext-password'];
  const findings = check(text).filter((f) => structural.includes(f.code));
  assert.deepEqual(
    findings.map((f) => [f.code, f.range.start.line]),
    [
      ['unknown-field', 5],
      ['yaml-syntax', 8],
      ['missing-field', 10],
      ['unknown-field', 12],
    ],
  );
});

// ---------------------------------------------------------------- duplicate-key

test('duplicate-key: on the later key, the first as related information; the fix removes it with its comment', () => {
  const text = head + lines('general:', '  delivery: dns', '  delivery: smartHost # second thoughts', '  allowPublicFolderReferrals: true');
  bothEols(text, (t, eol) => {
    const f = expectOne(check(t), {
      code: 'duplicate-key',
      severity: 'error',
      range: rangeOf(t, 'delivery', 1),
      message: msg.duplicateKey('delivery'),
    });
    assert.deepEqual(f.related, [{ range: rangeOf(t, 'delivery', 0), message: msg.duplicateKeyFirst }]);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].preferred, undefined, 'removing a value is a choice: never applied unattended');
    assert.equal(
      applyFix(t, f, msg.fixRemoveDuplicateKey('delivery')),
      eol(head + lines('general:', '  delivery: dns', '  allowPublicFolderReferrals: true')),
    );
  });
});

test('duplicate-key: a duplicate in a flow mapping loses its comma', () => {
  const text = head + lines('general: {delivery: dns, delivery: smartHost}');
  const f = expectOne(check(text), { code: 'duplicate-key', range: rangeOf(text, 'delivery', 1), message: msg.duplicateKey('delivery') });
  assert.equal(applyFix(text, f, msg.fixRemoveDuplicateKey('delivery')), head + lines('general: {delivery: dns}'));
});

test('duplicate-key near miss: the same key in two entries of a list', () => {
  const text = head + lines('connectedRoutingGroups:', '  - routingGroup: Boston', '    cost: 1', '  - routingGroup: Rome', '    cost: 2');
  expectNone(check(text), 'duplicate-key');
});

// ---------------------------------------------------------------- unknown-kind

test('unknown-kind: no kind at all, on the first line with content', () => {
  const text = lines('# Boston', '', 'name: Boston', 'administrativeGroup: First Administrative Group');
  const findings = check(text);
  expectOne(findings, { code: 'unknown-kind', severity: 'error', range: r(2, 0, 12), message: msg.unknownKindMissing });
  assert.deepEqual(
    findings.map((f) => f.code),
    ['unknown-kind'],
    'without a kind no other rule can judge the document',
  );
});

test('unknown-kind: a kind that differs in case is fixed to the right spelling', () => {
  bothEols(lines('kind: routinggroup # lower case', 'name: Boston'), (t, eol) => {
    const f = expectOne(check(t), {
      code: 'unknown-kind',
      severity: 'error',
      range: rangeOf(t, 'routinggroup'),
      message: msg.unknownKind('routinggroup'),
    });
    assert.equal(f.fixes[0].title, msg.fixChangeTo('kind', 'RoutingGroup'));
    assert.equal(f.fixes[0].preferred, true);
    assert.equal(applyFix(t, f), eol(lines('kind: RoutingGroup # lower case', 'name: Boston')));
  });
});

test('unknown-kind: a misspelt kind keeps its quotes when fixed; an empty kind is reported on its key', () => {
  const text = lines('kind: "SMTPConector"', 'name: X');
  const f = expectOne(check(text), {
    code: 'unknown-kind',
    range: rangeOf(text, '"SMTPConector"'),
    message: msg.unknownKind('SMTPConector'),
  });
  assert.equal(applyFix(text, f), lines('kind: "SmtpConnector"', 'name: X'));
  const empty = lines('kind:', 'name: X');
  expectOne(check(empty), { code: 'unknown-kind', range: r(0, 0, 4), message: msg.unknownKindMissing });
  const list = lines('kind: [SmtpConnector]', 'name: X');
  expectOne(check(list), { code: 'unknown-kind', range: rangeOf(list, '[SmtpConnector]'), message: msg.unknownKind('[SmtpConnector]') });
  const far = lines('kind: Mailbox');
  const g = expectOne(check(far), { code: 'unknown-kind', range: rangeOf(far, 'Mailbox'), message: msg.unknownKind('Mailbox') });
  assert.deepEqual(g.fixes, [], 'no kind is close: no guess');
});

test('unknown-kind: a kind key in the wrong case is renamed', () => {
  bothEols(lines('Kind: Organization # ours', 'name: Contoso'), (t, eol) => {
    const f = expectOne(check(t), { code: 'unknown-kind', range: rangeOf(t, 'Kind'), message: msg.unknownKindMissing });
    assert.equal(f.fixes[0].title, msg.fixRenameKey('Kind', 'kind'));
    assert.equal(applyFix(t, f), eol(lines('kind: Organization # ours', 'name: Contoso')));
    assert.deepEqual(check(applyFix(t, f)), []);
  });
});

test('unknown-kind: a kind given by an alias is read through it, with no fix (it would edit the anchor)', () => {
  const ok = lines('name: &k Organization', 'kind: *k');
  expectNone(check(ok), 'unknown-kind');
  const bad = lines('name: &k Contoso', 'kind: *k');
  const f = expectOne(check(bad), { code: 'unknown-kind', range: rangeOf(bad, '*k'), message: msg.unknownKind('Contoso') });
  assert.deepEqual(f.fixes, []);
});

test('unknown-kind near misses: each of the three kinds, whatever the file name', () => {
  expectNone(check(head), 'unknown-kind');
  expectNone(check(routingGroup, {}, 'x.connector.yaml'), 'unknown-kind');
  expectNone(check(lines('kind: Organization', 'name: Contoso'), {}, 'a.routinggroup.yaml'), 'unknown-kind');
});

// ---------------------------------------------------------------- unknown-field

test('unknown-field: a typo is renamed to the closest key, keeping the comment', () => {
  bothEols(head + lines('general:', '  delivrey: dns  # typo'), (t, eol) => {
    const f = expectOne(check(t), {
      code: 'unknown-field',
      severity: 'warning',
      range: rangeOf(t, 'delivrey'),
      message: msg.unknownField('delivrey', "'general'", 'delivery'),
    });
    assert.equal(f.fixes[0].title, msg.fixRenameKey('delivrey', 'delivery'));
    assert.equal(f.fixes[0].preferred, true);
    assert.equal(applyFix(t, f), eol(head + lines('general:', '  delivery: dns  # typo')));
  });
});

test('unknown-field: a key that differs only in case is renamed however far it is', () => {
  bothEols(head + lines('ADDRESSSPACE:', '  scope: organization'), (t, eol) => {
    const f = expectOne(check(t), {
      code: 'unknown-field',
      range: rangeOf(t, 'ADDRESSSPACE'),
      message: msg.unknownField('ADDRESSSPACE', 'the SmtpConnector document', 'addressSpace'),
    });
    assert.equal(applyFix(t, f), eol(head + lines('addressSpace:', '  scope: organization')));
  });
});

test('unknown-field: a required key with a typo is one fault, not a missing-field too', () => {
  const text = lines(
    'kind: SmtpConnector',
    'nmae: Paris Internet',
    'administrativeGroup: First Administrative Group',
    'routingGroup: Paris',
  );
  bothEols(text, (t, eol) => {
    const findings = check(t);
    const f = expectOne(findings, {
      code: 'unknown-field',
      range: rangeOf(t, 'nmae'),
      message: msg.unknownField('nmae', 'the SmtpConnector document', 'name'),
    });
    expectNone(findings, 'missing-field');
    assert.equal(applyFix(t, f), eol(text.replace('nmae', 'name')));
  });
  const entry = lines(
    'kind: RoutingGroup',
    'name: Boston',
    'administrativeGroup: First Administrative Group',
    'servers:',
    '  - name: BOS-EX01',
    '    FQDN: bos-ex01.boston.contoso.com',
  );
  expectNone(check(entry), 'missing-field');
});

test('unknown-field: the rename is not preferred when the key is already there, or when two keys want it', () => {
  const present = head + lines('Name: Other');
  const f = expectOne(check(present), {
    code: 'unknown-field',
    range: rangeOf(present, 'Name'),
    message: msg.unknownField('Name', 'the SmtpConnector document', 'name'),
  });
  assert.deepEqual(
    f.fixes.map((x) => [x.title, x.preferred]),
    [[msg.fixRenameKey('Name', 'name'), undefined]],
  );

  const twice = head + lines('general:', '  delivry: dns', '  delivey: dns');
  const hits = only(check(twice), 'unknown-field');
  assert.equal(hits.length, 2);
  for (const h of hits)
    assert.deepEqual(
      h.fixes.map((x) => x.preferred),
      [undefined],
    );
});

test('unknown-field: a key far from every key gets no rename; a key that is not text is reported as written', () => {
  const text = head + lines('colour: blue');
  const f = expectOne(check(text), {
    code: 'unknown-field',
    range: rangeOf(text, 'colour'),
    message: msg.unknownField('colour', 'the SmtpConnector document'),
  });
  assert.deepEqual(f.fixes, []);
  const odd = head + lines('[a, b]: c');
  expectOne(check(odd), {
    code: 'unknown-field',
    range: rangeOf(odd, '[a, b]'),
    message: msg.unknownField('[a, b]', 'the SmtpConnector document'),
  });
});

test('unknown-field: kind inside a mapping or a list entry is an unknown key there', () => {
  const hits = only(
    check(head + lines('general:', '  kind: General') + '---\n' + routingGroup + lines('    kind: Server')),
    'unknown-field',
  );
  assert.deepEqual(
    hits.map((h) => h.message),
    [msg.unknownField('kind', "'general'"), msg.unknownField('kind', "an entry of 'servers'")],
  );
});

test('unknown-field near misses: every key of the format, kind inside a document', () => {
  const full =
    head +
    lines(
      'general:',
      '  delivery: smartHost',
      '  smartHosts: [bos-ex01.boston.contoso.com]',
      '  localBridgeheads:',
      '    - server: PAR-EX01',
      '      virtualServer: Default SMTP Virtual Server',
      '  allowPublicFolderReferrals: true',
      'addressSpace:',
      '  entries:',
      '    - type: SMTP',
      '      address: "*"',
      '      cost: 1',
      '  scope: organization',
      '  allowRelay: false',
      'connectedRoutingGroups:',
      '  - routingGroup: Boston',
      '    administrativeGroup: First Administrative Group',
      '    organization: Contoso',
      '    routingAddress: boston.contoso.com',
      '    cost: 1',
      'deliveryRestrictions:',
      '  default: accept',
      '  acceptFrom: []',
      '  rejectFrom: [CONTOSO\\temp-staff]',
      'contentRestrictions:',
      '  allowedPriorities: [high, normal, low]',
      '  allowedTypes: [system, nonSystem]',
      '  maxMessageSizeKB: 10240',
      'deliveryOptions:',
      '  connectionTime: always',
      '  oversize:',
      '    thresholdKB: 1000',
      '    connectionTime: always',
      '  remoteTriggeredDelivery:',
      '    enabled: false',
      '    authorizedAccounts: []',
      'advanced:',
      '  sendHelo: false',
      '  outboundSecurity:',
      '    authentication: basic',
      '    username: CONTOSO\\smtp-relay',
      '    tls: true',
      '  etrnTurn:',
      '    request: none',
      'details:',
      '  adminNote: Links Paris to Boston',
    );
  const findings = check(full);
  for (const code of ['unknown-field', 'missing-field', 'invalid-type', 'invalid-value', 'duplicate-key'] as const)
    expectNone(findings, code);
});

// ---------------------------------------------------------------- missing-field

test('missing-field at the top: on the kind key; the placeholder goes after the key before it in the format', () => {
  const text = lines('kind: SmtpConnector # a connector', 'name: X', 'routingGroup: Paris');
  bothEols(text, (t, eol) => {
    const f = expectOne(check(t), {
      code: 'missing-field',
      severity: 'error',
      range: rangeOf(t, 'kind'),
      message: msg.missingField('administrativeGroup', 'the SmtpConnector document'),
    });
    assert.equal(f.fixes[0].title, msg.fixInsertKey('administrativeGroup'));
    assert.equal(f.fixes[0].preferred, undefined, 'a placeholder is no value: never applied unattended');
    assert.equal(
      applyFix(t, f, msg.fixInsertKey('administrativeGroup')),
      eol(lines('kind: SmtpConnector # a connector', 'name: X', 'administrativeGroup: "<administrativeGroup>"', 'routingGroup: Paris')),
    );
  });
});

test('missing-field: a missing list is inserted as a block list with one entry of placeholders', () => {
  const text = lines('kind: RoutingGroup', 'name: Boston', 'administrativeGroup: First Administrative Group # AG');
  bothEols(text, (t, eol) => {
    const f = expectOne(check(t), {
      code: 'missing-field',
      range: rangeOf(t, 'kind'),
      message: msg.missingField('servers', 'the RoutingGroup document'),
    });
    assert.equal(
      applyFix(t, f, msg.fixInsertKey('servers')),
      eol(
        lines(
          'kind: RoutingGroup',
          'name: Boston',
          'administrativeGroup: First Administrative Group # AG',
          'servers:',
          '  - name: "<name>"',
          '    fqdn: "<fqdn>"',
        ),
      ),
    );
  });
});

test('missing-field in a list entry: on the entry, inserted under its keys (block) or before the brace (flow)', () => {
  const text = head + lines('general:', '  localBridgeheads:', '    - server: PAR-EX01 # first', '    - {server: PAR-EX02}');
  bothEols(text, (t, eol) => {
    const hits = only(check(t), 'missing-field');
    assert.deepEqual(
      hits.map((h) => [h.range, h.message]),
      [
        [rangeOf(t, 'server: PAR-EX01'), msg.missingField('virtualServer', "an entry of 'localBridgeheads'")],
        [rangeOf(t, '{server: PAR-EX02}'), msg.missingField('virtualServer', "an entry of 'localBridgeheads'")],
      ],
    );
    assert.equal(
      applyFix(t, hits[0], msg.fixInsertKey('virtualServer')),
      eol(
        head +
          lines(
            'general:',
            '  localBridgeheads:',
            '    - server: PAR-EX01 # first',
            '      virtualServer: "<virtualServer>"',
            '    - {server: PAR-EX02}',
          ),
      ),
    );
    assert.equal(
      applyFix(t, hits[1], msg.fixInsertKey('virtualServer')),
      eol(
        head +
          lines(
            'general:',
            '  localBridgeheads:',
            '    - server: PAR-EX01 # first',
            '    - {server: PAR-EX02, virtualServer: "<virtualServer>"}',
          ),
      ),
    );
  });
});

test('missing-field: a key that comes first in the format is written first, after the dash of a list entry too', () => {
  const text =
    head +
    lines(
      'general:',
      '  localBridgeheads:',
      '    - virtualServer: Default SMTP Virtual Server # PAR',
      'deliveryOptions:',
      '  oversize:',
      '    connectionTime: always',
    );
  bothEols(text, (t, eol) => {
    const hits = only(check(t), 'missing-field');
    assert.deepEqual(
      hits.map((h) => h.message),
      [msg.missingField('server', "an entry of 'localBridgeheads'"), msg.missingField('thresholdKB', "'oversize'")],
    );
    assert.equal(
      applyFix(t, hits[0], msg.fixInsertKey('server')),
      eol(
        head +
          lines(
            'general:',
            '  localBridgeheads:',
            '    - server: "<server>"',
            '      virtualServer: Default SMTP Virtual Server # PAR',
            'deliveryOptions:',
            '  oversize:',
            '    connectionTime: always',
          ),
      ),
    );
    assert.equal(
      applyFix(t, hits[1], msg.fixInsertKey('thresholdKB')),
      eol(
        head +
          lines(
            'general:',
            '  localBridgeheads:',
            '    - virtualServer: Default SMTP Virtual Server # PAR',
            'deliveryOptions:',
            '  oversize:',
            '    thresholdKB: "<thresholdKB>"',
            '    connectionTime: always',
          ),
      ),
    );
  });
});

test('missing-field under a key with nothing after it: on that key, written beneath it', () => {
  const text = head + lines('deliveryOptions:', '  oversize: # for big mail', '  connectionTime: always');
  bothEols(text, (t, eol) => {
    const f = expectOne(check(t), {
      code: 'missing-field',
      range: rangeOf(t, 'oversize'),
      message: msg.missingField('thresholdKB', "'oversize'"),
    });
    assert.equal(
      applyFix(t, f, msg.fixInsertKey('thresholdKB')),
      eol(head + lines('deliveryOptions:', '  oversize: # for big mail', '    thresholdKB: "<thresholdKB>"', '  connectionTime: always')),
    );
  });
});

test('missing-field in an empty flow mapping and in a flow document', () => {
  const text = head + lines('deliveryOptions:', '  oversize: {}');
  const f = expectOne(check(text), {
    code: 'missing-field',
    range: rangeOf(text, 'oversize'),
    message: msg.missingField('thresholdKB', "'oversize'"),
  });
  assert.equal(
    applyFix(text, f, msg.fixInsertKey('thresholdKB')),
    head + lines('deliveryOptions:', '  oversize: {thresholdKB: "<thresholdKB>"}'),
  );

  const flow = lines('{kind: Organization}');
  const g = expectOne(check(flow), {
    code: 'missing-field',
    range: rangeOf(flow, 'kind'),
    message: msg.missingField('name', 'the Organization document'),
  });
  assert.equal(applyFix(flow, g, msg.fixInsertKey('name')), lines('{kind: Organization, name: "<name>"}'));
});

test('missing-field under a flow key with nothing after it, with or without its colon', () => {
  for (const [written, fixed] of [
    [
      'deliveryOptions: {oversize: , connectionTime: always}',
      'deliveryOptions: {oversize: {thresholdKB: "<thresholdKB>"} , connectionTime: always}',
    ],
    [
      'deliveryOptions: {oversize, connectionTime: always}',
      'deliveryOptions: {oversize: {thresholdKB: "<thresholdKB>"}, connectionTime: always}',
    ],
  ]) {
    const text = head + lines(written);
    const f = expectOne(check(text), {
      code: 'missing-field',
      range: rangeOf(text, 'oversize'),
      message: msg.missingField('thresholdKB', "'oversize'"),
    });
    assert.equal(applyFix(text, f, msg.fixInsertKey('thresholdKB')), head + lines(fixed));
  }
});

test('missing-field near misses: required keys present; optional keys absent', () => {
  expectNone(check(head), 'missing-field');
  expectNone(check(routingGroup), 'missing-field');
  expectNone(check(head + lines('deliveryOptions:', '  oversize:', '    thresholdKB: 500')), 'missing-field');
});

// ---------------------------------------------------------------- invalid-type

test('invalid-type: yes and no are text, not booleans', () => {
  const text = head + lines('advanced:', '  outboundSecurity:', '    tls: yes');
  const findings = check(text);
  expectOne(findings, {
    code: 'invalid-type',
    severity: 'error',
    range: rangeOf(text, 'yes'),
    message: msg.invalidType('tls', 'true or false', 'text'),
  });
  expectNone(findings, 'invalid-value');
});

test('invalid-type: text where a number goes; nothing where text goes (on the key); a list where a mapping goes', () => {
  const cost = head + lines('connectedRoutingGroups:', '  - routingGroup: Boston', '    cost: cheap');
  const f1 = check(cost);
  expectOne(f1, { code: 'invalid-type', range: rangeOf(cost, 'cheap'), message: msg.invalidType('cost', 'a whole number', 'text') });
  expectNone(f1, 'cost-range');

  const empty = head + lines('details:', '  adminNote:');
  expectOne(check(empty), {
    code: 'invalid-type',
    range: rangeOf(empty, 'adminNote'),
    message: msg.invalidType('adminNote', 'text', 'nothing'),
  });

  const list = head + lines('general: [dns]');
  expectOne(check(list), {
    code: 'invalid-type',
    range: rangeOf(list, '[dns]'),
    message: msg.invalidType('general', 'a mapping', 'a list'),
  });

  const quoted = head + lines('contentRestrictions:', '  maxMessageSizeKB: "1024"');
  const f2 = check(quoted);
  expectOne(f2, {
    code: 'invalid-type',
    range: rangeOf(quoted, '"1024"'),
    message: msg.invalidType('maxMessageSizeKB', 'a whole number', 'text'),
  });
  expectNone(f2, 'size-invalid');
});

test('invalid-type near misses: True and FALSE are booleans; an empty list key is an empty list', () => {
  const text =
    head + lines('advanced:', '  sendHelo: FALSE', '  outboundSecurity:', '    tls: True', 'deliveryRestrictions:', '  acceptFrom:');
  expectNone(check(text), 'invalid-type');
});

// ---------------------------------------------------------------- invalid-value

test('invalid-value: a value that differs only in case is fixed to the right spelling, quoting kept', () => {
  const text = head + lines('general:', "  delivery: 'SmartHost' # forward");
  bothEols(text, (t, eol) => {
    const f = expectOne(check(t), {
      code: 'invalid-value',
      severity: 'error',
      range: rangeOf(t, "'SmartHost'"),
      message: msg.invalidValue('delivery', 'SmartHost', ['dns', 'smartHost']),
    });
    assert.deepEqual(
      f.fixes.map((x) => [x.title, x.preferred]),
      [[msg.fixChangeTo('delivery', 'smartHost'), true]],
    );
    assert.equal(applyFix(t, f), eol(head + lines('general:', "  delivery: 'smartHost' # forward")));
  });
});

test('invalid-value: two allowed values equally close are offered, neither preferred; a list entry is the range', () => {
  const text = routingGroup + lines('    version: 2007');
  const f = expectOne(check(text), {
    code: 'invalid-value',
    range: rangeOf(text, '2007'),
    message: msg.invalidValue('version', '2007', ['5.5', '2000', '2003']),
  });
  assert.deepEqual(
    f.fixes.map((x) => [x.title, x.preferred]),
    [
      [msg.fixChangeTo('version', '2000'), false],
      [msg.fixChangeTo('version', '2003'), false],
    ],
  );
  assert.equal(applyFix(text, f, msg.fixChangeTo('version', '2003')), routingGroup + lines('    version: "2003"'));

  const prio = head + lines('contentRestrictions:', '  allowedPriorities: [high, urgent]');
  const g = expectOne(check(prio), {
    code: 'invalid-value',
    range: rangeOf(prio, 'urgent'),
    message: msg.invalidValue('allowedPriorities', 'urgent', ['high', 'normal', 'low']),
  });
  assert.deepEqual(g.fixes, []);
});

test('invalid-value: a server ip that is not an IPv4 address, written as text or as a number', () => {
  const text = routingGroup + lines('    ip: 10.1.0.300', '  - name: BOS-EX02', '    fqdn: bos-ex02.boston.contoso.com', '    ip: 10.1');
  const hits = only(check(text), 'invalid-value');
  assert.deepEqual(
    hits.map((h) => [h.range, h.message]),
    [
      [rangeOf(text, '10.1.0.300'), msg.invalidIp('10.1.0.300')],
      [rangeOf(text, '10.1', 1), msg.invalidIp('10.1')],
    ],
  );
  expectNone(check(text), 'invalid-type');
});

test('invalid-value near misses: version as a number or text, a good ip', () => {
  const text =
    routingGroup +
    lines(
      '    version: 2003',
      '    ip: 10.1.0.10',
      '  - name: BOS-EX02',
      '    fqdn: bos-ex02.boston.contoso.com',
      '    version: 5.5',
      '  - name: BOS-EX03',
      '    fqdn: bos-ex03.boston.contoso.com',
      "    version: '2000'",
    );
  const findings = check(text);
  expectNone(findings, 'invalid-value');
  expectNone(findings, 'invalid-type');
  const odd = routingGroup + lines('    version: 5.50');
  expectOne(check(odd), {
    code: 'invalid-value',
    range: rangeOf(odd, '5.50'),
    message: msg.invalidValue('version', '5.50', ['5.5', '2000', '2003']),
  });
});

// ---------------------------------------------------------------- cost-range

test('cost-range: too high and too low are clamped to the nearest bound, comments kept', () => {
  const text =
    head +
    lines(
      'addressSpace:',
      '  entries:',
      '    - type: SMTP',
      '      address: "*"',
      '      cost: 0 # free?',
      'connectedRoutingGroups:',
      '  - routingGroup: Boston',
      '    cost: 250',
    );
  bothEols(text, (t, eol) => {
    const hits = only(check(t), 'cost-range');
    assert.deepEqual(
      hits.map((h) => [h.severity, h.range, h.message, h.fixes.map((x) => [x.title, x.preferred])]),
      [
        ['error', r(8, 12, 13), msg.costRange('0'), [[msg.fixSetCost(1), true]]],
        ['error', rangeOf(t, '250'), msg.costRange('250'), [[msg.fixSetCost(100), true]]],
      ],
    );
    assert.equal(applyFix(t, hits[0]), eol(text.replace('cost: 0 #', 'cost: 1 #')));
    assert.equal(applyFix(t, hits[1]), eol(text.replace('250', '100')));
  });
});

test('cost-range: negative and fractional costs; a fraction has no bound to clamp to', () => {
  const text =
    head + lines('connectedRoutingGroups:', '  - routingGroup: Boston', '    cost: -3', '  - routingGroup: Rome', '    cost: 2.5');
  const hits = only(check(text), 'cost-range');
  assert.deepEqual(
    hits.map((h) => [h.range, h.fixes.map((x) => x.title)]),
    [
      [rangeOf(text, '-3'), [msg.fixSetCost(1)]],
      [rangeOf(text, '2.5'), []],
    ],
  );
  expectNone(check(text), 'invalid-type');
});

test('cost-range near misses: 1 and 100', () => {
  const text =
    head + lines('connectedRoutingGroups:', '  - routingGroup: Boston', '    cost: 100', '  - routingGroup: Rome', '    cost: 1');
  expectNone(check(text), 'cost-range');
});

// ---------------------------------------------------------------- size-invalid

test('size-invalid: zero, negative and fractional sizes, with no fix', () => {
  const text = head + lines('contentRestrictions:', '  maxMessageSizeKB: 0', 'deliveryOptions:', '  oversize:', '    thresholdKB: 1.5');
  const hits = only(check(text), 'size-invalid');
  assert.deepEqual(
    hits.map((h) => [h.severity, h.range, h.message, h.fixes]),
    [
      ['error', rangeOf(text, '0'), msg.sizeInvalid('maxMessageSizeKB'), []],
      ['error', rangeOf(text, '1.5'), msg.sizeInvalid('thresholdKB'), []],
    ],
  );
  const neg = head + lines('contentRestrictions:', '  maxMessageSizeKB: -10');
  expectOne(check(neg), { code: 'size-invalid', range: rangeOf(neg, '-10'), message: msg.sizeInvalid('maxMessageSizeKB') });
});

test('size-invalid near misses: 1 KB and a large size; text is invalid-type only', () => {
  expectNone(check(head + lines('contentRestrictions:', '  maxMessageSizeKB: 1')), 'size-invalid');
  expectNone(check(head + lines('contentRestrictions:', '  maxMessageSizeKB: 2097152')), 'size-invalid');
  const text = head + lines('contentRestrictions:', '  maxMessageSizeKB: 10MB');
  const findings = check(text);
  expectNone(findings, 'size-invalid');
  expectOne(findings, {
    code: 'invalid-type',
    range: rangeOf(text, '10MB'),
    message: msg.invalidType('maxMessageSizeKB', 'a whole number', 'text'),
  });
});

// ---------------------------------------------------------------- plaintext-password

test('plaintext-password: a password key anywhere, and nothing else about it; the fix removes the line', () => {
  const text =
    head +
    lines(
      'advanced:',
      '  outboundSecurity:',
      '    authentication: basic',
      '    username: CONTOSO\\smtp-relay',
      '    password: P@ssw0rd # temporary',
      '    tls: true',
    );
  bothEols(text, (t, eol) => {
    const findings = check(t);
    const f = expectOne(findings, {
      code: 'plaintext-password',
      severity: 'error',
      range: rangeOf(t, 'password'),
      message: msg.plaintextPassword(),
    });
    expectNone(findings, 'unknown-field');
    assert.equal(f.fixes[0].preferred, undefined);
    assert.equal(applyFix(t, f, msg.fixRemovePassword()), eol(text.replace('    password: P@ssw0rd # temporary\n', '')));
  });
});

test('plaintext-password: in any case, in any kind, twice is no duplicate-key', () => {
  const text = routingGroup + lines('    Password: x', '    password: y');
  const findings = check(text);
  assert.deepEqual(
    findings.filter((f) => ['plaintext-password', 'duplicate-key', 'unknown-field'].includes(f.code)).map((f) => [f.code, f.range]),
    [
      ['plaintext-password', rangeOf(text, 'Password')],
      ['plaintext-password', rangeOf(text, 'password')],
    ],
  );
  const unknownKind = lines('kind: Mailbox', 'password: x');
  expectOne(check(unknownKind), { code: 'plaintext-password', range: rangeOf(unknownKind, 'password'), message: msg.plaintextPassword() });
});

test('plaintext-password near misses: a key that only contains the word, a password as a value', () => {
  const text = head + lines('details:', '  adminNote: password', 'passwordHint: none');
  expectNone(check(text), 'plaintext-password');
});

// ---------------------------------------------------------------- documents

test('empty documents are ignored: a stray marker, comments only, a lone "..."', () => {
  const text = lines('---', '---', '# nothing here', '', '---', head.trimEnd(), '...', '---', '# the end');
  const findings = check(text);
  assert.deepEqual(
    findings.filter((f) => ['yaml-syntax', 'unknown-kind', 'missing-field'].includes(f.code)),
    [],
  );
  assert.deepEqual(check(''), []);
  assert.deepEqual(check('# only a comment\n'), []);
});

test('every document of a file is checked, each in file coordinates', () => {
  const text = head + lines('---', 'kind: Organisation', 'name: Contoso', '---', 'kind: Organization');
  const findings = check(text);
  expectOne(findings, { code: 'unknown-kind', range: rangeOf(text, 'Organisation'), message: msg.unknownKind('Organisation') });
  expectOne(findings, { code: 'missing-field', range: r(8, 0, 4), message: msg.missingField('name', 'the Organization document') });
});

test('a fix in a later document edits that document in file coordinates', () => {
  const text = head + lines('---', 'kind: routingGroup', 'name: Boston');
  bothEols(text, (t, eol) => {
    const f = expectOne(check(t), { code: 'unknown-kind', range: rangeOf(t, 'routingGroup', 1), message: msg.unknownKind('routingGroup') });
    assert.equal(applyFix(t, f), eol(head + lines('---', 'kind: RoutingGroup', 'name: Boston')));
  });
});

// ---------------------------------------------------------------- fixtures

for (const name of ['structure', 'broken-yaml', 'password']) {
  test(`fixture mistakes/${name}.connector.yaml shows exactly the codes its first line names`, () => {
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

// ---------------------------------------------------------------- every fix, LF and CRLF

test('every structural fix gives the same text with CRLF as with LF, line endings kept', () => {
  const texts = [
    head + lines('general: {delivery: dns, delivery: smartHost}', 'contentRestrictions:', '  allowedTypes: [System]'),
    lines('kind: "SMTPConector"', 'name: X'),
    routingGroup + lines('    version: 2007', '    ip: 10.1.0.300'),
    lines('{kind: Organization}'),
    head + lines('deliveryOptions: {oversize: {}}', 'advanced:', '  outboundSecurity:', '    Password: x # remove', '    tls: no'),
    head +
      lines(
        'connectedRoutingGroups:',
        '  - {routingGroup: Boston, cost: 0}',
        '  - routingGroup: Rome',
        '    cost: 1000 # far',
        'Details:',
        '  adminNote: x',
      ),
    lines(
      'kind: SmtpConnector',
      'routingGroup: Paris',
      'general:',
      '  localBridgeheads:',
      '    - virtualServer: V',
      '  localBridgeheads: []',
    ),
  ];
  let compared = 0;
  for (const text of texts) {
    const lf = check(text).filter((f) => CODES[f.code].scope === 'document');
    const cr = check(crlf(text)).filter((f) => CODES[f.code].scope === 'document');
    assert.deepEqual(
      cr.map((f) => [f.code, f.range, f.fixes.map((x) => x.title)]),
      lf.map((f) => [f.code, f.range, f.fixes.map((x) => x.title)]),
    );
    lf.forEach((f, i) => {
      for (const fix of f.fixes) {
        assert.equal(applyFix(crlf(text), cr[i], fix.title), crlf(applyFix(text, f, fix.title)), `${f.code}: ${fix.title}`);
        compared++;
      }
    });
  }
  assert.ok(compared >= 12, `only ${compared} fixes compared`);
});
