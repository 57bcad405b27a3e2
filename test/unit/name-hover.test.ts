import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../server/src/features/hover';
import { HOVER_LIST_LIMIT } from '../../server/src/features/nameHover';
import { readCaps } from '../../server/src/features/caps';
import type { CheckOptions } from '../../server/src/engine/workspace';
import { workspaceOf } from '../helpers/workspace';
import { rangeOf } from '../helpers/engine';
import { msg } from '../../server/src/rules/messages';
import { hostProblem } from '../../server/src/model/hostname';
import { mdText } from '../../server/src/features/markdown';

/** Issue 13 item 6: a name's hover shows the object it stands for. */

const MARKDOWN = readCaps({ textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } });
const PLAIN = readCaps(undefined);

const files: Record<string, string> = {
  'paris.routinggroup.yaml': [
    'kind: RoutingGroup',
    'name: Paris',
    'administrativeGroup: Europe',
    'servers:',
    '  - name: PAR-EX01',
    '    fqdn: par-ex01.paris.contoso.com',
    '    ip: 10.1.0.10',
    '  - name: PAR-EX02',
    '    fqdn: par ex02.paris.contoso.com',
    '    version: "2000"',
    '',
  ].join('\n'),
  'boston.routinggroup.yaml': [
    'kind: RoutingGroup',
    'name: Boston',
    'administrativeGroup: North America',
    'servers:',
    '  - name: BOS-EX01',
    '    fqdn: bos-ex01.boston.contoso.com',
    '',
  ].join('\n'),
  'paris-to-boston.connector.yaml': [
    'kind: SmtpConnector',
    'name: Paris to Boston',
    'administrativeGroup: Europe',
    'routingGroup: Paris',
    'general:',
    '  delivery: smartHost',
    '  smartHosts: [bos-ex01.boston.contoso.com]',
    '  localBridgeheads:',
    '    - server: PAR-EX01',
    'connectedRoutingGroups:',
    '  - routingGroup: Boston',
    '    administrativeGroup: North America',
    '    cost: 10',
    '',
  ].join('\n'),
  'paris-internet.connector.yaml': [
    'kind: SmtpConnector',
    'name: Paris Internet',
    'administrativeGroup: Europe',
    'routingGroup: Paris',
    'general:',
    '  localBridgeheads:',
    '    - server: PAR-EX02',
    'addressSpace:',
    '  entries:',
    '    - { type: SMTP, address: "*", cost: 2 }',
    '',
  ].join('\n'),
  'boston-to-paris.connector.yaml': [
    'kind: SmtpConnector',
    'name: Boston to Paris',
    'administrativeGroup: North America',
    'routingGroup: Boston',
    'general:',
    '  delivery: smartHost',
    '  smartHosts: ["[10.1.0.10]"]',
    '  localBridgeheads:',
    '    - server: BOS-EX01',
    'connectedRoutingGroups:',
    '  - routingGroup: Paris',
    '    administrativeGroup: Europe',
    '    cost: 5',
    '',
  ].join('\n'),
};

function hoverText(ws: ReturnType<typeof workspaceOf>, uri: string, needle: string, md = true, options: CheckOptions = {}): string {
  const h = hover(ws, uri, rangeOf(ws.file(uri)!.text, needle).start, md ? MARKDOWN : PLAIN, () => options);
  assert.ok(h, `a hover on ${needle}`);
  return (h.contents as MarkupContent).value;
}

test("a routing group's hover: its servers, connectors out and in with costs, and the problems of its definition", () => {
  const ws = workspaceOf(files);
  assert.equal(
    hoverText(ws, 'paris-to-boston.connector.yaml', 'Paris\n'),
    [
      'Routing group **Paris** in Europe',
      'Servers:\n- PAR-EX01 (par-ex01.paris.contoso.com), Exchange 2003\n- PAR-EX02 (par ex02.paris.contoso.com), Exchange 2000',
      'Connectors out:\n- Paris Internet → \\* (cost 2)\n- Paris to Boston → Boston (cost 10)',
      'Connectors in:\n- Boston to Paris from Boston (cost 5)',
      `Problems:\n- error host-invalid: ${mdText(msg.hostInvalid('par ex02.paris.contoso.com', hostProblem('par ex02.paris.contoso.com')))}`,
    ].join('\n\n'),
  );
});

test("a routing group's problems follow the rules setting", () => {
  const ws = workspaceOf(files);
  const text = hoverText(ws, 'paris.routinggroup.yaml', 'Paris', true, { rules: { 'host-invalid': 'off' } });
  assert.match(text, /\n\nNo problems\.$/);
});

test("a server's hover: FQDN, IP, version, virtual servers, and the connectors that use it as bridgehead or smart host", () => {
  const ws = workspaceOf(files);
  assert.equal(
    hoverText(ws, 'paris-to-boston.connector.yaml', 'PAR-EX01', false),
    [
      'Server PAR-EX01 in routing group Paris',
      'FQDN: par-ex01.paris.contoso.com',
      'IP: 10.1.0.10',
      'Exchange 2003',
      'SMTP virtual servers:\n  Default SMTP Virtual Server',
      'Bridgehead of:\n  Paris to Boston',
      // The smart host [10.1.0.10] is the server's address in brackets: the same host.
      'Smart host of:\n  Boston to Paris',
    ].join('\n\n'),
  );
  assert.match(
    hoverText(ws, 'boston.routinggroup.yaml', 'BOS-EX01', false),
    /Bridgehead of:\n {2}Boston to Paris\n\nSmart host of:\n {2}Paris to Boston$/,
  );
  assert.match(
    hoverText(ws, 'paris.routinggroup.yaml', 'PAR-EX02', false),
    /Bridgehead of:\n {2}Paris Internet\n\nSmart host of no connector\.$/,
  );
});

test('smart hosts of a connector that delivers by DNS are not counted', () => {
  const ws = workspaceOf({
    ...files,
    'boston-to-paris.connector.yaml': files['boston-to-paris.connector.yaml'].replace('delivery: smartHost', 'delivery: dns'),
  });
  assert.match(hoverText(ws, 'paris.routinggroup.yaml', 'PAR-EX01', false), /\n\nSmart host of no connector\.$/);
});

test('connectors in are listed up to the limit, then counted', () => {
  const many: Record<string, string> = { ...files };
  const total = HOVER_LIST_LIMIT + 3;
  for (let i = 0; i < total; i++)
    many[`in-${String(i).padStart(2, '0')}.connector.yaml`] = files['boston-to-paris.connector.yaml'].replace(
      'Boston to Paris',
      `Link ${String(i).padStart(2, '0')}`,
    );
  const text = hoverText(workspaceOf(many), 'paris.routinggroup.yaml', 'Paris', false);
  const section = text.split('\n\n').find((p) => p.startsWith('Connectors in:'))!;
  const lines = section.split('\n').slice(1);
  assert.equal(lines.length, HOVER_LIST_LIMIT + 1);
  assert.equal(lines[0], '  Boston to Paris from Boston (cost 5)');
  // Boston to Paris and the 23 links: 24 in all.
  assert.equal(lines.at(-1), '  …and 4 more');
});

test('names in a hover are text: Markdown in a connector name or a message is escaped', () => {
  const ws = workspaceOf({
    ...files,
    'boston-to-paris.connector.yaml': files['boston-to-paris.connector.yaml'].replace('name: Boston to Paris', 'name: "[x](command:evil)"'),
  });
  const text = hoverText(ws, 'paris.routinggroup.yaml', 'Paris');
  assert.ok(text.includes('- \\[x\\]\\(command\\:evil\\) from Boston (cost 5)'), text);
  assert.ok(!text.includes('[x](command:evil)'), text);
});

test("a routing group's problems are those of the last check: a hover runs no pending check, of its document or of any other", () => {
  // The routing group shares its file with a connector: both wait for their workspace findings after the change below.
  const uri = 'paris.routinggroup.yaml';
  const ws = workspaceOf({ ...files, [uri]: `${files[uri]}---\n${files['paris-internet.connector.yaml']}` });
  for (const u of ws.uris()) ws.findings(u);
  // A second PAR-EX01 elsewhere: Paris's duplicate-name finding is due, at its next check.
  ws.setFile('lyon.routinggroup.yaml', files[uri].replace('name: Paris', 'name: Lyon'));
  assert.ok(ws.workspacePending(uri));
  const checks = ws.index.checks;
  const before = hoverText(ws, 'paris-to-boston.connector.yaml', 'Paris\n', false);
  assert.equal(ws.index.checks, checks, 'no workspace rule ran for the hover');
  assert.match(before, /\n\nProblems:\n {2}error host-invalid: [^\n]*$/);

  // Once checked, the hover lists what the check found.
  ws.findings(uri);
  const after = hoverText(ws, 'paris-to-boston.connector.yaml', 'Paris\n', false);
  assert.match(after, /\n\nProblems:\n {2}error duplicate-name: /);
});
