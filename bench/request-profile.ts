/**
 * Where a hover's or a completion's time goes in-process, on a file from
 * ../shared/perf (or any connector file): after the perf harness's edits of a
 * value at the end, the same 40 completions and 40 hovers it sends (its
 * positions, its client's capabilities), each timed for the feature alone and
 * for the feature and JSON.stringify of its answer, over a few rounds (the
 * first is cold: V8 compiles the code on its first runs).
 *   npx esbuild bench/request-profile.ts --bundle --platform=node --outfile=out/bench/request-profile.js
 *   node out/bench/request-profile.js FILE [rounds] [huge]
 * (EACH=1 prints each request's time and position.)
 */
import { readFileSync } from 'node:fs';
import type { Position } from 'vscode-languageserver-types';
import { Workspace } from '../server/src/engine/workspace';
import { readCaps } from '../server/src/features/caps';
import { completion } from '../server/src/features/completion';
import { hover } from '../server/src/features/hover';

const file = process.argv[2];
const rounds = Number(process.argv[3] ?? 3);
const huge = process.argv[4] === 'huge';
let text = readFileSync(file, 'utf8');
const uri = 'file:///x.connector.yaml';
const caps = readCaps({
  textDocument: {
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
});
const ws = new Workspace();
ws.setFile(uri, text);
ws.findings(uri);

// The harness's edits: a cost near the end (or mid-file for the 50,000-line document) set to 42 and 150 in turn.
const costs = [...text.matchAll(/^[ \t]*cost: (\d+)/gm)];
const m = costs[Math.min(costs.length - 1, Math.floor(costs.length * (huge ? 0.5 : 1)))];
const start = m.index! + m[0].length - m[1].length;
let len = m[1].length;
for (let i = 0; i < 30; i++) {
  const v = i % 2 ? '150' : '42';
  text = text.slice(0, start) + v + text.slice(start + len);
  len = v.length;
  ws.setFile(uri, text, { start, end: start + len });
  ws.findings(uri);
}

/** The harness's positions: the k-th pick of a pattern in the k-th slice of its matches (its seeded generator). */
function positions(patterns: string[], count: number): Position[] {
  const lists = patterns.map((p) =>
    [...text.matchAll(new RegExp(p, 'gmd'))].map((x) => (x.indices![1] ? x.indices![1][0] : x.index! + x[0].length)),
  );
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const at = (off: number): Position => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: off - starts[lo] };
  };
  const perList = patterns.map((_, j) => Math.ceil((count - j) / patterns.length));
  const counters = patterns.map(() => 0);
  let seed = 0x9e3779b9;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const picks: Position[] = [];
  for (let i = 0; i < count; i++) {
    const j = i % lists.length;
    const u = rand();
    if (!lists[j].length) continue;
    const k = counters[j]++;
    picks.push(at(lists[j][Math.min(lists[j].length - 1, Math.floor(((k + u) / perList[j]) * lists[j].length))]));
  }
  return picks;
}

const completionAt = huge
  ? ['^[ \\t]*(?:- )?type: ()', '^ {2,}(?:- )?()[A-Za-z]+:']
  : [
      '^[ \\t]*(?:- )?(?:delivery|connectionTime|authentication|request|default|scope|routingGroup|server): ()',
      '^ {2,}(?:- )?()[A-Za-z]+:',
    ];
const hoverAt = huge
  ? ['^[ \\t]*(?:- )?([A-Za-z]+):', '^[ \\t]*address: (\\S)']
  : ['^[ \\t]*(?:- )?([A-Za-z]+):', '^[ \\t]*(?:- )?(?:routingGroup|server): (\\S)'];
const completions = positions(completionAt, 40);
const hovers = positions(hoverAt, 40).map((p) => ({ line: p.line, character: p.character + 1 }));

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number) => s[Math.max(0, Math.ceil(f * s.length) - 1)].toFixed(3);
  return `p50 ${q(0.5)} p95 ${q(0.95)} max ${q(1)} ms`;
};
for (let r = 1; r <= rounds; r++) {
  for (const [name, at, run] of [
    ['completion', completions, (p: Position) => completion(ws, uri, p, caps)],
    ['hover', hovers, (p: Position) => hover(ws, uri, p, caps)],
  ] as const) {
    const alone: number[] = [];
    const withJson: number[] = [];
    let bytes = 0;
    for (const p of at) {
      let t = performance.now();
      run(p);
      alone.push(performance.now() - t);
      if (process.env.EACH) console.log(`  ${name} ${p.line}:${p.character} ${alone[alone.length - 1].toFixed(3)}`);
      t = performance.now();
      bytes += JSON.stringify(run(p)).length;
      withJson.push(performance.now() - t);
    }
    console.log(`round ${r} ${name}: ${stats(alone)} | with JSON ${stats(withJson)} | ${Math.round(bytes / at.length)} bytes each`);
  }
}
