/**
 * Benchmark: the full check of a generated organization of 500 routing groups
 * and 2,010 connectors, one incremental update (one connector edited, the
 * affected files checked again), and a route across it. Run: node bench/workspace.mjs
 * Targets on a 2-core machine: full check ≤ 10 s, one update ≤ 100 ms.
 */
import { performance } from 'node:perf_hooks';
import { Workspace } from '../server/src/engine/workspace';
import { simulateRoute } from '../server/src/route/simulate';
import { generateOrganization } from './workspace-gen';

const groups = Number(process.argv[2] ?? 500);
const files = generateOrganization(groups);
const connectors = [...files.keys()].filter((f) => f.endsWith('.connector.yaml')).length;

const t0 = performance.now();
const ws = new Workspace();
for (const [uri, text] of files) ws.setFile(uri, text);
let findings = 0;
for (const uri of ws.uris()) findings += ws.findings(uri).length;
const full = performance.now() - t0;
ws.takeAffected();

// One keystroke's worth: a connector's cost changes, then its dependents are checked again.
const uri = [...files.keys()].find((f) => f.endsWith('.connector.yaml'))!;
const t1 = performance.now();
ws.setFile(
  uri,
  files.get(uri)!.replace(/cost: (\d+)\n$/, (_m, n) => `cost: ${(Number(n) % 100) + 1}\n`),
);
const affected = ws.takeAffected();
for (const u of affected) ws.findings(u);
const update = performance.now() - t1;

// And a routing group renaming a server: every connector living there and those forwarding to it.
const rg = [...files.keys()].find((f) => f.endsWith('.routinggroup.yaml'))!;
const t2 = performance.now();
ws.setFile(rg, files.get(rg)!.replace('-EX02', '-EX03'));
const affected2 = ws.takeAffected();
for (const u of affected2) ws.findings(u);
const update2 = performance.now() - t2;

const t3 = performance.now();
const r = simulateRoute(ws.index, { from: 'RG0123', to: 'someone@example.com' });
const route = performance.now() - t3;

const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`organization: ${groups} routing groups, ${connectors} connectors, ${files.size} files; ${findings} findings`);
console.log(`full check:                 ${ms(full)}`);
console.log(`incremental (one connector): ${ms(update)} (${affected.length} files checked again)`);
console.log(`incremental (one group):     ${ms(update2)} (${affected2.length} files checked again)`);
console.log(`route RG0123 -> *:           ${ms(route)} (${r.routes.length} route(s), total ${r.routes[0]?.totalCost})`);
