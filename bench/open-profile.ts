/**
 * Where a large file's open goes, in-process (run it in a fresh process):
 * the stages the server goes through from the didOpen message to the first
 * report, each timed, with V8's collections counted; with `--warm`, after the
 * server's warm-up of the open path (features/warmUp.ts), as the server runs
 * it while idle before a file is opened.
 *   npx esbuild bench/open-profile.ts --bundle --platform=node --alias:yaml=./node_modules/yaml/browser/index.js --outfile=out/bench/open-profile.js
 *   node out/bench/open-profile.js FILE [--warm]
 */
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { PieceDocument } from '../server/src/lsp/pieceDocument';
import { warmUp } from '../server/src/features/warmUp';
import { Workspace } from '../server/src/engine/workspace';
import { toDiagnostic } from '../server/src/features/diagnostics';
import { readCaps } from '../server/src/features/caps';

const text = readFileSync(process.argv[2], 'utf8');
if (process.argv.includes('--warm')) {
  const steps = warmUp(readCaps(undefined));
  while (!steps.next().done);
}
const uri = 'file:///x.connector.yaml';
const message = JSON.stringify({
  jsonrpc: '2.0',
  method: 'textDocument/didOpen',
  params: { textDocument: { uri, languageId: 'exchange-connector', version: 1, text } },
});
const gc = { count: 0, ms: 0, major: 0, majorMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.count++;
    gc.ms += e.duration;
    const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind === 4 /* major */) {
      gc.major++;
      gc.majorMs += e.duration;
    }
  }
}).observe({ entryTypes: ['gc'] });

const stages: [string, number][] = [];
let t = performance.now();
const lap = (name: string) => {
  const now = performance.now();
  stages.push([name, now - t]);
  t = now;
};
const t0 = t;
const params = (JSON.parse(message) as { params: { textDocument: { text: string } } }).params;
lap('JSON decode');
const doc = PieceDocument.create(uri, 'exchange-connector', 1, params.textDocument.text);
lap('text document');
const ws = new Workspace();
ws.setFile(uri, doc.getText(), undefined, true);
lap('split + parse');
const findings = ws.quickFindings(uri, {});
lap('single-document findings');
const caps = readCaps({ textDocument: { publishDiagnostics: { relatedInformation: true } } });
const diagnostics = findings.map((f) => toDiagnostic(f, uri, caps));
lap('conversion');
JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, diagnostics } });
lap('JSON encode');
const total = performance.now() - t0;
// The collections are reported a little later; the file's parse is kept alive until then.
setTimeout(() => {
  void ws;
  for (const [name, ms] of stages) console.log(`${name.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms`);
  console.log(`${'total'.padEnd(28)} ${total.toFixed(0).padStart(6)} ms, ${findings.length} findings`);
  console.log(
    `GC: ${gc.count} pauses ${gc.ms.toFixed(0)} ms, ${gc.major} major ${gc.majorMs.toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
  );
}, 50);
