import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { workspaceOf } from '../helpers/workspace';
import { SAMPLE_FILES } from '../../client/src/sampleFiles';
import { connectorText } from '../../client/src/connectorText';
import { fileNamePart, yamlScalar } from '../../client/src/text';

const loud = (ws: ReturnType<typeof workspaceOf>, uri: string) =>
  ws
    .findings(uri)
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${uri}: ${f.code} ${f.message}`);

test('the sample organization passes every rule, workspace rules included', () => {
  const ws = workspaceOf(SAMPLE_FILES as Record<string, string>);
  assert.deepEqual(
    Object.keys(SAMPLE_FILES).flatMap((uri) => loud(ws, uri)),
    [],
  );
  const kinds = Object.values(SAMPLE_FILES).map((t) => parse(t).kind);
  assert.deepEqual(kinds.filter((k) => k === 'Organization').length, 1);
  assert.deepEqual(kinds.filter((k) => k === 'RoutingGroup').length, 2);
});

test('a new connector between routing groups forwards to the remote bridgehead and passes the rules', () => {
  const files: Record<string, string> = { ...SAMPLE_FILES };
  delete files['boston-to-paris.connector.yaml'];
  const text = connectorText(
    {
      routingGroup: 'Boston',
      administrativeGroup: 'First Administrative Group',
      server: 'BOS-EX01',
      virtualServer: 'Default SMTP Virtual Server',
      toGroup: 'Paris',
    },
    {
      name: 'PAR-EX01',
      fqdn: 'par-ex01.paris.contoso.com',
      virtualServers: [],
      location: { uri: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    },
  );
  const doc = parse(text);
  assert.equal(doc.name, 'Boston to Paris');
  assert.deepEqual(doc.general.smartHosts, ['par-ex01.paris.contoso.com']);
  assert.deepEqual(doc.connectedRoutingGroups, [{ routingGroup: 'Paris', administrativeGroup: 'First Administrative Group', cost: 1 }]);
  const ws = workspaceOf({ ...files, 'boston-to-paris.connector.yaml': text });
  assert.deepEqual(loud(ws, 'boston-to-paris.connector.yaml'), []);
});

test('a new connector to an address space delivers by DNS and passes the rules', () => {
  const text = connectorText({
    routingGroup: 'Paris',
    administrativeGroup: 'First Administrative Group',
    server: 'PAR-EX01',
    virtualServer: 'Default SMTP Virtual Server',
    addressSpace: '*.example.net',
    cost: 5,
    name: 'Paris: Example',
  });
  const doc = parse(text);
  assert.equal(doc.name, 'Paris: Example');
  assert.equal(doc.general.delivery, 'dns');
  assert.deepEqual(doc.addressSpace.entries, [{ type: 'SMTP', address: '*.example.net', cost: 5 }]);
  assert.deepEqual(loud(workspaceOf({ ...SAMPLE_FILES, 'paris-example.connector.yaml': text }), 'paris-example.connector.yaml'), []);
});

test('yamlScalar writes names that read back as the same string', () => {
  for (const s of [
    'Paris',
    'First Administrative Group',
    'CONTOSO\\temp',
    'a: b',
    '# x',
    'true',
    '2003',
    ' padded',
    '[10.0.0.1]',
    '*',
    "O'Brien",
    'x"y',
  ]) {
    assert.equal(parse(`v: ${yamlScalar(s)}`).v, s, s);
  }
  assert.equal(yamlScalar('Paris to Boston'), 'Paris to Boston');
});

test('fileNamePart lowers names and turns spaces into hyphens', () => {
  assert.equal(fileNamePart('New York'), 'new-york');
  assert.equal(fileNamePart(' Paris '), 'paris');
});
