/**
 * Where one edit's time goes in-process, on a file from ../shared/perf (or any
 * connector file): the three edit kinds of the perf harness (a value at the
 * end, a line inserted mid-file, a comment), each timed per stage, with how
 * many documents the edit made the workspace rules check again. The text is
 * kept in pieces and edited in place, as the server keeps an open document's;
 * setFile's time includes that edit.
 *   npx esbuild bench/edit-profile.ts --bundle --platform=node --outfile=out/bench/edit-profile.js
 *   node out/bench/edit-profile.js FILE [edits]
 */
import { readFileSync } from 'node:fs';
import { Workspace } from '../server/src/engine/workspace';
import { PieceDocument } from '../server/src/lsp/pieceDocument';

const file = process.argv[2];
const edits = Number(process.argv[3] ?? 20);
const text = readFileSync(file, 'utf8');
const uri = 'file:///x.connector.yaml';
const ws = new Workspace();
// The editor's text as the server keeps it: in pieces, edited in place.
const doc = PieceDocument.create(uri, 'exchange-connector', 1, text);
let t = performance.now();
ws.setFile(uri, text);
ws.findings(uri);
console.log(`open: ${(performance.now() - t).toFixed(0)} ms, ${ws.index.checks} checks`);

type Edit = (text: string, i: number) => { text: string; start: number; end: number; added: number };
const at = (re: RegExp, frac: number, s: string) => {
  const all = [...s.matchAll(re)];
  return all[Math.min(all.length - 1, Math.floor(all.length * frac))];
};
const replaceAt = (s: string, start: number, end: number, by: string) => ({
  text: s.slice(0, start) + by + s.slice(end),
  start,
  end,
  added: by.length,
});
const kinds: Record<string, Edit> = {
  a: (s, i) => {
    const m = at(/^[ \t]*cost: (\d+)/gm, 1, s);
    const start = m.index! + m[0].length - m[1].length;
    return replaceAt(s, start, start + m[1].length, i % 2 ? '150' : '42');
  },
  b: (s) => {
    const m = at(/^(addressSpace):$/gm, 0.5, s);
    const start = m.index! + m[0].length + 1;
    return replaceAt(s, start, start, '  allowRelay: false\n');
  },
  c: (s, i) => {
    const m = at(/^# Connector (\d+):/gm, 0.5, s);
    const start = m.index! + m[0].length - 1 - m[1].length;
    return replaceAt(s, start, start + m[1].length, i % 2 ? 'B' : 'A');
  },
};
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${s[Math.floor(s.length / 2)].toFixed(1)} p95 ${s[Math.floor(s.length * 0.95)].toFixed(1)} max ${s[s.length - 1].toFixed(1)}`;
};
console.log(`edits from ${process.uptime().toFixed(1)} s`);
for (const [kind, edit] of Object.entries(kinds)) {
  let current = doc.getText();
  const setT: number[] = [];
  const findT: number[] = [];
  const checks: number[] = [];
  const affected: number[] = [];
  for (let i = 0; i < edits; i++) {
    const e = edit(current, i);
    current = e.text;
    const c0 = ws.index.checks;
    const range = { start: doc.positionAt(e.start), end: doc.positionAt(e.end) };
    const added = e.text.slice(e.start, e.start + e.added);
    t = performance.now();
    doc.update([{ range, text: added }], doc.version + 1);
    ws.setFile(uri, doc, { start: e.start, end: e.start + e.added });
    setT.push(performance.now() - t);
    affected.push(ws.takeAffected().length);
    t = performance.now();
    ws.findings(uri);
    findT.push(performance.now() - t);
    checks.push(ws.index.checks - c0);
  }
  console.log(`${kind}: setFile ${stats(setT)} | findings ${stats(findT)} | checks ${checks.join(',')}`);
}
