import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol, MarkupContent } from 'vscode-languageserver-types';
import { check, expectOne, expectNone, rangeOf } from '../helpers/engine';
import { checkIn, workspaceOf, routingGroup, connector } from '../helpers/workspace';
import { marked } from '../helpers/lspClient';
import { msg } from '../../server/src/rules/messages';
import { simulateRoute } from '../../server/src/route/simulate';
import { hover } from '../../server/src/features/hover';
import { completion } from '../../server/src/features/completion';
import { documentSymbols } from '../../server/src/features/symbols';
import { topology } from '../../server/src/features/topology';
import { MINIMAL_CAPS, readCaps } from '../../server/src/features/caps';

/** A Routing Group Connector from `from` to `to`, as in the example. */
function rgc(o: { name: string; from: string; to: string; remote?: string[]; local?: string[]; cost?: number; extra?: string[] }): string {
  return [
    'kind: RoutingGroupConnector',
    `name: ${o.name}`,
    'administrativeGroup: First Administrative Group',
    `routingGroup: ${o.from}`,
    'general:',
    `  connectedRoutingGroup: { routingGroup: ${o.to}, administrativeGroup: First Administrative Group }`,
    ...(o.cost !== undefined ? [`  cost: ${o.cost}`] : []),
    ...(o.local ? ['  localBridgeheads:', ...o.local.map((s) => `    - server: ${s}`)] : []),
    'remoteBridgeheads:',
    ...(o.remote ?? []).map((s) => `  - server: ${s}`),
    ...(o.extra ?? []),
    '',
  ].join('\n');
}

const boston = routingGroup('Boston', [{ name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com' }]);
const paris = routingGroup('Paris', [{ name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com' }]);
const groups = { 'boston.routinggroup.yaml': boston, 'paris.routinggroup.yaml': paris };
const bostonToParis = rgc({ name: 'Boston to Paris', from: 'Boston', to: 'Paris', remote: ['PAR-EX01'] });
const parisToBoston = rgc({ name: 'Paris to Boston', from: 'Paris', to: 'Boston', remote: ['BOS-EX01'] });

test('a Routing Group Connector as the issue writes it checks clean with its connector back (alone, only that is missing)', () => {
  assert.deepEqual(
    check(bostonToParis).map((f) => f.code),
    ['missing-reciprocal-connector'],
  );
  const files = { ...groups, 'b.connector.yaml': bostonToParis, 'p.connector.yaml': parisToBoston };
  assert.deepEqual(checkIn(files, 'b.connector.yaml'), []);
  assert.deepEqual(checkIn(files, 'p.connector.yaml'), []);
});

test('structure: remoteBridgeheads is required, cost is 1..100, SMTP-only tabs are unknown fields', () => {
  const noRemote = bostonToParis.replace(/remoteBridgeheads:\n {2}- server: PAR-EX01\n/, '');
  expectOne(check(noRemote), {
    code: 'missing-field',
    range: rangeOf(noRemote, 'kind'),
    message: msg.missingField('remoteBridgeheads', 'the RoutingGroupConnector document'),
  });
  const dear = rgc({ name: 'B', from: 'Boston', to: 'Paris', remote: ['PAR-EX01'], cost: 150 });
  assert.equal(check(dear).find((f) => f.code === 'cost-range')?.range.start.line, 6);
  const smtpTab = bostonToParis + 'addressSpace:\n  entries: []\n';
  assert.ok(check(smtpTab).some((f) => f.code === 'unknown-field' && f.range.start.line === rangeOf(smtpTab, 'addressSpace').start.line));
  expectNone(check(dear), 'missing-field');
});

test('reciprocity with either kind: an SMTP connector back counts, and a missing one offers a Routing Group Connector back', () => {
  const smtpBack = connector({
    name: 'Paris to Boston',
    from: 'Paris',
    to: ['Boston'],
    bridgehead: 'PAR-EX01',
    smartHosts: ['bos-ex01.boston.contoso.com'],
  });
  expectNone(
    checkIn({ ...groups, 'b.connector.yaml': bostonToParis, 'p.connector.yaml': smtpBack }, 'b.connector.yaml'),
    'missing-reciprocal-connector',
  );
  expectNone(
    checkIn({ ...groups, 'b.connector.yaml': bostonToParis, 'p.connector.yaml': smtpBack }, 'p.connector.yaml'),
    'missing-reciprocal-connector',
  );
  const f = expectOne(checkIn({ ...groups, 'boston/b.connector.yaml': bostonToParis }, 'boston/b.connector.yaml'), {
    code: 'missing-reciprocal-connector',
    range: rangeOf(bostonToParis, 'Paris', 1),
    message: msg.missingReciprocalRgc('Paris', 'Boston'),
  });
  assert.deepEqual(f.fixes[0].create, [
    {
      uri: 'paris-to-boston.connector.yaml',
      text: [
        'kind: RoutingGroupConnector',
        'name: Paris to Boston',
        'administrativeGroup: First Administrative Group',
        'routingGroup: Paris',
        '',
        'general:',
        '  connectedRoutingGroup: { routingGroup: Boston, administrativeGroup: First Administrative Group }',
        '  cost: 1',
        '  localBridgeheads:',
        '    - server: PAR-EX01',
        '',
        'remoteBridgeheads:',
        '  - server: BOS-EX01',
        '',
      ].join('\n'),
    },
  ]);
  // The connector it writes is clean and closes the link.
  const back = f.fixes[0].create![0].text;
  const files = { ...groups, 'b.connector.yaml': bostonToParis, 'p.connector.yaml': back };
  assert.deepEqual(checkIn(files, 'p.connector.yaml'), []);
});

test('unknown groups and servers: the connected group, a local bridgehead, a remote bridgehead outside the connected group', () => {
  const nowhere = rgc({ name: 'B', from: 'Boston', to: 'Lisbon', remote: ['LIS-EX01'] });
  expectOne(checkIn({ ...groups, 'b.connector.yaml': nowhere }, 'b.connector.yaml'), {
    code: 'unknown-routing-group',
    range: rangeOf(nowhere, 'Lisbon'),
    message: msg.unknownRoutingGroup('Lisbon'),
  });
  const wrongRemote = rgc({ name: 'B', from: 'Boston', to: 'Paris', remote: ['BOS-EX01'], local: ['BOS-EX01'] });
  expectOne(checkIn({ ...groups, 'b.connector.yaml': wrongRemote }, 'b.connector.yaml'), {
    code: 'unknown-bridgehead',
    range: rangeOf(wrongRemote, 'BOS-EX01', 1),
    message: msg.unknownRemoteBridgehead('BOS-EX01', 'Paris'),
  });
  const wrongLocal = rgc({ name: 'B', from: 'Boston', to: 'Paris', remote: ['PAR-EX01'], local: ['PAR-EX01'] });
  expectOne(checkIn({ ...groups, 'b.connector.yaml': wrongLocal }, 'b.connector.yaml'), {
    code: 'unknown-bridgehead',
    range: rangeOf(wrongLocal, 'PAR-EX01'),
    message: msg.unknownBridgeheadServer('PAR-EX01', 'Boston'),
  });
});

test('duplicate-name across both kinds in one routing group', () => {
  const smtp = connector({ name: 'Boston to Paris', from: 'Boston', to: ['Paris'], bridgehead: 'BOS-EX01' });
  const files = { ...groups, 'a.connector.yaml': smtp, 'b.connector.yaml': bostonToParis };
  expectOne(checkIn(files, 'b.connector.yaml'), {
    code: 'duplicate-name',
    range: rangeOf(bostonToParis, 'Boston to Paris'),
    message: msg.duplicateConnector('Boston to Paris', 'Boston'),
  });
});

test('routing: a Routing Group Connector is a link at its cost; its restrictions and schedule apply', () => {
  const cheap = rgc({ name: 'Boston to Paris', from: 'Boston', to: 'Paris', remote: ['PAR-EX01'], cost: 3 });
  const w = workspaceOf({ ...groups, 'b.connector.yaml': cheap });
  assert.deepEqual(simulateRoute(w.index, { from: 'Boston', toGroup: 'Paris' }).routes, [
    { totalCost: 3, exit: 'connector', hops: [{ connector: 'Boston to Paris', from: 'Boston', to: 'Paris', cost: 3 }] },
  ]);
  const small = rgc({
    name: 'Boston to Paris',
    from: 'Boston',
    to: 'Paris',
    remote: ['PAR-EX01'],
    extra: ['contentRestrictions:', '  maxMessageSizeKB: 100'],
  });
  const r = simulateRoute(workspaceOf({ ...groups, 'b.connector.yaml': small }).index, { from: 'Boston', toGroup: 'Paris', sizeKB: 100 });
  assert.equal(r.delivered, false);
  assert.deepEqual(r.passedOver, [{ connector: 'Boston to Paris', reason: 'size', detail: { sizeKB: 100, limitKB: 100 } }]);
});

test('the tree, hover, completion and the outline know the Routing Group Connector', () => {
  const ws = workspaceOf({ ...groups, 'file:///b.connector.yaml': bostonToParis });
  const node = topology(ws, () => ({})).administrativeGroups[0].routingGroups.find((g) => g.name === 'Boston')!.connectors[0];
  assert.equal(node.kind, 'RoutingGroupConnector');
  assert.deepEqual(node.connected, [{ routingGroup: 'Paris', administrativeGroup: 'First Administrative Group', cost: 1 }]);

  const h = hover(ws, 'file:///b.connector.yaml', rangeOf(bostonToParis, 'remoteBridgeheads').start, MINIMAL_CAPS)!;
  assert.match(
    (h.contents as MarkupContent).value,
    /^remoteBridgeheads: .*\n\nThe Remote Bridgehead tab: servers of the connected routing group/s,
  );

  const m = marked(bostonToParis.replace('  - server: PAR-EX01', '  - server: ‸'));
  const cws = workspaceOf({ ...groups, 'file:///c.connector.yaml': m.text });
  const caps = readCaps({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
  assert.deepEqual(
    completion(cws, 'file:///c.connector.yaml', m.positions[0], caps).items.map((i) => i.label),
    ['PAR-EX01'],
  );
  const k = marked('kind: RoutingGroupConnector\ngeneral:\n  ‸\n');
  const kws = workspaceOf({ 'file:///k.connector.yaml': k.text });
  assert.deepEqual(
    completion(kws, 'file:///k.connector.yaml', k.positions[0], caps).items.map((i) => i.label),
    ['connectedRoutingGroup', 'cost', 'localBridgeheads', 'allowPublicFolderReferrals'],
  );

  const symbols = documentSymbols(
    ws,
    'file:///b.connector.yaml',
    readCaps({ textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } }),
  ) as DocumentSymbol[];
  assert.equal(symbols[0].name, 'Boston to Paris');
  assert.ok(symbols[0].children!.some((c) => c.name === 'remoteBridgeheads'));
});
