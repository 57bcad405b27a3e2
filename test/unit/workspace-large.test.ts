import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/engine/workspace';
import { simulateRoute } from '../../server/src/route/simulate';
import { generateOrganization } from '../../bench/workspace-gen';

test('the generated organization of 500 routing groups and 2,010 connectors checks clean and routes; one edit re-checks a handful of files', () => {
  const files = generateOrganization(500);
  assert.equal([...files.keys()].filter((f) => f.endsWith('.connector.yaml')).length, 2010);
  const ws = new Workspace();
  for (const [uri, text] of files) ws.setFile(uri, text);
  const findings = ws.uris().flatMap((u) => ws.findings(u));
  assert.deepEqual(findings, []);
  const r = simulateRoute(ws.index, { from: 'RG0123', to: 'someone@example.com' });
  assert.equal(r.delivered, true);
  assert.deepEqual(simulateRoute(ws.index, { from: 'RG0000', toGroup: 'RG0250' }).delivered, true);
  ws.takeAffected();
  const before = ws.index.checks;
  // RG0001 loses its second server's name to a typo: only the group and the connectors naming it are read again.
  const uri = [...files.keys()].find((f) => f.endsWith('/rg0001.routinggroup.yaml'))!;
  ws.setFile(uri, files.get(uri)!.replace('RG0001-EX01', 'RG0001-EX1'));
  const affected = ws.takeAffected();
  for (const u of affected) ws.findings(u);
  assert.equal(affected.length, 9);
  assert.equal(ws.index.checks - before, 9);
  assert.equal(affected.flatMap((u) => ws.findings(u)).filter((f) => f.code === 'unknown-bridgehead').length, 4);
});
