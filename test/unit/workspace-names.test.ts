import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, expectNone, rangeOf } from '../helpers/engine';
import { checkIn, workspaceOf, routingGroup, connector } from '../helpers/workspace';
import { msg } from '../../server/src/rules/messages';

const paris = routingGroup('Paris', [{ name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com' }]);
const boston = routingGroup('Boston', [{ name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com' }]);

test('duplicate-name: two connectors with one name in one routing group, on the later file', () => {
  const a = connector({ name: 'Paris to Boston', from: 'Paris', to: ['Boston'], bridgehead: 'PAR-EX01' });
  const b = connector({
    name: 'PARIS TO BOSTON',
    from: 'Paris',
    bridgehead: 'PAR-EX01',
    extra: ['addressSpace:', '  entries:', '    - type: SMTP', '      address: "*"'],
  });
  const files = { 'p.routinggroup.yaml': paris, 'b.routinggroup.yaml': boston, 'a.connector.yaml': a, 'b.connector.yaml': b };
  expectNone(checkIn(files, 'a.connector.yaml'), 'duplicate-name');
  const f = expectOne(checkIn(files, 'b.connector.yaml'), {
    code: 'duplicate-name',
    severity: 'error',
    range: rangeOf(b, 'PARIS TO BOSTON'),
    message: msg.duplicateConnector('PARIS TO BOSTON', 'Paris'),
  });
  assert.deepEqual(f.related, [{ uri: 'a.connector.yaml', range: rangeOf(a, 'Paris to Boston'), message: msg.duplicateNameFirst }]);
  // The same name in another routing group is another connector.
  expectNone(
    checkIn({ ...files, 'b.connector.yaml': b.replace('routingGroup: Paris', 'routingGroup: Boston') }, 'b.connector.yaml'),
    'duplicate-name',
  );
});

test('duplicate-name: two routing groups with one name in one administrative group, related range in file lines', () => {
  const two = paris + '---\n' + routingGroup('paris', [{ name: 'PAR-EX09', fqdn: 'par-ex09.paris.contoso.com' }]);
  const files = { 'a.routinggroup.yaml': boston, 'z.routinggroup.yaml': two };
  const fs = checkIn(files, 'z.routinggroup.yaml');
  const f = expectOne(fs, {
    code: 'duplicate-name',
    range: rangeOf(two, 'paris', 1),
    message: msg.duplicateRoutingGroup('paris', 'First Administrative Group'),
  });
  assert.deepEqual(f.related, [{ uri: 'z.routinggroup.yaml', range: rangeOf(two, 'Paris'), message: msg.duplicateNameFirst }]);
  expectNone(
    checkIn(
      {
        'a.routinggroup.yaml': boston,
        'z.routinggroup.yaml': paris + '---\n' + routingGroup('Paris', [{ name: 'P2', fqdn: 'p2.contoso.com' }], 'Europe'),
      },
      'z.routinggroup.yaml',
    ),
    'duplicate-name',
  );
});

test('duplicate-name: two servers with one name, across routing groups', () => {
  const rome = routingGroup('Rome', [{ name: 'par-ex01', fqdn: 'rom-ex01.rome.contoso.com' }]);
  const files = { 'paris.routinggroup.yaml': paris, 'rome.routinggroup.yaml': rome };
  expectNone(checkIn(files, 'paris.routinggroup.yaml'), 'duplicate-name');
  const f = expectOne(checkIn(files, 'rome.routinggroup.yaml'), {
    code: 'duplicate-name',
    range: rangeOf(rome, 'par-ex01'),
    message: msg.duplicateServer('par-ex01'),
  });
  assert.equal(f.related![0].uri, 'paris.routinggroup.yaml');
  expectNone(
    checkIn({ 'paris.routinggroup.yaml': paris, 'boston.routinggroup.yaml': boston }, 'boston.routinggroup.yaml'),
    'duplicate-name',
  );
});

test('duplicate-name: the same connector twice in one file, on the second; a later edit of the file keeps both apart', () => {
  const a = connector({ name: 'Paris to Boston', from: 'Paris', to: ['Boston'], bridgehead: 'PAR-EX01' });
  const text = a + '---\n' + a;
  const files = { 'p.routinggroup.yaml': paris, 'b.routinggroup.yaml': boston, 'a.connector.yaml': text };
  const ws = workspaceOf(files);
  const second = rangeOf(text, 'Paris to Boston', 1);
  const f = expectOne(ws.findings('a.connector.yaml'), {
    code: 'duplicate-name',
    range: second,
    message: msg.duplicateConnector('Paris to Boston', 'Paris'),
  });
  assert.deepEqual(f.related![0].range, rangeOf(text, 'Paris to Boston', 0));
  // Both documents' text is reused by the next version: each keeps its own place.
  const longer = text + '---\n# end\n';
  ws.setFile('a.connector.yaml', longer);
  expectOne(ws.findings('a.connector.yaml'), {
    code: 'duplicate-name',
    range: rangeOf(longer, 'Paris to Boston', 1),
    message: msg.duplicateConnector('Paris to Boston', 'Paris'),
  });
});
