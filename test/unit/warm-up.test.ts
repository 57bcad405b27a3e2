import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WARM_UP_DOCUMENTS, warmUp, warmUpNames } from '../../server/src/features/warmUp';
import { workspaceOf, routingGroup, connector } from '../helpers/workspace';
import { sampleDocument } from '../../server/src/features/warmUpSample';
import { readCaps } from '../../server/src/features/caps';
import { Workspace } from '../../server/src/engine/workspace';

// The server warms up completion and hover once, while idle (server.ts): the
// code a first request runs must be the code the warm-up ran, so the sample
// must reach the names, keys and values a request meets.

test('the warm-up runs completion and hover over its sample, one line per step, and they answer', () => {
  const caps = readCaps({
    textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } } },
  });
  const steps = warmUp(caps);
  let yielded = 0;
  let next = steps.next();
  while (!next.done) {
    yielded++;
    next = steps.next();
  }
  assert.equal(next.value.documents, WARM_UP_DOCUMENTS, 'the open path ran over every sample document');
  // The sample routing group and connector have some 25 lines, after the open path's steps of a few documents.
  assert.ok(yielded >= 20 + WARM_UP_DOCUMENTS / 8, `${yielded} steps`);
  assert.ok(next.value.completions >= yielded, JSON.stringify(next.value));
  assert.ok(next.value.hovers >= yielded, JSON.stringify(next.value));
});

test('a server that parsed as many documents already does not run the open path again', () => {
  const steps = warmUp(readCaps(undefined), WARM_UP_DOCUMENTS);
  let next = steps.next();
  while (!next.done) next = steps.next();
  assert.equal(next.value.documents, 0);
  assert.ok(next.value.completions > 0, 'completion and hover are warmed up all the same');
});

// The open's warm-up must run the code a real file's open runs: sample
// documents that parse, have a known kind and keep to the format, so that
// the rules read their values instead of stopping at a structural error.
test('the warm-up sample keeps to the format and meets the rules that read values', () => {
  const ws = new Workspace();
  const text = Array.from({ length: WARM_UP_DOCUMENTS }, (_, i) => sampleDocument(i)).join('---\n');
  ws.setFile('warm-up:/sample.connector.yaml', text);
  const docs = ws.file('warm-up:/sample.connector.yaml')!.documents;
  assert.equal(docs.length, WARM_UP_DOCUMENTS);
  const codes = new Set<string>(ws.findings('warm-up:/sample.connector.yaml').map((f) => f.code));
  for (const structural of [
    'yaml-syntax',
    'duplicate-key',
    'unknown-kind',
    'unknown-field',
    'missing-field',
    'invalid-type',
    'invalid-value',
  ])
    assert.ok(!codes.has(structural), `the sample has ${structural}`);
  // Single-document rules that read values found what the sample puts in on purpose.
  for (const code of ['dns-between-routing-groups', 'basic-auth-without-tls', 'helo-blocks-advanced']) assert.ok(codes.has(code), code);
  const kinds = new Set(docs.map((d) => d.doc.root?.get('kind')));
  assert.deepEqual([...kinds].sort(), ['RoutingGroup', 'SmtpConnector']);
});

test("the warm-up of the workspace's own names hovers its routing groups and servers, one per step", () => {
  const ws = workspaceOf({
    'paris.routinggroup.yaml': routingGroup('Paris', [
      { name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com' },
      { name: 'PAR-EX02', fqdn: 'par-ex02.paris.contoso.com' },
    ]),
    'boston.routinggroup.yaml': routingGroup('Boston', [{ name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com' }]),
    'links.connector.yaml': connector({ name: 'Link', from: 'Paris', to: ['Boston'], bridgehead: 'PAR-EX01' }),
  });
  const steps = warmUpNames(ws, readCaps({ textDocument: { hover: { contentFormat: ['markdown'] } } }));
  let yielded = 0;
  let next = steps.next();
  while (!next.done) {
    yielded++;
    next = steps.next();
  }
  // Two groups and three servers; a workspace with none hovers nothing.
  assert.equal(next.value, 5);
  assert.equal(yielded, 5);
  assert.equal(warmUpNames(new Workspace(), readCaps(undefined)).next().value, 0);
});
