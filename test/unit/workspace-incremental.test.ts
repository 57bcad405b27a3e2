import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOne, expectNone, rangeOf } from '../helpers/engine';
import { workspaceOf, routingGroup, connector } from '../helpers/workspace';
import { msg } from '../../server/src/rules/messages';
import { Workspace } from '../../server/src/engine/workspace';

const paris = routingGroup('Paris', [{ name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com' }]);
const boston = routingGroup('Boston', [{ name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com' }]);
const rome = routingGroup('Rome', [{ name: 'ROM-EX01', fqdn: 'rom-ex01.rome.contoso.com' }]);
const out = connector({
  name: 'Paris to Boston',
  from: 'Paris',
  to: ['Boston'],
  bridgehead: 'PAR-EX01',
  smartHosts: ['bos-ex01.boston.contoso.com'],
});
const back = connector({
  name: 'Boston to Paris',
  from: 'Boston',
  to: ['Paris'],
  bridgehead: 'BOS-EX01',
  smartHosts: ['par-ex01.paris.contoso.com'],
});
const romeLink = connector({
  name: 'Rome to Paris',
  from: 'Rome',
  to: ['Paris'],
  bridgehead: 'ROM-EX01',
  smartHosts: ['par-ex01.paris.contoso.com'],
});
const parisRome = connector({
  name: 'Paris to Rome',
  from: 'Paris',
  to: ['Rome'],
  bridgehead: 'PAR-EX01',
  smartHosts: ['rom-ex01.rome.contoso.com'],
});

function org(): Workspace {
  const ws = workspaceOf({
    'paris.routinggroup.yaml': paris,
    'boston.routinggroup.yaml': boston,
    'rome.routinggroup.yaml': rome,
    'out.connector.yaml': out,
    'back.connector.yaml': back,
    'rome.connector.yaml': romeLink,
    'paris-rome.connector.yaml': parisRome,
  });
  for (const uri of ws.uris()) ws.findings(uri);
  ws.takeAffected();
  return ws;
}

/** Checks every file again (as a client re-publishing all would) and returns how many documents the workspace rules ran on. */
function recheckAll(ws: Workspace): number {
  const before = ws.index.checks;
  for (const uri of ws.uris()) ws.findings(uri);
  return ws.index.checks - before;
}

test('deleting a file raises missing-reciprocal-connector in another; adding it back clears it; only dependents are checked again', () => {
  const ws = org();
  expectNone(ws.findings('out.connector.yaml'), 'missing-reciprocal-connector');
  ws.removeFile('back.connector.yaml');
  assert.deepEqual([...ws.lastAffected].sort(), ['back.connector.yaml', 'out.connector.yaml']);
  expectOne(ws.findings('out.connector.yaml'), {
    code: 'missing-reciprocal-connector',
    range: rangeOf(out, 'Boston', 1),
    message: msg.missingReciprocal('Boston', 'Paris'),
  });
  // Only the connector that reads Boston's connectors ran again.
  assert.equal(recheckAll(ws), 0);
  ws.setFile('back.connector.yaml', back);
  assert.deepEqual([...ws.lastAffected].sort(), ['back.connector.yaml', 'out.connector.yaml']);
  assert.equal(recheckAll(ws), 2);
  expectNone(ws.findings('out.connector.yaml'), 'missing-reciprocal-connector');
});

test('editing a routing group raises unknown-bridgehead in the connectors that live there, and nowhere else', () => {
  const ws = org();
  ws.setFile('paris.routinggroup.yaml', paris.replace('PAR-EX01', 'PAR-EX02').replace('par-ex01', 'par-ex02'));
  assert.deepEqual(ws.takeAffected().sort(), [
    'back.connector.yaml',
    'out.connector.yaml',
    'paris-rome.connector.yaml',
    'paris.routinggroup.yaml',
    'rome.connector.yaml',
  ]);
  // The group itself and the four connectors that name Paris; the Boston and Rome groups are not checked again.
  assert.equal(recheckAll(ws), 5);
  expectOne(ws.findings('out.connector.yaml'), {
    code: 'unknown-bridgehead',
    range: rangeOf(out, 'PAR-EX01'),
    message: msg.unknownBridgeheadServer('PAR-EX01', 'Paris'),
  });
  expectOne(ws.findings('paris-rome.connector.yaml'), {
    code: 'unknown-bridgehead',
    range: rangeOf(parisRome, 'PAR-EX01'),
    message: msg.unknownBridgeheadServer('PAR-EX01', 'Paris'),
  });
  expectNone(ws.findings('rome.connector.yaml'), 'unknown-bridgehead');
  // Rome's connector forwards to PAR-EX01, no longer a Paris server.
  expectOne(ws.findings('rome.connector.yaml'), {
    code: 'smart-host-not-exchange',
    range: rangeOf(romeLink, '"par-ex01.paris.contoso.com"'),
    message: msg.smartHostNotExchange('par-ex01.paris.contoso.com', ['Paris']),
  });
  ws.setFile('paris.routinggroup.yaml', paris);
  expectNone(ws.findings('out.connector.yaml'), 'unknown-bridgehead');
  expectNone(ws.findings('rome.connector.yaml'), 'smart-host-not-exchange');
});

test('an edit that changes nothing another document reads re-checks that document only', () => {
  const ws = org();
  ws.setFile('rome.routinggroup.yaml', rome + '# a comment\n');
  assert.deepEqual([...ws.lastAffected], ['rome.routinggroup.yaml']);
  assert.equal(recheckAll(ws), 1); // the Rome group alone: its facts are as they were
  // A line inserted inside a document moves its ranges, but facts hold no ranges (related information into it
  // is placed when published): nobody else looks again.
  ws.setFile('back.connector.yaml', back.replace('kind: SmtpConnector\n', 'kind: SmtpConnector\n# note\n'));
  assert.deepEqual([...ws.lastAffected].sort(), ['back.connector.yaml']);
  assert.equal(recheckAll(ws), 1);
});

test('after a quiet edit, related information into that document still follows it when it moves', () => {
  const ws = org();
  const dup = connector({
    name: 'paris to boston',
    from: 'Paris',
    to: ['Boston'],
    bridgehead: 'PAR-EX01',
    smartHosts: ['bos-ex01.boston.contoso.com'],
  });
  let text = '# first\n' + 'kind: Organization\nname: Contoso\n---\n' + dup + '---\n' + back;
  ws.setFile('back.connector.yaml', text);
  const related = () =>
    expectOne(ws.findings('out.connector.yaml'), {
      code: 'duplicate-name',
      range: rangeOf(out, 'Paris to Boston'),
      message: msg.duplicateConnector('Paris to Boston', 'Paris'),
    }).related![0];
  assert.deepEqual(related().range, rangeOf(text, 'paris to boston'));
  // Quiet: a comment at the end of the duplicate's document.
  text = text.replace(dup, dup + '# reviewed\n');
  ws.setFile('back.connector.yaml', text);
  assert.deepEqual([...ws.lastAffected], ['back.connector.yaml']);
  // The document above grows at its end (quiet too): the duplicate moves down without changing,
  // and out.connector.yaml is not checked again, so its cached finding must follow the move.
  text = text.replace('name: Contoso\n', 'name: Contoso\n# second\n# third\n');
  ws.setFile('back.connector.yaml', text);
  assert.deepEqual([...ws.lastAffected], ['back.connector.yaml']);
  let checks = ws.index.checks;
  assert.deepEqual(related().range, rangeOf(text, 'paris to boston'));
  assert.equal(ws.index.checks, checks);
  // Lines inserted inside the duplicate's document, above its name: quiet as well, and the related range follows.
  text = text.replace(dup, dup.replace('kind: SmtpConnector\n', 'kind: SmtpConnector\n# one\n# two\n'));
  ws.setFile('back.connector.yaml', text);
  assert.deepEqual([...ws.lastAffected], ['back.connector.yaml']);
  related();
  checks = ws.index.checks;
  assert.deepEqual(related().range, rangeOf(text, 'paris to boston'));
  assert.equal(ws.index.checks, checks);
});

test('adding a second document to a file, above the others, keeps their findings and moves them down', () => {
  const ws = org();
  const dup = connector({
    name: 'paris to boston',
    from: 'Paris',
    to: ['Boston'],
    bridgehead: 'PAR-EX01',
    smartHosts: ['bos-ex01.boston.contoso.com'],
  });
  const text = dup + '---\n' + back;
  ws.setFile('back.connector.yaml', text);
  // back.connector.yaml sorts before out.connector.yaml: the new document is the first of that name.
  const f = expectOne(ws.findings('out.connector.yaml'), {
    code: 'duplicate-name',
    range: rangeOf(out, 'Paris to Boston'),
    message: msg.duplicateConnector('Paris to Boston', 'Paris'),
  });
  assert.deepEqual(f.related![0], { uri: 'back.connector.yaml', range: rangeOf(text, 'paris to boston'), message: msg.duplicateNameFirst });
  ws.setFile('back.connector.yaml', '# header\n' + text);
  const g = expectOne(ws.findings('out.connector.yaml'), {
    code: 'duplicate-name',
    range: rangeOf(out, 'Paris to Boston'),
    message: msg.duplicateConnector('Paris to Boston', 'Paris'),
  });
  assert.deepEqual(g.related![0].range, rangeOf('# header\n' + text, 'paris to boston'));
});

test('the routing-group count flipping re-checks the connectors that depend on it', () => {
  const ws = workspaceOf({ 'a.connector.yaml': out });
  expectNone(ws.findings('a.connector.yaml'), 'unknown-routing-group');
  ws.setFile('paris.routinggroup.yaml', paris);
  assert.ok(ws.lastAffected.has('a.connector.yaml'));
  expectOne(ws.findings('a.connector.yaml'), {
    code: 'unknown-routing-group',
    range: rangeOf(out, 'Boston', 1),
    message: msg.unknownRoutingGroup('Boston'),
  });
  expectOne(ws.findings('paris.routinggroup.yaml'), {
    code: 'single-routing-group',
    range: rangeOf(paris, 'Paris'),
    message: msg.singleRoutingGroup(1),
  });
  ws.setFile('boston.routinggroup.yaml', boston);
  expectNone(ws.findings('a.connector.yaml'), 'unknown-routing-group');
  expectNone(ws.findings('paris.routinggroup.yaml'), 'single-routing-group');
  ws.removeFile('paris.routinggroup.yaml');
  ws.removeFile('boston.routinggroup.yaml');
  expectNone(ws.findings('a.connector.yaml'), 'unknown-routing-group');
});

test('a connector edit that the connectors reading its group cannot see (a size limit) re-checks it alone; a changed bridgehead or link re-checks them', () => {
  const ws = org();
  const fresh = (files: Record<string, string>) => {
    const f = workspaceOf({ ...Object.fromEntries(ws.uris().map((u) => [u, ws.file(u)!.text])), ...files });
    for (const uri of f.uris()) assert.deepEqual(ws.findings(uri), f.findings(uri), uri);
  };
  // Boston to Paris and Rome to Paris read which connectors live in Paris; a size limit is none of their business.
  const limited = `${out}contentRestrictions:\n  maxMessageSizeKB: 2048\n`;
  ws.setFile('out.connector.yaml', limited);
  assert.deepEqual([...ws.lastAffected], ['out.connector.yaml']);
  assert.equal(recheckAll(ws), 1);
  fresh({});
  // Its bridgehead is what Boston to Paris suggests as a smart host: Boston to Paris looks again.
  ws.setFile('out.connector.yaml', limited.replace('server: PAR-EX01', 'server: PAR-EX02'));
  assert.deepEqual([...ws.lastAffected].sort(), ['back.connector.yaml', 'out.connector.yaml', 'rome.connector.yaml']);
  fresh({});
  // Paris to Boston now goes to Rome: Boston to Paris has no connector back.
  ws.setFile('out.connector.yaml', limited.replace('routingGroup: Boston', 'routingGroup: Rome'));
  expectOne(ws.findings('back.connector.yaml'), {
    code: 'missing-reciprocal-connector',
    range: rangeOf(back, 'Paris', 1),
    message: msg.missingReciprocal('Paris', 'Boston'),
  });
  fresh({});
});

test('two documents swapped by one edit keep their parses and entries, and the first of a name is still the earlier one', () => {
  // Two connectors of one name: the later one in the file is the duplicate.
  const a = connector({ name: 'Dup', from: 'Paris', to: ['Boston'], bridgehead: 'PAR-EX01' });
  const b = connector({ name: 'Dup', from: 'Paris', to: ['Rome'], bridgehead: 'PAR-EX01' });
  const head = `${paris}---\n`;
  const tail = `---\n${connector({ name: 'Other', from: 'Paris', to: ['Boston'], bridgehead: 'PAR-EX01' })}`;
  const uri = 'file:///w/links.connector.yaml';
  const ws = new Workspace();
  ws.setFile('file:///w/boston.routinggroup.yaml', boston);
  ws.setFile('file:///w/rome.routinggroup.yaml', rome);
  ws.setFile(uri, `${head}${a}---\n${b}${tail}`);
  ws.findings(uri);
  // One edit that swaps them: the same texts come back, in the other order (model/parse.ts parses a text once).
  const swapped = `${head}${b}---\n${a}${tail}`;
  ws.setFile(uri, swapped, { start: head.length, end: swapped.length - tail.length });
  const fresh = new Workspace();
  fresh.setFile('file:///w/boston.routinggroup.yaml', boston);
  fresh.setFile('file:///w/rome.routinggroup.yaml', rome);
  fresh.setFile(uri, swapped);
  const dup = (w: Workspace) => w.findings(uri).filter((f) => f.code === 'duplicate-name');
  assert.equal(dup(fresh).length, 1);
  assert.deepEqual(dup(ws), dup(fresh));
  // Reported on the later one: the connector to Boston, now second.
  assert.ok(dup(ws)[0].range.start.line > swapped.slice(0, swapped.indexOf('routingGroup: Rome')).split('\n').length);
});
