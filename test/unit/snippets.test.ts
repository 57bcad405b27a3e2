import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem } from 'vscode-languageserver-types';
import { Workspace } from '../../server/src/engine/workspace';
import { completion } from '../../server/src/features/completion';
import { readCaps } from '../../server/src/features/caps';
import { topology } from '../../server/src/features/topology';
import { discoverFiles } from '../../server/src/cli/discover';
import { ROOT } from '../helpers/paths';
import { rangeOf } from '../helpers/engine';
import { workspaceOf, routingGroup } from '../helpers/workspace';

/** Issue 13 item 3: the whole-document snippets take their values from the workspace. */

const SNIPPETS = readCaps({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
const PLAIN = readCaps(undefined);

/** examples/ as the engine reads it, each file by its path under examples/. */
function examples(): Workspace {
  const ws = new Workspace();
  const dir = join(ROOT, 'examples');
  for (const abs of discoverFiles([dir], dir)) ws.setFile(abs.slice(dir.length + 1), readFileSync(abs, 'utf8'));
  return ws;
}

function snippet(ws: Workspace, uri: string, label: string, caps = SNIPPETS): CompletionItem {
  ws.setFile(uri, '');
  const item = completion(ws, uri, { line: 0, character: 0 }, caps).items.find((i) => i.label === label);
  assert.ok(item, `${label} is offered in an empty ${uri}`);
  return item;
}

const newText = (item: CompletionItem) => (item.textEdit as { newText: string }).newText;

/** The errors and warnings of a file, and the routing groups that only connectors name (inferred). */
function outcome(ws: Workspace, uri: string) {
  const loud = ws
    .findings(uri)
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => f.code);
  const inferred = topology(ws, () => ({}))
    .administrativeGroups.flatMap((a) => a.routingGroups)
    .filter((g) => g.inferred)
    .map((g) => `${g.administrativeGroup}/${g.name}`);
  return { loud, inferred };
}

test("the connector snippet in examples/europe/paris: Paris's values first, to the group it has no connector to yet", () => {
  const ws = examples();
  const item = snippet(ws, 'europe/paris/new.connector.yaml', 'SMTP connector');
  assert.equal(
    newText(item),
    [
      'kind: SmtpConnector',
      'name: ${9:Paris to Seattle}',
      'administrativeGroup: ${2|Europe,North America|}',
      'routingGroup: ${1|Paris,Boston,Seattle|}',
      '',
      'general:',
      '  delivery: smartHost',
      '  smartHosts:',
      '    - ${7|sea-ex01.seattle.contoso.com,sea-ex02.seattle.contoso.com|}',
      '  localBridgeheads:',
      '    - server: ${3|PAR-EX01,PAR-EX02|}',
      '      virtualServer: ${4:Default SMTP Virtual Server}',
      '',
      'connectedRoutingGroups:',
      '  - routingGroup: ${5|Seattle,Boston|}',
      '    administrativeGroup: ${6|North America,Europe|}',
      '    cost: ${8:1}',
      '$0',
    ].join('\n'),
  );
  // Every default accepted: no error, no inferred group; the one warning is the missing connector back.
  ws.setFile('europe/paris/new.connector.yaml', (item.documentation as { value: string }).value);
  assert.deepEqual(outcome(ws, 'europe/paris/new.connector.yaml'), { loud: ['missing-reciprocal-connector'], inferred: [] });
});

test('a client without snippets gets the defaults as plain text, the same as the documentation', () => {
  const ws = examples();
  const item = snippet(ws, 'north-america/seattle/new.connector.yaml', 'SMTP connector', PLAIN);
  assert.equal(newText(item), (item.documentation as { value: string }).value);
  // Seattle connects to Boston only; Paris does not connect back to it yet: Paris is the link to add.
  assert.match(newText(item), /^name: Seattle to Paris$/m);
  assert.match(newText(item), /^routingGroup: Seattle$/m);
  assert.match(newText(item), /^ {4}- par-ex01\.paris\.contoso\.com$/m);
  ws.setFile('north-america/seattle/new.connector.yaml', newText(item));
  assert.deepEqual(outcome(ws, 'north-america/seattle/new.connector.yaml'), { loud: ['missing-reciprocal-connector'], inferred: [] });
});

test('a connector that completes a one-sided link is preferred, at the cost of the connector back', () => {
  const ws = examples();
  ws.setFile(
    'europe/paris/paris-to-seattle.connector.yaml',
    [
      'kind: SmtpConnector',
      'name: Paris to Seattle',
      'administrativeGroup: Europe',
      'routingGroup: Paris',
      'general:',
      '  delivery: smartHost',
      '  smartHosts: [sea-ex01.seattle.contoso.com]',
      '  localBridgeheads:',
      '    - server: PAR-EX01',
      'connectedRoutingGroups:',
      '  - { routingGroup: Seattle, administrativeGroup: North America, cost: 40 }',
      '',
    ].join('\n'),
  );
  const item = snippet(ws, 'north-america/seattle/new.connector.yaml', 'SMTP connector', PLAIN);
  assert.match(newText(item), /^name: Seattle to Paris\n[^]*^ {4}cost: 40$/m);
  ws.setFile('north-america/seattle/new.connector.yaml', newText(item));
  assert.deepEqual(outcome(ws, 'north-america/seattle/new.connector.yaml'), { loud: [], inferred: [] });
});

test('a taken connector name gets a number; a single routing group gets a connector to the Internet', () => {
  const one = workspaceOf({ 'paris.routinggroup.yaml': routingGroup('Paris', [{ name: 'PAR-EX01', fqdn: 'par-ex01.contoso.com' }]) });
  one.setFile(
    'paris-to-internet.connector.yaml',
    'kind: SmtpConnector\nname: Paris to Internet\nadministrativeGroup: First Administrative Group\nroutingGroup: Paris\n',
  );
  const item = snippet(one, 'new.connector.yaml', 'SMTP connector', PLAIN);
  assert.equal(
    newText(item),
    [
      'kind: SmtpConnector',
      'name: Paris to Internet 2',
      'administrativeGroup: First Administrative Group',
      'routingGroup: Paris',
      '',
      'general:',
      '  delivery: dns',
      '  localBridgeheads:',
      '    - server: PAR-EX01',
      '      virtualServer: Default SMTP Virtual Server',
      '',
      'addressSpace:',
      '  entries:',
      '    - type: SMTP',
      '      address: "*"',
      '      cost: 1',
      '',
    ].join('\n'),
  );
  one.removeFile('paris-to-internet.connector.yaml');
  one.setFile('new.connector.yaml', newText(item));
  assert.deepEqual(outcome(one, 'new.connector.yaml').inferred, []);
  assert.ok(!one.findings('new.connector.yaml').some((f) => f.severity === 'error'));
});

test('the routing-group snippet: a free name and server, the nearest administrative group first, the organization domain', () => {
  const ws = examples();
  const item = snippet(ws, 'europe/lyon/new.routinggroup.yaml', 'Routing group');
  assert.equal(
    newText(item),
    [
      'kind: RoutingGroup',
      'name: ${1:New Routing Group}',
      'administrativeGroup: ${2|Europe,North America|}',
      'servers:',
      '  - name: ${3:NEW-EX01}',
      '    fqdn: ${4:new-ex01.contoso.com}',
      '    version: "${5|2003,2000,5.5|}"',
      '$0',
    ].join('\n'),
  );
  ws.setFile('europe/lyon/new.routinggroup.yaml', (item.documentation as { value: string }).value);
  assert.deepEqual(outcome(ws, 'europe/lyon/new.routinggroup.yaml'), { loud: [], inferred: [] });
});

test('without routing groups the snippets keep their sample values', () => {
  const ws = new Workspace();
  assert.match(newText(snippet(ws, 'a.connector.yaml', 'SMTP connector')), /^name: \$\{1:Paris to Boston\}$/m);
  assert.match(newText(snippet(ws, 'a.routinggroup.yaml', 'Routing group')), /^name: \$\{1:Boston\}$/m);
});

test('names from the files are escaped in the snippet: as YAML, then as snippet text', () => {
  const group = (name: string, server: string) =>
    routingGroup(JSON.stringify(name), [{ name: JSON.stringify(server), fqdn: `${server.length}.contoso.com` }], '"Admin: {x}"');
  const ws = workspaceOf({ 'a.routinggroup.yaml': group('Pa$1ris}', 'EX,1|2'), 'b.routinggroup.yaml': group('Bos\\ton', 'B1') });
  const text = newText(snippet(ws, 'a.connector.yaml', 'SMTP connector'));
  // The YAML quotes the names where needed; the snippet escapes $, } and \ in placeholders and , | \ in choices.
  const lines = text.split('\n');
  for (const line of [
    'name: ${9:"Pa\\$1ris\\} to Bos\\\\\\\\ton"}',
    'administrativeGroup: ${2:"Admin: {x\\}"}',
    'routingGroup: ${1|"Pa$1ris}",Bos\\\\ton|}',
    '    - server: ${3:"EX,1|2"}',
  ])
    assert.ok(lines.includes(line), `${line} in\n${text}`);
});

test('with a placeholder selected, completion offers the values of the groups chosen so far', () => {
  const ws = examples();
  const uri = 'europe/paris/new.connector.yaml';
  const plain = newText(snippet(ws, uri, 'SMTP connector', PLAIN));
  // The person chose Boston as the routing group and Paris as the connected group: the server and smart host
  // placeholders still hold the first defaults, selected.
  const text = plain.replace('routingGroup: Paris', 'routingGroup: Boston').replace('  - routingGroup: Seattle', '  - routingGroup: Paris');
  ws.setFile(uri, text);
  const labels = (needle: string) =>
    completion(ws, uri, rangeOf(text, needle).end, SNIPPETS)
      .items.map((i) => i.label)
      .sort();
  assert.deepEqual(labels('PAR-EX01'), ['BOS-EX01', 'BOS-EX02']);
  assert.deepEqual(labels('sea-ex01.seattle.contoso.com'), ['par-ex01.paris.contoso.com', 'par-ex02.paris.contoso.com']);
  // The connected group's values leave out the routing group chosen for the connector.
  assert.deepEqual(labels('  - routingGroup: Paris'), ['Paris', 'Seattle']);
});
