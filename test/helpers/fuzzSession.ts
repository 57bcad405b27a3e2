/**
 * A random-edit session against the bundled language server over stdio, as an
 * editor would drive it: incremental changes to open documents, each followed
 * by the requests VS Code sends while one types (a diagnostic pull, hovers,
 * completion, code actions, symbols, folding). Seeded, so a failing run can
 * be replayed. Used by the fuzz test in npm test (a few hundred edits) and by
 * `npm run fuzz` (bench/fuzz.ts) for long runs.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Position, Range } from 'vscode-languageserver/node';
import { LspClient, initializeParams } from './lspClient';
import { ROOT } from './paths';
import { seededRandom } from './random';

export interface FuzzOptions {
  edits: number;
  seed: number;
  /** A request not answered within this long counts as a time-out. */
  timeoutMs?: number;
  /** Called every `progressEvery` edits. */
  onProgress?: (done: number, report: FuzzReport) => void;
  progressEvery?: number;
  /**
   * Also edit a large connector file (over 128 KB: the server keeps its text
   * in pieces, reads it into the index in slices and reports it in two
   * parts), and at the end compare every open document's settled
   * diagnostics with those of a fresh server given the same final texts.
   */
  large?: boolean;
}

export interface FuzzReport {
  seed: number;
  edits: number;
  requests: number;
  /** The server process ended before the session did. */
  crashes: number;
  timeouts: number;
  /** Error responses other than "cancelled" or "content modified". */
  internalErrors: number;
  /** Messages the server logged as errors (a handler or a rule that failed). */
  handlerFailures: number;
  maxLatencyMs: number;
  /** The slowest request: its method and the edit it followed. */
  slowest?: string;
  /** Open documents whose settled diagnostics differ from a fresh server's on the same texts (with `large`). */
  mismatches: number;
  /** The server's peak resident set size (VmHWM), in MB; undefined where /proc is missing. */
  peakRssMb?: number;
  /** The first few failures, to reproduce them. */
  samples: string[];
}

// What gets typed: YAML indicators, line breaks of every kind, characters
// JavaScript and YAML disagree on, lone surrogates, and words of the format.
const CHARS = [
  ...'abcXYZ019 -:[]{},#&*!|>\'"%@`?\n\t',
  '\r',
  '\r\n',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u0000',
  'é',
  '😀',
];
const WORDS = [
  'kind: ',
  'SmtpConnector',
  'RoutingGroup',
  'Organization',
  'name: ',
  'routingGroup: ',
  'administrativeGroup: ',
  'connectedRoutingGroups:\n  - routingGroup: ',
  'smartHosts:\n    - ',
  'cost: ',
  '100',
  'true',
  '---\n',
  '&a ',
  '*a',
  '<<: *a',
  ']\n',
  '}\n',
  '[[[[',
  '  ',
  '- ',
  '# ',
  '"\\u',
  'delivery: smartHost',
  'connectionTime: ',
  'always',
  'schedule:\n  - Mon-Fri 08:00-17:00',
];

interface OpenDoc {
  uri: string;
  text: string;
  version: number;
}

/** The LSP position of an offset (UTF-16 code units, lines split at LF, CR and CRLF as the server splits them). */
function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

export async function fuzzSession(options: FuzzOptions): Promise<FuzzReport> {
  const rnd = seededRandom(options.seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const timeoutMs = options.timeoutMs ?? 30_000;
  const report: FuzzReport = {
    seed: options.seed,
    edits: 0,
    requests: 0,
    crashes: 0,
    timeouts: 0,
    internalErrors: 0,
    handlerFailures: 0,
    maxLatencyMs: 0,
    mismatches: 0,
    samples: [],
  };
  const sample = (s: string) => {
    if (report.samples.length < 5) report.samples.push(s);
  };

  const dir = mkdtempSync(join(tmpdir(), 'exconn-fuzz-'));
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  const exampleTexts = [
    'north-america/boston/boston-to-seattle.connector.yaml',
    'north-america/boston/boston.routinggroup.yaml',
    'europe/paris/paris-fabrikam.connector.yaml',
    'contoso.organization.yaml',
  ].map((rel) => readFileSync(join(dir, rel), 'utf8'));
  const client = await LspClient.start(initializeParams('vscode', dir));
  let exited = false;
  client.proc.on('exit', () => (exited = true));
  try {
    await client.until('the end of the load', () => client.progress.includes('end'), timeoutMs);
    // A connector with a stray `]` at the top level, as in the report of the memory growth; and a routing group.
    const docs: OpenDoc[] = [
      {
        uri: pathToFileURL(join(dir, 'north-america/boston/boston-to-seattle.connector.yaml')).href,
        text: ']\n' + exampleTexts[0],
        version: 1,
      },
      { uri: pathToFileURL(join(dir, 'north-america/boston/boston.routinggroup.yaml')).href, text: exampleTexts[1], version: 1 },
    ];
    if (options.large)
      docs.push({
        uri: pathToFileURL(join(dir, 'north-america/boston/fuzz-large.connector.yaml')).href,
        text: largeText(exampleTexts[0]),
        version: 1,
      });
    for (const d of docs) await client.open(d.uri, d.text, d.version);
    let lastDiagnostics: Diagnostic[] = [];

    /** A request, timed; a time-out or an error response is counted, never thrown. */
    const timed = async (method: string, params: unknown): Promise<unknown> => {
      report.requests++;
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
      try {
        const result = await Promise.race([client.request(method, params), timeout]);
        if (result === 'timeout') {
          report.timeouts++;
          sample(`${method} timed out after ${timeoutMs} ms at edit ${report.edits}`);
          return undefined;
        }
        return result;
      } catch (e) {
        const code = (e as { code?: number }).code;
        if (code !== -32800 && code !== -32801) {
          report.internalErrors++;
          sample(`${method} failed at edit ${report.edits}: ${String((e as Error).message ?? e)}`);
        }
        return undefined;
      } finally {
        clearTimeout(timer);
        const ms = performance.now() - started;
        if (ms > report.maxLatencyMs) {
          report.maxLatencyMs = ms;
          report.slowest = `${method} after edit ${report.edits}`;
        }
      }
    };

    for (let i = 0; i < options.edits && !exited; i++) {
      const which = rnd();
      const doc = options.large && which < 0.4 ? docs[2] : which < 0.8 ? docs[0] : docs[1];
      const cap = doc === docs[2] ? LARGE_CAP : 30_000;
      const t = doc.text;
      let at = int(t.length + 1);
      let end = at;
      let insert = '';
      const op = rnd();
      if (op < 0.45) insert = pick(CHARS);
      else if (op < 0.6) insert = pick(WORDS);
      else if (op < 0.8) end = Math.min(t.length, at + 1 + int(rnd() < 0.9 ? 3 : 200));
      else if (op < 0.9) {
        end = Math.min(t.length, at + int(10));
        insert = pick(CHARS) + pick(WORDS);
      } else if (op < 0.97)
        insert = t.slice(int(t.length), int(t.length)); // paste a piece of itself
      else insert = pick(exampleTexts);
      // Keep documents to a size an editor session would have.
      if (t.length > cap) {
        end = Math.min(t.length, at + 10_000);
        insert = '';
      }
      // No LSP position stands between the \r and the \n of a line break: an edit there would reach the server at
      // another offset than the one the session applies to its own copy of the text (no editor makes such an edit).
      const inBreak = (o: number) => o > 0 && t[o - 1] === '\r' && t[o] === '\n';
      if (inBreak(at)) at--;
      if (inBreak(end)) end++;
      const range: Range = { start: positionAt(t, at), end: positionAt(t, end) };
      doc.text = t.slice(0, at) + insert + t.slice(end);
      doc.version++;
      await client.change(doc.uri, doc.version, [{ range, text: insert }]);
      report.edits++;

      // What VS Code asks while one types: a pull after every change, the rest now and then.
      const uri = doc.uri;
      const somewhere = () => positionAt(doc.text, int(doc.text.length + 1));
      const requests: Promise<unknown>[] = [
        timed('textDocument/diagnostic', { textDocument: { uri } }).then((r) => {
          const items = (r as { items?: Diagnostic[] } | undefined)?.items;
          if (items) lastDiagnostics = items;
        }),
      ];
      if (rnd() < 0.3) requests.push(timed('textDocument/hover', { textDocument: { uri }, position: somewhere() }));
      if (rnd() < 0.2) requests.push(timed('textDocument/completion', { textDocument: { uri }, position: somewhere() }));
      if (rnd() < 0.2) {
        const d = lastDiagnostics.length ? pick(lastDiagnostics) : undefined;
        const range = d?.range ?? { start: somewhere(), end: somewhere() };
        requests.push(timed('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: d ? [d] : [] } }));
      }
      if (rnd() < 0.05)
        requests.push(
          timed('textDocument/codeAction', {
            textDocument: { uri },
            range: { start: { line: 0, character: 0 }, end: positionAt(doc.text, doc.text.length) },
            context: { diagnostics: [], only: ['source.fixAll.exconn'] },
          }),
        );
      if (rnd() < 0.1) requests.push(timed('textDocument/documentSymbol', { textDocument: { uri } }));
      if (rnd() < 0.1) requests.push(timed('textDocument/foldingRange', { textDocument: { uri } }));
      if (rnd() < 0.05) requests.push(timed('textDocument/definition', { textDocument: { uri }, position: somewhere() }));
      if (rnd() < 0.05)
        requests.push(
          timed('textDocument/references', { textDocument: { uri }, position: somewhere(), context: { includeDeclaration: true } }),
        );
      await Promise.all(requests);
      report.handlerFailures = client.errorLogs.length;
      if (options.onProgress && (i + 1) % (options.progressEvery ?? 1000) === 0) options.onProgress(i + 1, report);
    }
    if (options.large && !exited) {
      // The same final texts in a fresh server: every open document must settle to the same diagnostics.
      const fresh = await LspClient.start(initializeParams('vscode', dir));
      try {
        await fresh.until('the end of the load', () => fresh.progress.includes('end'), timeoutMs);
        for (const d of docs) await fresh.open(d.uri, d.text, d.version);
        for (const d of docs) {
          const [mine, theirs] = [await settled(client, d.uri), await settled(fresh, d.uri)];
          if (mine.join('\n') !== theirs.join('\n')) {
            report.mismatches++;
            const k = mine.findIndex((m, i) => m !== theirs[i]);
            sample(
              `${d.uri.slice(d.uri.lastIndexOf('/') + 1)}: the diagnostics differ from a fresh server's on the same text ` +
                `(${mine.length} against ${theirs.length}; the first difference: ${mine[k]?.slice(0, 300)} | fresh: ${theirs[k]?.slice(0, 300)})`,
            );
          }
        }
      } finally {
        await fresh.shutdown().catch(() => fresh.kill());
      }
    }
    if (exited) {
      report.crashes++;
      sample(`the server exited at edit ${report.edits}: ${client.logs.slice(-3).join(' | ')}`);
    } else report.peakRssMb = peakRssMb(client.proc.pid!);
    for (const m of client.errorLogs.slice(0, 5 - report.samples.length)) sample(m.split('\n')[0]);
    report.handlerFailures = client.errorLogs.length;
  } finally {
    if (!exited) await client.shutdown().catch(() => client.kill());
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}

/** The most a large document grows to before edits only delete (an editor session's size, a few times the start). */
const LARGE_CAP = 600_000;

/** A connector file of about 150 KB: copies of an example connector, each of its own name, as YAML documents of one file. */
function largeText(connector: string): string {
  const copies = Math.ceil((150 * 1024) / connector.length);
  return Array.from({ length: copies }, (_, i) => connector.replace(/^name: .*$/m, `name: Fuzz connector ${i}`)).join('---\n');
}

/**
 * A document's whole diagnostics, as comparable text: `exconn/status` first
 * works out every file's findings (a large file's pull otherwise answers its
 * quick part while its workspace findings are pending).
 */
async function settled(client: LspClient, uri: string): Promise<string[]> {
  await client.request('exconn/status', null);
  const r = (await client.request('textDocument/diagnostic', { textDocument: { uri } })) as { items?: Diagnostic[] };
  return (r.items ?? []).map((d) => JSON.stringify([d.range, d.severity, d.code, d.message, d.relatedInformation]));
}

/** VmHWM of a live process (Linux): the most memory it has held. */
function peakRssMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}
