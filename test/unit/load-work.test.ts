import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/engine/workspace';
import { FILE_KEY_NAMES, fileKeysWorkedOut, keys } from '../../server/src/workspace/keys';
import { generateOrganization } from '../../bench/workspace-gen';

// What loading a workspace works out once instead of per document (docs/language-server.md, "Loading a workspace
// (seventh session)"): counted, not timed.

function load(groups: number): Workspace {
  const ws = new Workspace();
  for (const [path, text] of generateOrganization(groups)) ws.setFile(`file:///ws/${path}`, text);
  for (const uri of ws.uris()) ws.findings(uri);
  return ws;
}

test('the keys of files named after routing groups are worked out once per name or pair of names', () => {
  const groups = 40;
  const before = fileKeysWorkedOut();
  const ws = load(groups);
  const first = fileKeysWorkedOut() - before;
  const connectors = ws.index.connectors.size;
  // Every group's own file, and the reciprocal file of each connector's links: at most one key per group and per connector.
  assert.ok(first > 0 && first <= groups + connectors, `${first} keys for ${groups} groups and ${connectors} connectors`);
  load(groups);
  assert.equal(fileKeysWorkedOut() - before, first, 'the same names again: no key worked out again');
  assert.equal(keys.groupFile('Boston RG'), 'file:boston-rg.routinggroup.yaml');
  assert.equal(keys.connectorFile('Boston', 'New York'), 'file:boston-to-new-york.connector.yaml');
});

test('the file keys kept are bounded by their number, pairs of one name included', () => {
  keys.connectorFile('Bound', 'To 0');
  const first = fileKeysWorkedOut();
  keys.connectorFile('Bound', 'To 0');
  assert.equal(fileKeysWorkedOut(), first, 'kept');
  // Pairs with one first name, as names typed in a long session make: the cache starts again once it holds the bound.
  for (let i = 1; i <= FILE_KEY_NAMES; i++) keys.connectorFile('Bound', `To ${i}`);
  const filled = fileKeysWorkedOut();
  keys.connectorFile('Bound', 'To 0');
  assert.equal(fileKeysWorkedOut(), filled + 1, 'worked out again: no longer kept');
});

test('a document with nothing to report has its ignore comments read only when it reports something', () => {
  const ws = load(10);
  let clean = 0;
  for (const uri of ws.uris())
    for (const fd of ws.file(uri)!.documents) {
      const reported = ws.findings(uri).length > 0;
      if (!reported) clean++;
      assert.equal(fd.doc.cache.has('suppressions'), reported, uri);
    }
  assert.ok(clean > 0);
  const uri = ws.uris()[0];
  ws.setFile(uri, `# exconn-disable\n${ws.file(uri)!.text}\nbogusKey: 1\n`);
  assert.deepEqual(ws.findings(uri), [], 'an ignore comment still silences what the document reports');
  assert.ok(ws.file(uri)!.documents[0].doc.cache.has('suppressions'));
});

test("a second load after a first whose reads are still pending: what it adds re-checks the first one's checked files", () => {
  const files = [...generateOrganization(3)];
  const group = files.find(([path]) => path.endsWith('.routinggroup.yaml'))!;
  const ws = new Workspace();
  ws.index.deferReads = true;
  for (const [path, text] of files) if (path !== group[0]) ws.setFile(`file:///ws/${path}`, text);
  ws.index.deferReads = false;
  const unknown = () => ws.uris().filter((u) => ws.findings(u).some((f) => f.code === 'unknown-routing-group'));
  const before = unknown();
  assert.ok(before.length > 0, 'connectors name the group not loaded yet');
  ws.takeAffected();
  // A folder added before any change or idle step: the group comes in a load of its own.
  ws.index.deferReads = true;
  ws.setFile(`file:///ws/${group[0]}`, group[1]);
  ws.index.deferReads = false;
  const affected = ws.takeAffected();
  for (const uri of before) assert.ok(affected.includes(uri), `${uri} is checked again`);
  assert.deepEqual(unknown(), []);
});

test('a load with its reads deferred works out no changed keys while nobody reads any; a change after it does', () => {
  const ws = new Workspace();
  ws.index.deferReads = true;
  const files = [...generateOrganization(5)];
  for (const [path, text] of files) ws.setFile(`file:///ws/${path}`, text);
  assert.equal(ws.index.readerSearches, 0, 'no reader to look for');
  // A document checked during the load reads keys: from then on the updates look for readers.
  ws.findings(`file:///ws/${files[0][0]}`);
  ws.setFile('file:///ws/extra.connector.yaml', files[1][1].replace(/name: .*/, 'name: Extra'));
  assert.equal(ws.index.readerSearches, 1);
  ws.index.deferReads = false;
  for (const uri of ws.uris()) ws.findings(uri);
  const searches = ws.index.readerSearches;
  const [path, text] = files.find(([p]) => p.endsWith('.routinggroup.yaml'))!;
  ws.setFile(`file:///ws/${path}`, text.replace(/-EX0[12]/g, '-EX09'));
  assert.equal(ws.index.readerSearches, searches + 1);
  assert.ok(ws.takeAffected().length > 1, 'the change re-checks its readers');
});

test('a change after a load links the reads of the documents checked so far, not of every loaded one', () => {
  const ws = new Workspace();
  const files = [...generateOrganization(5)];
  ws.index.deferReads = true;
  for (const [path, text] of files) ws.setFile(`file:///ws/${path}`, text);
  ws.index.deferReads = false;
  const [checkedPath, text] = files[0];
  ws.findings(`file:///ws/${checkedPath}`);
  ws.setFile(`file:///ws/${checkedPath}`, `${text}\n`);
  assert.equal(ws.index.readsDeferred, 1, 'the checked document only');
  // Documents read into the index outside the loader's files are not deferred.
  ws.setFile('file:///ws/opened.connector.yaml', files[1][1].replace(/name: .*/, 'name: Opened'));
  assert.equal(ws.index.linkReads(Infinity), true);
  assert.equal(ws.index.readsDeferred, files.length, 'every loaded document once, the opened one never');
});
