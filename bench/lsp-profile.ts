/** Where open → diagnostics time goes, in-process (no server): split, parse per document, check, convert. */
import { parseAllDocuments } from 'yaml';
import { Workspace } from '../server/src/engine/workspace';
import { ParsedFile } from '../server/src/model/parse';
import { splitDocuments } from '../server/src/model/split';
import { toDiagnostic } from '../server/src/features/diagnostics';
import { readCaps } from '../server/src/features/caps';
import { generate } from './lsp-generate';

const n = Number(process.argv[2] ?? 1000);
const text = generate(n);
const time = (label: string, f: () => unknown) => {
  const t = performance.now();
  const r = f();
  console.log(`${label}: ${(performance.now() - t).toFixed(0)} ms`);
  return r;
};
time('yaml parseAllDocuments', () => parseAllDocuments(text));
time('yaml parseAllDocuments (warm)', () => parseAllDocuments(text));
time('split', () => splitDocuments(text));
time('ParsedFile', () => new ParsedFile(text));
const ws = new Workspace();
time('setFile', () => ws.setFile('file:///x.connector.yaml', text));
const f = time('findings', () => ws.findings('file:///x.connector.yaml')) as unknown[];
time('findings again', () => ws.findings('file:///x.connector.yaml'));
const caps = readCaps({});
time('toDiagnostic', () => (f as never[]).map((x) => toDiagnostic(x, 'u', caps)));
console.log('findings', f.length);

// One edit in the middle, as the server sees it: the new text, setFile, findings.
{
  const uri = 'file:///x.connector.yaml';
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  const times: Record<string, number[]> = { text: [], setFile: [], findings: [] };
  let current = text;
  for (let i = 0; i < 20; i++) {
    let t = performance.now();
    const ls = current.split('\n');
    ls[mid] = i % 2 === 0 ? ls[mid] + ' #x' : ls[mid].replace(/ #x$/, '');
    current = ls.join('\n');
    times.text.push(performance.now() - t);
    t = performance.now();
    ws.setFile(uri, current);
    times.setFile.push(performance.now() - t);
    t = performance.now();
    ws.findings(uri);
    times.findings.push(performance.now() - t);
  }
  for (const [k, v] of Object.entries(times)) console.log(`edit ${k}: median ${[...v].sort((a, b) => a - b)[10].toFixed(1)} ms`);
}

// The same edits through the editor-text model the server keeps (TextDocument, incremental).
{
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for this part of the bench
  const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
  const uri = 'file:///y.connector.yaml';
  let doc = TextDocument.create(uri, 'x', 1, text);
  ws.setFile(uri, doc.getText());
  ws.findings(uri);
  const mid = Math.floor(doc.lineCount / 2);
  const end = doc.getText({ start: { line: mid, character: 0 }, end: { line: mid + 1, character: 0 } }).length - 1;
  const times: Record<string, number[]> = { update: [], setFile: [], findings: [], total: [] };
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    const range =
      i % 2 === 0
        ? { start: { line: mid, character: end }, end: { line: mid, character: end } }
        : { start: { line: mid, character: end }, end: { line: mid, character: end + 3 } };
    doc = TextDocument.update(doc, [{ range, text: i % 2 === 0 ? ' #x' : '' }], i + 2);
    const t1 = performance.now();
    ws.setFile(uri, doc.getText());
    const t2 = performance.now();
    ws.findings(uri);
    const t3 = performance.now();
    times.update.push(t1 - t0);
    times.setFile.push(t2 - t1);
    times.findings.push(t3 - t2);
    times.total.push(t3 - t0);
  }
  const pct = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.ceil((p / 100) * v.length) - 1].toFixed(1);
  for (const [k, v] of Object.entries(times)) console.log(`TextDocument edit ${k}: median ${pct(v, 50)} ms, p95 ${pct(v, 95)} ms`);
}
