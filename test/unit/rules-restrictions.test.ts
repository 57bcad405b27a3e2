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
  'name: Paris to Boston',
  'administrativeGroup: First Administrative Group',
  'routingGroup: Paris',
  '',
  'general:',
  '  delivery: smartHost',
  '  smartHosts:',
  '    - bos-ex01.boston.contoso.com',
  '  localBridgeheads:',
  '    - server: PAR-EX01',
  '      virtualServer: Default SMTP Virtual Server',
  '',
  'connectedRoutingGroups:',
  '  - routingGroup: Boston',
  '    cost: 1',
);

test('the base connector raises no single-document finding', () => {
  const found = check(base)
    .filter((f) => CODES[f.code].scope === 'document')
    .map((f) => f.code);
  assert.deepEqual(found, []);
});

test('restriction-conflict: on the later entry, names compared case-insensitively, with the earlier as related', () => {
  const text =
    base +
    lines(
      'deliveryRestrictions:',
      '  default: reject',
      '  acceptFrom: [CONTOSO\\Managers, CONTOSO\\temp-staff]',
      '  rejectFrom: [contoso\\TEMP-STAFF]',
    );
  const f = expectOne(check(text), {
    code: 'restriction-conflict',
    severity: 'error',
    range: rangeOf(text, 'contoso\\TEMP-STAFF'),
    message: msg.restrictionConflict('contoso\\TEMP-STAFF'),
  });
  assert.deepEqual(f.related, [{ range: rangeOf(text, 'CONTOSO\\temp-staff'), message: msg.restrictionConflictOther }]);
  assert.deepEqual(f.fixes, []);

  const reversed =
    base +
    lines(
      'deliveryRestrictions:',
      '  rejectFrom:',
      '    - CONTOSO\\temp-staff',
      '  default: reject',
      '  acceptFrom:',
      '    - contoso\\temp-staff',
    );
  expectOne(check(reversed), {
    code: 'restriction-conflict',
    range: rangeOf(reversed, 'contoso\\temp-staff'),
    message: msg.restrictionConflict('contoso\\temp-staff'),
  });
});

test('restriction-conflict does not fire on different names', () => {
  const text =
    base + lines('deliveryRestrictions:', '  default: reject', '  acceptFrom: [CONTOSO\\Managers]', '  rejectFrom: [CONTOSO\\temp-staff]');
  expectNone(check(text), 'restriction-conflict');
});

test('restriction-list-unused: acceptFrom while everyone is accepted by default; the fix removes the key with its comment', () => {
  const before =
    base +
    lines(
      '',
      'deliveryRestrictions:',
      '  # who may send',
      '  acceptFrom:   # the managers',
      '    - CONTOSO\\Managers',
      '  rejectFrom: [CONTOSO\\temp-staff]',
      '',
      '# end',
    );
  const after = base + lines('', 'deliveryRestrictions:', '  # who may send', '  rejectFrom: [CONTOSO\\temp-staff]', '', '# end');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'restriction-list-unused',
      severity: 'warning',
      range: rangeOf(text, 'acceptFrom'),
      message: msg.restrictionListUnused('acceptFrom', 'accept'),
    });
    assert.equal(f.fixes[0].title, msg.fixRemoveList('acceptFrom'));
    assert.equal(f.fixes[0].preferred, undefined);
    assert.equal(applyFix(text, f, msg.fixRemoveList('acceptFrom')), eol(after));
  });
});

test('restriction-list-unused: rejectFrom while everyone is rejected by default, in a flow list', () => {
  const before =
    base +
    lines(
      'deliveryRestrictions:',
      '  default: reject',
      '  acceptFrom: [CONTOSO\\Managers]',
      '  rejectFrom: [CONTOSO\\temp-staff]  # left over',
      '  # end',
    );
  const after = base + lines('deliveryRestrictions:', '  default: reject', '  acceptFrom: [CONTOSO\\Managers]', '  # end');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'restriction-list-unused',
      range: rangeOf(text, 'rejectFrom'),
      message: msg.restrictionListUnused('rejectFrom', 'reject'),
    });
    assert.equal(applyFix(text, f, msg.fixRemoveList('rejectFrom')), eol(after));
  });
});

test('restriction-list-unused does not fire on the list that the default makes count, nor on an empty one', () => {
  expectNone(
    check(base + lines('deliveryRestrictions:', '  default: reject', '  acceptFrom: [CONTOSO\\Managers]', '  rejectFrom: []')),
    'restriction-list-unused',
  );
  expectNone(
    check(base + lines('deliveryRestrictions:', '  acceptFrom: []', '  rejectFrom: [CONTOSO\\temp-staff]')),
    'restriction-list-unused',
  );
});

test('reject-all: on an empty acceptFrom, or on deliveryRestrictions when acceptFrom is absent', () => {
  const empty = base + lines('deliveryRestrictions:', '  default: reject', '  acceptFrom: []');
  expectOne(check(empty), { code: 'reject-all', severity: 'warning', range: rangeOf(empty, 'acceptFrom'), message: msg.rejectAll() });
  const absent = base + lines('deliveryRestrictions:', '  default: reject');
  expectOne(check(absent), { code: 'reject-all', range: rangeOf(absent, 'deliveryRestrictions'), message: msg.rejectAll() });
});

test('reject-all does not fire when someone is accepted, nor with the default accept', () => {
  expectNone(check(base + lines('deliveryRestrictions:', '  default: reject', '  acceptFrom: [CONTOSO\\Managers]')), 'reject-all');
  expectNone(check(base + lines('deliveryRestrictions:', '  default: accept', '  acceptFrom: []')), 'reject-all');
});

test('restrictions-need-registry: once, on the deliveryRestrictions key, when any restriction is set', () => {
  const text = base + lines('deliveryRestrictions:', '  rejectFrom: [CONTOSO\\temp-staff, CONTOSO\\interns]');
  expectOne(check(text), {
    code: 'restrictions-need-registry',
    severity: 'information',
    range: rangeOf(text, 'deliveryRestrictions'),
    message: msg.restrictionsNeedRegistry(),
  });
  const rejectOnly = base + lines('deliveryRestrictions:', '  default: reject', '  acceptFrom: [CONTOSO\\Managers]');
  expectOne(check(rejectOnly), {
    code: 'restrictions-need-registry',
    range: rangeOf(rejectOnly, 'deliveryRestrictions'),
    message: msg.restrictionsNeedRegistry(),
  });
});

test('restrictions-need-registry does not fire when nothing is restricted', () => {
  expectNone(
    check(base + lines('deliveryRestrictions:', '  default: accept', '  acceptFrom: []', '  rejectFrom: []')),
    'restrictions-need-registry',
  );
});

test("no-priorities: on the key of an empty list; the fix writes all three in the list's flow style", () => {
  const before = base + lines('contentRestrictions:', '  allowedPriorities: []   # none yet', '  maxMessageSizeKB: 10240');
  const after = base + lines('contentRestrictions:', '  allowedPriorities: [high, normal, low]   # none yet', '  maxMessageSizeKB: 10240');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'no-priorities',
      severity: 'error',
      range: rangeOf(text, 'allowedPriorities'),
      message: msg.noPriorities(),
    });
    assert.equal(f.fixes[0].preferred, undefined);
    assert.equal(applyFix(text, f, msg.fixAllowAllPriorities()), eol(after));
  });
});

test('no-priorities: a key with nothing after it is an empty list too', () => {
  const before = base + lines('contentRestrictions:', '  allowedPriorities:', '  allowedTypes: [system, nonSystem]');
  const after = base + lines('contentRestrictions:', '  allowedPriorities: [high, normal, low]', '  allowedTypes: [system, nonSystem]');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), { code: 'no-priorities', range: rangeOf(text, 'allowedPriorities'), message: msg.noPriorities() });
    assert.equal(applyFix(text, f, msg.fixAllowAllPriorities()), eol(after));
  });
});

test('no-priorities does not fire on one priority, nor when the key is absent', () => {
  expectNone(check(base + lines('contentRestrictions:', '  allowedPriorities: [low]')), 'no-priorities');
  expectNone(check(base + lines('contentRestrictions:', '  maxMessageSizeKB: 100')), 'no-priorities');
});

test('routing-group-link-types: a fix, not preferred (a WAN restriction may be deliberate), adds the missing type to a flow list', () => {
  const before = base + lines('contentRestrictions:', '  allowedTypes: [nonSystem]  # users only');
  const after = base + lines('contentRestrictions:', '  allowedTypes: [nonSystem, system]  # users only');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'routing-group-link-types',
      severity: 'warning',
      range: rangeOf(text, 'allowedTypes'),
      message: msg.routingGroupLinkTypes(),
    });
    assert.equal(f.fixes[0].title, msg.fixAllowBothTypes());
    assert.equal(f.fixes[0].preferred, undefined);
    assert.match(f.message, /X-LINK2STATE SMTP command \(KB 842026\)/);
    assert.doesNotMatch(f.message, /link state, replication/);
    assert.equal(applyFix(text, f, msg.fixAllowBothTypes()), eol(after));
  });
});

test('routing-group-link-types: a block list gets a new entry line under its last one, comments kept', () => {
  const before =
    base + lines('contentRestrictions:', '  allowedTypes:', '    - system   # link state only', '  maxMessageSizeKB: 2048', '');
  const after =
    base +
    lines('contentRestrictions:', '  allowedTypes:', '    - system   # link state only', '    - nonSystem', '  maxMessageSizeKB: 2048', '');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'routing-group-link-types',
      range: rangeOf(text, 'allowedTypes'),
      message: msg.routingGroupLinkTypes(),
    });
    assert.equal(applyFix(text, f, msg.fixAllowBothTypes()), eol(after));
  });
});

test('routing-group-link-types: a flow list over several lines gets the entry after its last one, before the comment', () => {
  const before = base + lines('contentRestrictions:', '  allowedTypes: [', '    nonSystem,   # users', '  ]');
  const after = base + lines('contentRestrictions:', '  allowedTypes: [', '    nonSystem, system,   # users', '  ]');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'routing-group-link-types',
      range: rangeOf(text, 'allowedTypes'),
      message: msg.routingGroupLinkTypes(),
    });
    assert.equal(applyFix(text, f, msg.fixAllowBothTypes()), eol(after));
  });
});

test('routing-group-link-types: an empty list gets both', () => {
  const before = base + lines('contentRestrictions:', '  allowedTypes: []');
  const after = base + lines('contentRestrictions:', '  allowedTypes: [system, nonSystem]');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'routing-group-link-types',
      range: rangeOf(text, 'allowedTypes'),
      message: msg.routingGroupLinkTypes(),
    });
    assert.equal(applyFix(text, f, msg.fixAllowBothTypes()), eol(after));
  });
});

test('routing-group-link-types does not fire with both types, without a connected routing group, or on a misspelt type', () => {
  expectNone(check(base + lines('contentRestrictions:', '  allowedTypes: [nonSystem, system]')), 'routing-group-link-types');
  const internet = base.replace(
    'connectedRoutingGroups:\n  - routingGroup: Boston\n    cost: 1\n',
    'addressSpace:\n  entries:\n    - type: SMTP\n      address: "*"\n',
  );
  expectNone(check(internet + lines('contentRestrictions:', '  allowedTypes: [nonSystem]')), 'routing-group-link-types');
  const legacy = base.replace('routingGroup: Boston', 'exchange55Site: LEGACY');
  expectNone(check(legacy + lines('contentRestrictions:', '  allowedTypes: [nonSystem]')), 'routing-group-link-types');
  expectNone(check(base + lines('contentRestrictions:', '  allowedTypes: [system, nonsystem]')), 'routing-group-link-types');
});

const oversize = lines(
  'deliveryOptions:',
  '  connectionTime: always',
  '  oversize:   # big mail at night',
  '    thresholdKB: 10240',
  '    connectionTime: custom',
  '    schedule: ["Mon-Sun 22:00-05:00"]',
  '',
);

test('oversize-threshold: on the threshold when it comes after the limit; the fix removes the oversize section with its comments', () => {
  const limit = lines('contentRestrictions:', '  maxMessageSizeKB: 10240', '');
  const before = base + limit + oversize + lines('# end');
  const after = base + limit + lines('deliveryOptions:', '  connectionTime: always', '', '# end');
  bothEols(before, (text, eol) => {
    const f = expectOne(check(text), {
      code: 'oversize-threshold',
      severity: 'warning',
      range: rangeOf(text, '10240', 1),
      message: msg.oversizeThreshold(10240, 10240),
    });
    assert.deepEqual(f.related, [{ range: rangeOf(text, '10240', 0), message: msg.oversizeThresholdOther }]);
    assert.equal(applyFix(text, f, msg.fixRemoveOversize()), eol(after));
  });
});

test('oversize-threshold: on the limit when it comes after the threshold', () => {
  const text = base + oversize + lines('contentRestrictions:', '  maxMessageSizeKB: 4096');
  const f = expectOne(check(text), {
    code: 'oversize-threshold',
    range: rangeOf(text, '4096'),
    message: msg.oversizeThreshold(10240, 4096),
  });
  assert.deepEqual(f.related, [{ range: rangeOf(text, '10240'), message: msg.oversizeThresholdThreshold }]);
});

test('oversize-threshold does not fire below the limit, nor without a limit', () => {
  expectNone(check(base + lines('contentRestrictions:', '  maxMessageSizeKB: 10241') + oversize), 'oversize-threshold');
  expectNone(check(base + oversize), 'oversize-threshold');
});

for (const name of ['delivery-restrictions', 'reject-all', 'content-restrictions']) {
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
