import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { sameValues } from '../../server/src/model/values';
import { workspaceOf, routingGroup, connector } from '../helpers/workspace';

// What other documents can read of a document is its model's values: yaml
// nodes and ranges are left out of the comparison that decides whether an
// edit is quiet (re-checks nobody else).

test('sameValues compares values, leaving out yaml nodes and ranges', () => {
  const a = parseDocument('name: Paris\ncost: 1\n').contents;
  const b = parseDocument('# other text\nname: Lyon\n').contents;
  const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 4 } });
  assert.ok(sameValues({ value: 'Paris', range: range(0), node: a }, { value: 'Paris', range: range(7), node: b }));
  assert.ok(!sameValues({ value: 'Paris', node: a }, { value: 'Lyon', node: a }));
  assert.ok(sameValues({ cost: 1, invalid: undefined }, { cost: 1 }));
  assert.ok(!sameValues({ cost: 1 }, { cost: 1, invalid: '0' }));
  assert.ok(!sameValues({ cost: 1, invalid: '0' }, { cost: 1 }));
  assert.ok(!sameValues([1, 2], [1, 2, 3]));
  assert.ok(!sameValues([{ v: 'a' }], { 0: { v: 'a' } }));
  assert.ok(sameValues([{ v: 'a', n: a }], [{ v: 'a', n: b }]));
  assert.ok(!sameValues(null, {}));
});

test("an edit of a value no model holds (a connector's outbound authentication) re-checks that document only", () => {
  const paris = routingGroup('Paris', [{ name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com' }]);
  const boston = routingGroup('Boston', [{ name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com' }]);
  const link = (from: string, to: string, server: string, host: string) =>
    connector({ name: `${from} to ${to}`, from, to: [to], bridgehead: server, smartHosts: [host] });
  const security = (auth: string) => `advanced:\n  outboundSecurity:\n    authentication: ${auth}\n    tls: true\n`;
  const out = link('Paris', 'Boston', 'PAR-EX01', 'bos-ex01.boston.contoso.com');
  const ws = workspaceOf({
    'paris.routinggroup.yaml': paris,
    'boston.routinggroup.yaml': boston,
    'out.connector.yaml': out + security('basic'),
    'back.connector.yaml': link('Boston', 'Paris', 'BOS-EX01', 'par-ex01.paris.contoso.com'),
    // Reads every connector and routing group (internet-scoped-only).
    'internet.connector.yaml': connector({
      name: 'Boston Internet',
      from: 'Boston',
      bridgehead: 'BOS-EX01',
      extra: ['addressSpace:', '  scope: routingGroup', '  entries:', '    - type: SMTP', '      address: "*"', '      cost: 1'],
    }),
  });
  for (const uri of ws.uris()) ws.findings(uri);
  ws.takeAffected();
  ws.setFile('out.connector.yaml', out + security('integratedWindows'));
  assert.deepEqual(ws.takeAffected(), ['out.connector.yaml']);
  const before = ws.index.checks;
  for (const uri of ws.uris()) ws.findings(uri);
  assert.equal(ws.index.checks - before, 1);
  // A value the model holds (the bridgehead): the connector back to Paris and the Internet connector look again.
  ws.setFile('out.connector.yaml', out.replace('PAR-EX01', 'PAR-EX02') + security('integratedWindows'));
  assert.deepEqual(ws.takeAffected().sort(), ['back.connector.yaml', 'internet.connector.yaml', 'out.connector.yaml']);
});
