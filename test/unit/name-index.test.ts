import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/engine/workspace';
import { hover, HOVER_LIST_LIMIT } from '../../server/src/features/hover';
import { readCaps } from '../../server/src/features/caps';
import { rgId, serverId } from '../../server/src/workspace/occurrences';
import { NameIndex, sorted } from '../../server/src/workspace/nameIndex';
import { workspaceOf, routingGroup, connector } from '../helpers/workspace';

const paris = routingGroup('Paris', [{ name: 'PAR-EX01', fqdn: 'par-ex01.paris.contoso.com' }]);
const boston = routingGroup('Boston', [{ name: 'BOS-EX01', fqdn: 'bos-ex01.boston.contoso.com' }]);
const link = (n: number, from = 'Paris', to = 'Boston') =>
  connector({
    name: `Link ${n}`,
    from,
    to: [to],
    bridgehead: from === 'Paris' ? 'PAR-EX01' : 'BOS-EX01',
    smartHosts: ['bos-ex01.boston.contoso.com'],
  });

/** Everything the features can ask of a name index, as plain data. */
function snapshot(ws: Workspace): unknown {
  const n = ws.index.names;
  const place = (e: { uri: string; line: number }) => `${e.uri}:${e.line}`;
  return {
    groups: sorted(n.routingGroups).map(place),
    connectors: sorted(n.connectors).map(place),
    admins: n.adminGroups().sort(),
    paris: n.occurrencesOf(rgId('First Administrative Group', 'Paris')).map((o) => `${o.uri}:${o.range.start.line}:${o.definition}`),
    boston: n.occurrencesOf(rgId('First Administrative Group', 'Boston')).map((o) => `${o.uri}:${o.range.start.line}:${o.definition}`),
    parServer: n.occurrencesOf(serverId('PAR-EX01')).map((o) => `${o.uri}:${o.range.start.line}`),
    inParis: n.connectorsIn('Paris', 'First Administrative Group').entries.map(place),
    intoParis: n.connectorsInto('Paris', 'First Administrative Group').entries.map(place),
    intoBoston: n.connectorsInto('Boston', 'First Administrative Group').entries.map(place),
    bridgeheadPar: n.bridgeheadOf('PAR-EX01').entries.map(place),
    smartHostBos: n.smartHostOf(['bos-ex01.boston.contoso.com', 'PAR-EX01.paris.contoso.com']).entries.map(place),
    findServer: n.findServer('bos-ex01')?.group.uri,
    findHost: n.findHost('PAR-EX01.paris.contoso.com.')?.server.name?.value,
    parisToBoston: n.links('First Administrative Group', 'Paris', 'first administrative group', 'BOSTON'),
    bostonToParis: n.links('First Administrative Group', 'Boston', 'First Administrative Group', 'Paris'),
    link1: n.hasConnectorNamed('LINK 1'),
    link2: n.hasConnectorNamed('Link 2'),
    bostonToParisCost: n.firstLink('First Administrative Group', 'Boston', 'First Administrative Group', 'Paris')?.cost,
  };
}

test('each workspace owns its name index: a name in one is not in another', () => {
  const a = workspaceOf({ 'paris.routinggroup.yaml': paris });
  const b = workspaceOf({ 'boston.routinggroup.yaml': boston });
  assert.ok(a.index.names.findGroup('Paris'));
  assert.equal(a.index.names.findGroup('Boston'), undefined);
  assert.ok(b.index.names.findGroup('Boston'));
  assert.equal(b.index.names.findGroup('Paris'), undefined);
});

test('the name index follows edits, moves and removals as a fresh workspace would see them', () => {
  const files: Record<string, string> = {
    'paris.routinggroup.yaml': paris,
    'boston.routinggroup.yaml': boston,
    'links.connector.yaml': [link(1), link(2), link(3, 'Boston', 'Paris')].join('---\n'),
  };
  const ws = workspaceOf(files);
  const steps: [string, string | undefined][] = [
    ['links.connector.yaml', `# moved down\n\n${files['links.connector.yaml']}`],
    ['boston.routinggroup.yaml', boston.replace('BOS-EX01', 'PAR-EX01')],
    ['paris.routinggroup.yaml', undefined],
    ['links.connector.yaml', [link(1), link(3, 'Boston', 'Paris')].join('---\n')],
    ['paris.routinggroup.yaml', paris.replace('Paris', 'paris')],
    ['boston.routinggroup.yaml', boston],
    // An administrative group first written otherwise, then gone again: the spelling follows the first in file order.
    [
      'a.connector.yaml',
      link(4).replace('administrativeGroup: First Administrative Group', 'administrativeGroup: FIRST administrative group'),
    ],
    ['a.connector.yaml', undefined],
  ];
  const now = { ...files };
  for (const [uri, text] of steps) {
    if (text === undefined) {
      ws.removeFile(uri);
      delete now[uri];
    } else {
      ws.setFile(uri, text);
      now[uri] = text;
    }
    const fresh = new Workspace();
    for (const u of ws.uris()) fresh.setFile(u, now[u]);
    assert.deepEqual(snapshot(ws), snapshot(fresh), `after setting ${uri}`);
  }
});

test('built a document per step while the files change between steps, the name index answers as one built at once', () => {
  const files: Record<string, string> = {
    'paris.routinggroup.yaml': paris,
    'boston.routinggroup.yaml': boston,
    'links.connector.yaml': [link(1), link(2), link(3, 'Boston', 'Paris')].join('---\n'),
    'more.connector.yaml': [link(5), link(6, 'Boston', 'Paris')].join('---\n'),
  };
  const changes: [string, string | undefined][] = [
    ['links.connector.yaml', [link(1), link(3, 'Boston', 'Paris')].join('---\n')],
    ['paris.routinggroup.yaml', undefined],
    ['new.connector.yaml', link(7, 'Boston', 'Paris')],
    ['more.connector.yaml', undefined],
    ['paris.routinggroup.yaml', paris.replace('PAR-EX01', 'PAR-EX02')],
    ['links.connector.yaml', `# moved down\n\n${link(8)}`],
  ];
  // After each number of changes, made one per step of the build, until the build is done.
  for (let k = 0; k <= changes.length; k++) {
    const ws = workspaceOf(files);
    const now = { ...files };
    let steps = 0;
    let done = false;
    for (let i = 0; !done || i < k; i++) {
      if (!done) {
        done = ws.index.buildNames(1);
        steps++;
      }
      if (i < k) {
        const [uri, text] = changes[i];
        if (text === undefined) {
          ws.removeFile(uri);
          delete now[uri];
        } else {
          ws.setFile(uri, text);
          now[uri] = text;
        }
      }
    }
    assert.ok(steps > 1, 'built in more than one step');
    const fresh = new Workspace();
    for (const u of ws.uris()) fresh.setFile(u, now[u]);
    assert.deepEqual(snapshot(ws), snapshot(fresh), `after ${k} change(s)`);
  }
});

test('setting files builds no name index: the first feature to ask builds it, edits then update it one document at a time', (t) => {
  let added = 0;
  const add = NameIndex.prototype.add;
  t.mock.method(NameIndex.prototype, 'add', function (this: NameIndex, ...args: Parameters<NameIndex['add']>) {
    added++;
    return add.apply(this, args);
  });
  const links = [link(1), link(2), link(3, 'Boston', 'Paris')].join('---\n');
  const ws = workspaceOf({ 'paris.routinggroup.yaml': paris, 'boston.routinggroup.yaml': boston, 'links.connector.yaml': links });
  for (const uri of ws.uris()) ws.findings(uri);
  assert.equal(added, 0, 'checking the files reads no name');
  assert.ok(ws.index.names.findGroup('Paris'));
  assert.equal(added, 5, 'every document, once');
  void ws.index.names;
  assert.equal(added, 5, 'built once');
  ws.setFile('links.connector.yaml', links.replace('Link 2', 'Link 22'));
  assert.equal(added, 6, 'the edited document again');
  assert.equal(ws.index.names.hasConnectorNamed('Link 22'), true);
});

test('a routing group hover lists its first connectors in file order and counts the rest', () => {
  const total = HOVER_LIST_LIMIT + 5;
  const texts = Array.from({ length: total }, (_, i) => link(total - i));
  const ws = workspaceOf({
    'paris.routinggroup.yaml': paris,
    'boston.routinggroup.yaml': boston,
    'links.connector.yaml': texts.join('---\n'),
  });
  const h = hover(ws, 'paris.routinggroup.yaml', { line: 1, character: 7 }, readCaps(undefined));
  const value = (h?.contents as { value: string }).value;
  const listed = value.split('\n').filter((l) => /^ {2}Link \d+/.test(l));
  assert.equal(listed.length, HOVER_LIST_LIMIT);
  assert.equal(listed[0].trim().split(' →')[0], `Link ${total}`);
  assert.ok(value.includes(`…and 5 more`), value);
});
