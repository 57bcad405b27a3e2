/**
 * Hovers while the server works in the background: opens a large file and,
 * from its first report on, sends key hovers one after another (every 997th
 * line) for three seconds, while the server reads the file into its index,
 * checks it in slices and builds its name index; prints how many were
 * answered and their p50 / p95 / max, for the first 1.25 s and for the
 * whole time. Not part of npm test.
 *   npx esbuild bench/hover-during-open.ts --bundle --platform=node --packages=external --outfile=out/bench/hover-during-open.js
 *   node out/bench/hover-during-open.js [FILE | connectors (5000)] [server script (dist/server.js)]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, initializeParams } from '../test/helpers/lspClient';
import { generate } from './lsp-generate';

const arg = process.argv[2] ?? '5000';
const script = process.argv[3];
const text = existsSync(arg) ? readFileSync(arg, 'utf8') : generate(Number(arg));

function summary(times: number[]): string {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)].toFixed(1);
  return s.length ? `${s.length} answered, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms` : 'none answered';
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'exconn-bench-hover-'));
  const client = await LspClient.start(initializeParams('minimal', dir), script ? { script } : {});
  try {
    const uri = pathToFileURL(join(dir, 'large.connector.yaml')).href;
    await client.open(uri, text, 1);
    await client.until('the first report', () => client.pushes.some((p) => p.uri === uri), 600_000);
    const lines = text.split('\n');
    const keys: number[] = [];
    for (let l = 0; l < lines.length; l += 997) if (/^\s*[A-Za-z]+:/.test(lines[l])) keys.push(l);
    const times: { at: number; ms: number }[] = [];
    const start = performance.now();
    for (let i = 0; performance.now() - start < 3000; i++) {
      const line = keys[i % keys.length];
      const t = performance.now();
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line].search(/\S/) + 1 } });
      times.push({ at: t - start, ms: performance.now() - t });
    }
    console.log(`first 1.25 s: ${summary(times.filter((x) => x.at < 1250).map((x) => x.ms))}`);
    console.log(`3 s: ${summary(times.map((x) => x.ms))}`);
  } finally {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
