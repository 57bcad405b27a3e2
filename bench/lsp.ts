/**
 * Drives the bundled language server (dist/server.js --stdio) as an editor
 * would (a client that answers workspace/configuration) and prints, per file:
 * open → diagnostics, edit → diagnostics (the debounce included) for three
 * kinds of edit (a value at the end of the file, a line inserted in the
 * middle and taken out again, a comment in the middle), the first edit after
 * open, completion and hover latency at random positions (median and p95),
 * the server's peak memory, and the floor: the time the yaml package alone
 * takes to parse the same text with source tokens. Run with
 * `node bench/lsp.mjs` (`--quick` skips 5,000; `--only=N` one size).
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
const EDITS = 30;
const QUERIES = 40;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

function bareParse(text: string): number {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    parseAllDocuments(text, { keepSourceTokens: true });
    runs.push(performance.now() - t);
  }
  return percentile(runs, 50);
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

/** A seeded random number generator, so that runs compare. */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x80000000;
  };
}

type Pos = { line: number; character: number };
type EditKind = 'value at the end' | 'line inserted mid-file' | 'comment';

/** The n-th (from the end when negative) line matching a pattern, and the match. */
function lineOf(lines: string[], re: RegExp, fromEnd: boolean, start = 0): { line: number; m: RegExpExecArray } | undefined {
  for (let k = 0; k < lines.length; k++) {
    const l = fromEnd ? lines.length - 1 - k : (start + k) % lines.length;
    const m = re.exec(lines[l]);
    if (m) return { line: l, m };
  }
  return undefined;
}

/** The change for edit number `i` of a kind: each kind goes back and forth, so that the file stays the same size. */
function editFor(kind: EditKind, lines: string[], i: number) {
  const flip = i % 2 === 0;
  if (kind === 'value at the end') {
    const hit = lineOf(lines, /^(\s*cost: )(\d+)/, true)!;
    const col = hit.m[1].length;
    const old = flip ? hit.m[2] : '150';
    return {
      range: { start: { line: hit.line, character: col }, end: { line: hit.line, character: col + old.length } },
      text: flip ? '150' : hit.m[2],
    };
  }
  if (kind === 'line inserted mid-file') {
    const hit = lineOf(lines, /^addressSpace:$/, false, Math.floor(lines.length / 2))!;
    const at: Pos = { line: hit.line + 1, character: 0 };
    return flip
      ? { range: { start: at, end: at }, text: '  allowRelay: false\n' }
      : { range: { start: at, end: { line: hit.line + 2, character: 0 } }, text: '' };
  }
  const hit = lineOf(lines, /^name: /, false, Math.floor(lines.length / 2))!;
  const end = lines[hit.line].length;
  return flip
    ? { range: { start: { line: hit.line, character: end }, end: { line: hit.line, character: end } }, text: ' # edited' }
    : { range: { start: { line: hit.line, character: end }, end: { line: hit.line, character: end + 9 } }, text: '' };
}

/** Random places to ask for completion (after a key's colon) and hover (on a key or a name). */
function randomPlaces(lines: string[], count: number, seed: number): { completion: Pos[]; hover: Pos[] } {
  const rnd = rng(seed);
  const completion: Pos[] = [];
  const hover: Pos[] = [];
  let guard = 0;
  while ((completion.length < count || hover.length < count) && guard++ < count * 1000) {
    const l = Math.floor(rnd() * lines.length);
    const text = lines[l];
    const value = /^(\s*(?:- )?(?:delivery|connectionTime|default|scope|routingGroup|server|administrativeGroup): )/.exec(text);
    if (value && completion.length < count) completion.push({ line: l, character: value[1].length });
    const key = /^(\s*(?:- )?)([A-Za-z]+):( ?)/.exec(text);
    if (key && hover.length < count) {
      const onName = /^(?:routingGroup|server)$/.test(key[2]) && rnd() < 0.5;
      hover.push({ line: l, character: onName ? key[0].length + 1 : key[1].length + 1 });
    }
  }
  return { completion, hover };
}

async function run(c: Case): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'exconn-bench-'));
  const base = initializeParams('minimal', dir);
  // A client that answers workspace/configuration, as editors do.
  const params = { ...base, capabilities: { ...base.capabilities, workspace: { ...base.capabilities.workspace, configuration: true } } };
  const client = await LspClient.start(params);
  try {
    const uri = pathToFileURL(join(dir, 'bench.connector.yaml')).href;
    const parse = bareParse(c.text);

    let t = performance.now();
    await client.open(uri, c.text, 1);
    await client.pushedFor(uri, (p) => p.version === 1, 120_000);
    const open = performance.now() - t;
    const openDiagnostics = client.pushed.get(uri)!.diagnostics.length;

    let version = 1;
    const lines = c.text.split('\n');
    const editTimes = new Map<EditKind, number[]>();
    let first = NaN;
    for (const kind of ['value at the end', 'line inserted mid-file', 'comment'] as EditKind[]) {
      const times: number[] = [];
      for (let i = 0; i < EDITS; i++) {
        const v = ++version;
        const change = editFor(kind, lines, i);
        t = performance.now();
        await client.change(uri, v, [change]);
        await client.pushedFor(uri, (p) => p.version === v, 60_000);
        times.push(performance.now() - t);
        if (Number.isNaN(first)) first = times[0];
      }
      editTimes.set(kind, times);
    }

    const places = randomPlaces(lines, QUERIES, 11);
    const completions: number[] = [];
    const hovers: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      if (places.completion[i]) {
        t = performance.now();
        await client.request('textDocument/completion', { textDocument: { uri }, position: places.completion[i] });
        completions.push(performance.now() - t);
      }
      if (places.hover[i]) {
        t = performance.now();
        await client.request('textDocument/hover', { textDocument: { uri }, position: places.hover[i] });
        hovers.push(performance.now() - t);
      }
    }
    const peak = peakRssMb(client.proc.pid!);
    const p = (xs: number[] | undefined) => (xs?.length ? `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 95))}` : '–');
    return [
      c.name,
      String(lines.length),
      ms(parse),
      `${ms(open)} (${(open / parse).toFixed(2)}×, ${openDiagnostics} diagnostics)`,
      p(editTimes.get('value at the end')),
      p(editTimes.get('line inserted mid-file')),
      p(editTimes.get('comment')),
      ms(first),
      p(completions),
      p(hovers),
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
    'floor (yaml parse, source tokens)',
    'open → diagnostics',
    'edit → diagnostics p50 / p95: value at the end',
    'line inserted mid-file',
    'comment',
    'first edit',
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
