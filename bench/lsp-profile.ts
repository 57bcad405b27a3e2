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
