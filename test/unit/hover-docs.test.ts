import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../server/src/features/hover';
import { readCaps } from '../../server/src/features/caps';
import { workspaceOf } from '../helpers/workspace';
import { rangeOf } from '../helpers/engine';

/** Issue 10's hover corrections: what each hover says, read from the real hover on a real document. */

const PLAIN = readCaps(undefined);
const connector = [
  'kind: SmtpConnector',
  'name: Paris Internet',
  'administrativeGroup: Europe',
  'routingGroup: Paris',
  'general:',
  '  delivery: smartHost',
  '  smartHosts:',
  '    - relay.isp.example.net',
  '    - "[203.0.113.50]"   # the ISP relay by address',
  "    - '[10.1.0.10]'",
  '  localBridgeheads:',
  '    - server: PAR-EX01',
  'addressSpace:',
  '  entries:',
  '    - type: SMTP',
  '      address: "*"',
  '  scope: routingGroup',
  '  allowRelay: false',
  'deliveryOptions:',
  '  connectionTime: always',
  '  oversize:',
  '    thresholdKB: 2000',
  'advanced:',
  '  etrnTurn:',
  '    request: fromDifferentServer',
  '    server: "[203.0.113.50]"',
  '    connectionTime: always',
  '',
].join('\n');
const group = [
  'kind: RoutingGroup',
  'name: Paris',
  'administrativeGroup: Europe',
  'servers:',
  '  - name: PAR-EX01',
  '    fqdn: par-ex01.paris.contoso.com',
  '    ip: 10.1.0.10',
  '',
].join('\n');
const ws = workspaceOf({ 'c.connector.yaml': connector, 'paris.routinggroup.yaml': group });

/** The hover at the start of the nth occurrence of `needle`, moved `into` characters in. */
function at(needle: string, nth = 0, into = 1): Hover {
  const p = rangeOf(connector, needle, nth).start;
  const h = hover(ws, 'c.connector.yaml', { line: p.line, character: p.character + into }, PLAIN);
  assert.ok(h, `a hover on ${needle}`);
  return h;
}
const text = (h: Hover) => (h.contents as MarkupContent).value;

test('thresholdKB: oversize means greater than the threshold', () => {
  assert.match(text(at('thresholdKB')), /greater than/);
});

test("etrnTurn's connectionTime belongs to the Advanced tab, and its values say when the request is made, not that the connector sends", () => {
  const key = text(at('connectionTime', 1));
  assert.match(key, /Advanced tab/);
  assert.doesNotMatch(key, /Delivery Options tab — /);
  const value = text(at('always', 1));
  assert.doesNotMatch(value, /the connector sends/);
  assert.match(value, /request/);
  // The Delivery Options tab's own connection time still says when the connector sends.
  assert.match(text(at('always', 0)), /the connector sends/);
});

test('a quoted IP literal in a block list gets the hover a host name gets, on the literal inside the quotes', () => {
  const name = at('relay.isp.example.net', 0, 3);
  const literal = at('[203.0.113.50]', 0, 3);
  assert.equal(text(literal), text(name));
  assert.deepEqual(literal.range, rangeOf(connector, '[203.0.113.50]'));
  // A server's address says which server it is, as a host name of a server does.
  const server = at('[10.1.0.10]', 0, 3);
  assert.match(text(server), /^Server PAR-EX01 of routing group Paris\n\n/);
  assert.deepEqual(server.range, rangeOf(connector, '[10.1.0.10]'));
  // The ETRN server's quoted literal too.
  assert.match(text(at('[203.0.113.50]', 1, 3)), /request ETRN\/TURN from/);
});

test("address: the wildcard as Exchange 2003 reads it (KB 244986); scope: hop-by-hop re-routing; allowRelay: warns about '*'", () => {
  const address = text(at('address: '));
  assert.match(address, /lab\.\*\.contoso\.com is \*\.contoso\.com \(KB 244986\)/);
  const scope = text(at('scope'));
  assert.match(scope, /hop by hop, KB 811706/);
  const relay = text(at('allowRelay'));
  assert.match(relay, /Never with \*/);
  assert.match(relay, /open relay/);
});
