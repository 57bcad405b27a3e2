/**
 * Drives the bundled language server (dist/server.js --stdio) as an editor
 * would and prints, per file: open → diagnostics, edit → diagnostics (the
 * debounce included), completion and hover latency (median and p95), the
 * server's peak memory, and the time the yaml package alone takes to parse
 * the same text. Run with `node bench/lsp.mjs` (`--quick` skips 5,000).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { LspClient, initializeParams } from '../test/helpers/lspClient';
import { ROOT } from '../test/helpers/paths';
import { generate } from './lsp-generate';
import { generateOrganization } from './workspace-gen';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

interface Case {
  name: string;
  text: string;
}

const quick = process.argv.includes('--quick');
/** --only=5000: just the generated file of that many connectors. */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const EDITS = 40;
const QUERIES = 100;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

function bareParse(text: string): number {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    parseAllDocuments(text);
    runs.push(performance.now() - t);
  }
  return percentile(runs, 50);
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

/** The line and column of the n-th match of a pattern, near the middle of the text. */
function middle(text: string, needle: string): { line: number; character: number } | undefined {
  const lines = text.split('\n');
  const start = Math.floor(lines.length / 2);
  for (let k = 0; k < lines.length; k++) {
    const l = (start + k) % lines.length;
    const c = lines[l].indexOf(needle);
    if (c !== -1) return { line: l, character: c };
  }
  return undefined;
}

async function run(c: Case): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'exconn-bench-'));
  const client = await LspClient.start(initializeParams('minimal', dir));
  try {
    const uri = pathToFileURL(join(dir, 'bench.connector.yaml')).href;
    const parse = bareParse(c.text);

    let t = performance.now();
    await client.open(uri, c.text, 1);
    await client.pushedFor(uri, (p) => p.version === 1, 120_000);
    const open = performance.now() - t;
    const openDiagnostics = client.pushed.get(uri)!.diagnostics.length;

    // Edits in the middle of the file: a comment added to a line and taken away again, each waited for.
    const at = middle(c.text, 'name: ')!;
    const end = c.text.split('\n')[at.line].length;
    const edits: number[] = [];
    for (let v = 2; v < 2 + EDITS; v++) {
      const range =
        v % 2 === 0
          ? { start: { line: at.line, character: end }, end: { line: at.line, character: end } }
          : { start: { line: at.line, character: end }, end: { line: at.line, character: end + 3 } };
      t = performance.now();
      await client.change(uri, v, [{ range, text: v % 2 === 0 ? ' #x' : '' }]);
      await client.pushedFor(uri, (p) => p.version === v, 60_000);
      edits.push(performance.now() - t);
    }

    const delivery = middle(c.text, 'delivery: ') ?? { ...middle(c.text, 'kind: ')!, character: 0 };
    const completions: number[] = [];
    const hovers: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      t = performance.now();
      await client.request('textDocument/completion', {
        textDocument: { uri },
        position: { line: delivery.line, character: delivery.character + 10 },
      });
      completions.push(performance.now() - t);
      t = performance.now();
      await client.request('textDocument/hover', {
        textDocument: { uri },
        position: { line: delivery.line, character: delivery.character + 2 },
      });
      hovers.push(performance.now() - t);
    }
    const peak = peakRssMb(client.proc.pid!);
    const lines = c.text.split('\n').length;
    return [
      c.name,
      String(lines),
      ms(parse),
      `${ms(open)} (${(open / parse).toFixed(2)}×, ${openDiagnostics} diagnostics)`,
      `${ms(percentile(edits, 50))} / ${ms(percentile(edits, 95))}`,
      `${ms(percentile(completions, 50))} / ${ms(percentile(completions, 95))}`,
      `${ms(percentile(hovers, 50))} / ${ms(percentile(hovers, 95))}`,
      `${peak.toFixed(0)} MB`,
    ];
  } finally {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The examples' files, one after another (each its own run). */
function exampleCases(): Case[] {
  const dir = join(ROOT, 'examples');
  if (!existsSync(dir)) return [];
  const out: Case[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.connector\.ya?ml$/.test(n)) out.push({ name: `examples/${p.slice(dir.length + 1)}`, text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out.slice(0, 3);
}

/**
 * A workspace of many files read on start: the time until every file's
 * diagnostics are pushed, and the server's peak memory.
 */
async function workspaceLoad(groups: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'exconn-bench-ws-'));
  const files = generateOrganization(groups);
  for (const [p, text] of files) {
    const path = join(dir, p);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  const t = performance.now();
  const client = await LspClient.start(initializeParams('minimal', dir));
  try {
    await client.until('every file checked', () => client.pushed.size >= files.size, 600_000);
    const load = performance.now() - t;
    return `Workspace of ${files.size} files (${groups} routing groups): every file checked and pushed ${ms(load)} after start; peak RSS ${peakRssMb(client.proc.pid!).toFixed(0)} MB.`;
  } finally {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--workspace')) {
    console.log(await workspaceLoad(500));
    return;
  }
  let cases: Case[] = [...exampleCases(), { name: '1,000 connectors', text: generate(1000) }];
  if (!quick) cases.push({ name: '5,000 connectors', text: generate(5000) });
  if (only) cases = [{ name: `${Number(only).toLocaleString('en')} connectors`, text: generate(Number(only)) }];
  const header = [
    'file',
    'lines',
    'yaml parse',
    'open → diagnostics',
    'edit → diagnostics p50 / p95',
    'completion p50 / p95',
    'hover p50 / p95',
    'peak RSS',
  ];
  const rows: string[][] = [];
  for (const c of cases) {
    rows.push(await run(c));
    process.stderr.write(`done: ${c.name}\n`);
  }
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
