import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importLdif } from '../../server/src/import';
import { compareDrift, type DriftFile } from '../../server/src/import/drift';
import { fixture } from '../helpers/paths';

const exportBytes = () => readFileSync(fixture('import', 'contoso.ldf'));
const imported = (offsetMinutes = 60): DriftFile[] =>
  importLdif(exportBytes(), { offsetMinutes }).files.map((f) => ({ path: f.path, text: f.text }));
const edit = (files: DriftFile[], pathPart: string, from: string | RegExp, to: string): DriftFile[] =>
  files.map((f) => {
    if (!f.path.includes(pathPart)) return f;
    const text = f.text.replace(from, to);
    assert.notEqual(text, f.text, `the edit of ${pathPart} changed nothing`);
    return { ...f, text };
  });

test('drift: nothing right after an import, at the offset the import recorded', () => {
  const r = compareDrift(exportBytes(), imported());
  assert.deepEqual(r.entries, []);
  assert.deepEqual(r.problems, []);
  assert.equal(r.offsetMinutes, 60);
  assert.equal(r.compared, imported().length);
});

test('drift: a changed value is listed with both values; keys the export cannot say are never drift', () => {
  let files = edit(imported(), 'seattle-isp-backup', 'cost: 50', 'cost: 40');
  files = edit(
    files,
    'seattle-isp-backup',
    'connectionTime: every2Hours',
    'connectionTime: every2Hours\n  oversize:\n    thresholdKB: 100',
  );
  files = edit(files, 'seattle-isp-backup', 'addressSpace:\n', 'addressSpace:\n  allowRelay: false\n');
  const r = compareDrift(exportBytes(), files);
  assert.deepEqual(r.entries, [
    {
      kind: 'SmtpConnector',
      name: 'Seattle ISP Backup',
      administrativeGroup: 'North America',
      routingGroup: 'Seattle',
      guid: 'd0000001-0000-4000-8000-000000000006',
      file: 'north-america/seattle/seattle-isp-backup.connector.yaml',
      status: 'changed',
      differences: [{ field: 'addressSpace.entries', files: 'SMTP:*;40', export: 'SMTP:*;50' }],
    },
  ]);
});

test('drift: keyed on the recorded GUID, a rename is a difference of name; without the GUID it is one object on each side', () => {
  const renamed = edit(imported(), 'boston-internet', 'name: Boston Internet', 'name: Boston Web');
  const r = compareDrift(exportBytes(), renamed);
  assert.deepEqual(
    r.entries.map((e) => [e.status, e.differences]),
    [['changed', [{ field: 'name', files: 'boston web', export: 'boston internet' }]]],
  );
  const noGuid = edit(renamed, 'boston-internet', /^# objectGUID: .*\n/m, '');
  assert.deepEqual(
    compareDrift(exportBytes(), noGuid).entries.map((e) => [e.status, e.name]),
    [
      ['onlyInExport', 'Boston Internet'],
      ['onlyInFiles', 'Boston Web'],
    ],
  );
});

test('drift: hand-written files without GUIDs match by kind and name; defaults count as written', () => {
  const files = imported().map((f) => ({ ...f, text: f.text.replace(/^# objectGUID: .*\n/m, '') }));
  const explicit = edit(files, 'boston-to-seattle', 'cost: 1\n', 'cost: 1\n    administrativeGroup: North America\n');
  const withDefaults = edit(
    explicit,
    'boston.routinggroup',
    'version: "2003"\n  - name: BOS-EX02',
    'version: "2003"\n    smtpVirtualServers: [Default SMTP Virtual Server]\n  - name: BOS-EX02',
  );
  assert.deepEqual(compareDrift(exportBytes(), withDefaults).entries, []);
});

test('drift: schedules are compared as the quarters they open, at the recorded or given offset', () => {
  const files = edit(imported(), 'transatlantique', '"Mon-Fri 06:00-22:00"', '"Mon-Wed 06:00-22:00"\n    - "Thu,Fri 06:00-22:00"');
  assert.deepEqual(compareDrift(exportBytes(), files).entries, [], 'the same quarters written differently');
  const shifted = compareDrift(exportBytes(), imported(), { offsetMinutes: 0 });
  assert.deepEqual(
    shifted.entries.map((e) => e.differences.map((d) => d.field)),
    [['deliveryOptions.schedule'], ['deliveryOptions.connectionTime', 'deliveryOptions.schedule']],
  );
});

test('drift: servers, objects only in the files, documents that do not parse', () => {
  let files = edit(imported(), 'seattle.routinggroup', 'version: "2000"', 'version: "2003"');
  files = [
    ...files,
    {
      path: 'extra.connector.yaml',
      text: 'kind: SmtpConnector\nname: Hand Made\nadministrativeGroup: Europe\nroutingGroup: Paris\n---\nkind: [\n',
    },
  ];
  const r = compareDrift(exportBytes(), files);
  assert.deepEqual(
    r.entries.map((e) => [e.status, e.name, e.differences]),
    [
      ['changed', 'Seattle', [{ field: 'servers[sea-ex02].version', files: '2003', export: '2000' }]],
      ['onlyInFiles', 'Hand Made', []],
    ],
  );
  assert.deepEqual(r.problems, ['extra.connector.yaml:5: a document does not parse: not compared']);
});
