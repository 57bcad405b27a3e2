import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { workspaceOf } from '../helpers/workspace';
import { SAMPLE_FILES } from '../../client/src/sampleFiles';
import { backText, connectorText, defaultName } from '../../client/src/connectorText';
import { costBack, freeConnectorName, parseCost } from '../../client/src/newConnectorPlan';
import { addressTarget, connectorFileName } from '../../shared/newConnector';
import type { RoutingGroupNode } from '../../shared/protocol';
import { yamlScalar } from '../../shared/yamlText';

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

/** A routing group of the sample as the topology gives it to the extension. */
const node = (name: string, server: string, fqdn: string): RoutingGroupNode => {
  const location = {
    uri: `${name.toLowerCase()}.routinggroup.yaml`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
  return {
    name,
    administrativeGroup: 'First Administrative Group',
    inferred: false,
    location,
    servers: [{ name: server, fqdn, virtualServers: ['Default SMTP Virtual Server'], location }],
    connectors: [],
    problems: { errors: 0, warnings: 0 },
    firstProblems: [],
  };
};

test('both directions at once: the connector and the one back pass every rule, and the back is what the reciprocal fix writes', () => {
  const files: Record<string, string> = { ...SAMPLE_FILES };
  delete files['paris-to-boston.connector.yaml'];
  delete files['boston-to-paris.connector.yaml'];
  const paris = node('Paris', 'PAR-EX01', 'par-ex01.paris.contoso.com');
  const boston = node('Boston', 'BOS-EX01', 'bos-ex01.boston.contoso.com');
  const args = {
    routingGroup: 'Paris',
    administrativeGroup: 'First Administrative Group',
    server: 'PAR-EX01',
    virtualServer: 'Default SMTP Virtual Server',
    toGroup: 'Boston',
    toAdministrativeGroup: 'First Administrative Group',
    cost: 20,
    both: true,
  };
  const out = connectorText(args, boston.servers[0]);
  const back = backText(args, boston, paris.servers[0]);
  assert.equal(parse(back).name, 'Boston to Paris');
  assert.deepEqual(parse(back).connectedRoutingGroups, [
    { routingGroup: 'Paris', administrativeGroup: 'First Administrative Group', cost: 20 },
  ]);
  const ws = workspaceOf({ ...files, 'paris-to-boston.connector.yaml': out, 'boston-to-paris.connector.yaml': back });
  assert.deepEqual([...loud(ws, 'paris-to-boston.connector.yaml'), ...loud(ws, 'boston-to-paris.connector.yaml')], []);
  // One way only: the server's reciprocal fix writes, character for character, the connector back the wizard writes.
  const oneWay = workspaceOf({ ...files, 'paris-to-boston.connector.yaml': out });
  const finding = oneWay.findings('paris-to-boston.connector.yaml').find((f) => f.code === 'missing-reciprocal-connector');
  assert.ok(finding, 'missing-reciprocal-connector without the connector back');
  const created = finding.fixes[0].create![0];
  assert.equal(created.uri, 'boston-to-paris.connector.yaml');
  assert.equal(created.text, back);
});

test('a connector to an address space is named after its address, the Internet for *', () => {
  const base = { routingGroup: 'Paris' };
  assert.equal(defaultName({ ...base, addressSpace: 'tailspintoys.com' }), 'Paris to tailspintoys.com');
  assert.equal(defaultName({ ...base, addressSpace: '*' }), 'Paris to Internet');
  assert.equal(defaultName({ ...base, addressSpace: '*.example.net' }), 'Paris to *.example.net');
  assert.equal(defaultName({ ...base, toGroup: 'Boston' }), 'Paris to Boston');
  assert.equal(connectorFileName('Paris', addressTarget('tailspintoys.com')), 'paris-to-tailspintoys.com.connector.yaml');
  assert.equal(connectorFileName('Paris', addressTarget('*')), 'paris-to-internet.connector.yaml');
  assert.equal(connectorFileName('New York', addressTarget('*.example.net')), 'new-york-to-example.net.connector.yaml');
});

test('the wizard offers a free name and the cost of the connector back, and reads a cost from 1 to 100', () => {
  const paris = node('Paris', 'PAR-EX01', 'par-ex01.paris.contoso.com');
  const boston = node('Boston', 'BOS-EX01', 'bos-ex01.boston.contoso.com');
  boston.connectors.push({
    name: 'Paris to Boston',
    kind: 'SmtpConnector',
    location: boston.location!,
    connected: [{ routingGroup: 'Paris', administrativeGroup: 'First Administrative Group', cost: 30 }],
    status: 'complete',
    problems: { errors: 0, warnings: 0 },
    firstProblems: [],
    addressSpaces: [],
    scope: 'organization',
    restrictions: [],
    schedule: '',
  });
  const topology = { administrativeGroups: [{ name: 'First Administrative Group', routingGroups: [paris, boston] }] };
  assert.equal(costBack(boston, paris), 30);
  assert.equal(costBack(paris, boston), undefined);
  assert.equal(freeConnectorName(topology, 'Paris to Boston'), 'Paris to Boston 2');
  assert.equal(freeConnectorName(topology, 'Paris to Seattle'), 'Paris to Seattle');
  assert.deepEqual(['1', ' 100 ', '0', '101', '2.5', 'ten', ''].map(parseCost), [
    1,
    100,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
});
