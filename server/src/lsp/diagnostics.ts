import { DocumentDiagnosticReportKind, type Connection, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver/node';
import type { Caps } from '../features/caps';
import { toDiagnostic } from '../features/diagnostics';
import type { Finding } from '../engine/types';
import type { ServerState } from './state';
import type { Settings } from './settings';
import type { ParsedFile } from '../model/parse';

/**
 * A change within this long of the file's previous change is part of a burst
 * (keystrokes, a multi-cursor edit, a paste the editor sends in parts): the
 * burst is checked once, this long after its last change. A lone change is
 * checked at once.
 */
export const DIAGNOSTICS_DELAY_MS = 10;
/** Other files (those a change may affect through the workspace rules) are checked a little later. */
export const OTHERS_DELAY_MS = 150;

/**
 * How long a large file's background work (reading it into the index, working
 * out its workspace findings) goes on between two turns, in which requests and
 * edits are answered. An edit that comes in meanwhile waits for the slice in
 * progress, half of one on average: slices of 8 ms made the early edits after
 * opening 5,000 connectors wait 2 to 22 ms before the server read them.
 */
export const WORKSPACE_SLICE_MS = 4;

/** How long background work waiting for a due check sleeps before it looks again (should a wake-up be missed). */
const DUE_RECHECK_MS = 50;

const immediateTurn = () => new Promise<void>((r) => setImmediate(r));

/**
 * Keeps every file's diagnostics current. A changed file is checked after a
 * short debounce, on its latest text, and published with its version; then
 * the other files are re-checked in slices (yielding between them) and
 * re-published only when their diagnostics changed; a newer change abandons
 * the slice run. With a client that pulls diagnostics, open documents are
 * answered on request and the client is asked to refresh; closed files are
 * always pushed, so that the workspace's problems stay listed.
 */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private othersTimer: NodeJS.Timeout | undefined;
  /** What was last pushed per file: at which generation, for which version. */
  private readonly pushed = new Map<string, { diagnostics: Diagnostic[]; generation: number; version: number | null }>();
  /** The next round checks every file (after loading, or when the settings changed). */
  private everything = false;
  /** Files changed since the last round. */
  private edited = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly state: ServerState,
    private readonly settings: Settings,
    private readonly caps: Caps,
    private readonly log: (m: string) => void,
    /** Called once a round of checks has settled (for the topology notification). */
    private readonly settled: () => void,
    /** Resolves once the messages sent so far have left: long work waits for it, so that a report is not held back. */
    private readonly written: () => Promise<void> = () => Promise.resolve(),
    /** The turn between two slices of work: the server's waits until the messages in line are dispatched (lsp/turns.ts). */
    private readonly nextTurn: () => Promise<void> = immediateTurn,
  ) {}

  /** Files whose check is due (scheduled, or started and not yet reported). */
  private readonly due = new Set<string>();
  /** Background work waiting for the due checks to be reported. */
  private waiting: (() => void)[] = [];

  /**
   * A turn of the event loop for background work (reading a large file into
   * the index, working out its workspace findings): taken once what was sent
   * has left, after the messages in line, and while no check of a changed
   * file is due. An edit made while a large file is read into the index is
   * then reported before another step of that work. The server's other
   * background steps (the name index, the warm-ups) take the same turns.
   */
  async backgroundTurn(): Promise<void> {
    for (;;) {
      await this.nextTurn();
      await this.written();
      if (this.due.size === 0) return;
      await new Promise<void>((r) => {
        this.waiting.push(r);
        setTimeout(r, DUE_RECHECK_MS);
      });
    }
  }

  /** A due check was reported (or dropped): background work goes on once none is left. */
  private reported(uri: string): void {
    if (!this.due.delete(uri) || this.due.size > 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const r of waiting) r();
  }

  /** Open documents in no editor tab: the client does not show their pulled problems, so they are pushed. */
  private readonly tabless = new Set<string>();

  /** Pulled, not pushed: an open document, in a tab, with a client that pulls. */
  private pulled(uri: string): boolean {
    return this.caps.pullDiagnostics && this.state.isOpen(uri) && !this.tabless.has(uri);
  }

  /** The client says which open documents left every tab (push their problems) and which came back (it pulls them). */
  visibility(hidden: readonly string[], shown: readonly string[]): void {
    if (!this.caps.pullDiagnostics) return;
    for (const uri of shown) if (this.tabless.delete(uri) && this.pushed.has(uri)) void this.clear(uri);
    for (const uri of hidden) {
      if (!this.state.isOpen(uri) || this.tabless.has(uri)) continue;
      this.tabless.add(uri);
      this.pushed.delete(uri);
      this.schedule(uri);
    }
  }

  /** A document closed: it is a closed file again, pushed as every closed file is. */
  closed(uri: string): void {
    this.tabless.delete(uri);
  }

  /**
   * While the workspace loads, closed files are not checked one by one (the
   * index is still filling, so their workspace findings would flicker): the
   * load ends with a check of everything.
   */
  private loads = 0;

  /** Reads folders with per-file checks of closed files held back, then checks everything once. */
  async whileLoading(load: () => Promise<unknown>): Promise<void> {
    this.loads++;
    try {
      await load();
    } finally {
      this.loads--;
    }
    this.all();
  }

  /** When each file last changed (performance.now()). */
  private readonly lastChange = new Map<string, number>();

  /** A file changed: check it at once, or after the burst it is part of, and the others after. */
  changed(uri: string, delay?: number): void {
    if (this.loads > 0 && !this.state.isOpen(uri)) return;
    this.edited.add(uri);
    const now = performance.now();
    const last = this.lastChange.get(uri);
    this.lastChange.set(uri, now);
    const burst = this.timers.has(uri) || (last !== undefined && now - last < DIAGNOSTICS_DELAY_MS);
    this.schedule(uri, delay ?? (burst ? DIAGNOSTICS_DELAY_MS : 0));
    this.scheduleOthers();
  }

  /** Every file, as after loading the workspace or a settings change. */
  all(): void {
    for (const uri of this.state.ws.uris()) this.pushed.delete(uri);
    this.everything = true;
    this.scheduleOthers(0);
  }

  schedule(uri: string, delay = DIAGNOSTICS_DELAY_MS): void {
    clearTimeout(this.timers.get(uri));
    this.due.add(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.publish(uri).catch((e) => this.log(`Publishing diagnostics failed: ${String(e)}`));
      }, delay),
    );
  }

  private scheduleOthers(delay = OTHERS_DELAY_MS): void {
    clearTimeout(this.othersTimer);
    this.othersTimer = setTimeout(() => {
      this.othersTimer = undefined;
      this.publishOthers().catch((e) => this.log(`Publishing diagnostics failed: ${String(e)}`));
    }, delay);
  }

  private readonly pulledResults = new Map<string, { resultId: string; items: Diagnostic[] }>();
  private resultCounter = 0;

  /** A pull: the full report, or "unchanged" when the client already has these diagnostics. */
  async pull(uri: string, previousResultId: string | undefined): Promise<DocumentDiagnosticReport> {
    const items = await this.compute(uri, this.caps.diagnosticRefresh);
    const last = this.pulledResults.get(uri);
    if (last && previousResultId === last.resultId && sameDiagnostics(last.items, items)) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    }
    const resultId = String(++this.resultCounter);
    this.pulledResults.set(uri, { resultId, items });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /**
   * The diagnostics of one file on its latest text. With `quick`, a large
   * file whose workspace findings are pending gets the findings known
   * without them, and the client is asked to pull again once they are in.
   */
  async compute(uri: string, quick = false): Promise<Diagnostic[]> {
    const options = await this.settings.get(uri);
    this.state.sync(uri);
    const ws = this.state.ws;
    if (quick && this.phased(uri)) {
      void this.workspacePhase(uri, ws.file(uri)).then((done) => {
        if (done) this.connection.languages.diagnostics.refresh().catch(() => undefined);
      });
      return ws.quickFindings(uri, options).map((f) => this.diagnostic(f, uri));
    }
    return ws.findings(uri, options).map((f) => this.diagnostic(f, uri));
  }

  /**
   * Works out a large file's workspace findings a slice of documents at a
   * time, yielding between slices, so that requests and a newer edit are
   * answered in between (what is done stays done for the next version).
   * False when the file is no longer `file`: the newer text has its own check.
   */
  private workspacePhase(uri: string, file: ParsedFile | undefined): Promise<boolean> {
    // One run per version of a file: a pull or a publish arriving meanwhile waits for the same run.
    const running = this.phases.get(uri);
    if (running && running.file === file) return running.done;
    const done = this.slices(uri, file).finally(() => {
      if (this.phases.get(uri)?.done === done) this.phases.delete(uri);
    });
    this.phases.set(uri, { file, done });
    return done;
  }
  private readonly phases = new Map<string, { file: ParsedFile | undefined; done: Promise<boolean> }>();

  private async slices(uri: string, file: ParsedFile | undefined): Promise<boolean> {
    // The first report goes out before the file is read into the index.
    await this.written();
    await this.readAhead();
    for (let next = 0; ;) {
      await this.backgroundTurn();
      if (this.state.ws.file(uri) !== file) return false;
      const until = performance.now() + WORKSPACE_SLICE_MS;
      while (performance.now() < until) if ((next = this.state.ws.prepare(uri, 5, next)) === -1) return true;
    }
  }

  /**
   * Large files not read into the index yet are prepared for it a few
   * documents at a time, yielding between slices: reading 5,000 connectors
   * into the index at once held the thread for seconds after the first
   * report, and an edit or a request made then waited as long. One run at a
   * time; what needs the index waits for it.
   */
  private readAhead(): Promise<void> {
    this.readingAhead ??= this.readAheadSlices().finally(() => (this.readingAhead = undefined));
    return this.readingAhead;
  }
  private readingAhead: Promise<void> | undefined;

  private async readAheadSlices(): Promise<void> {
    for (const uri of this.state.ws.unreadFiles()) {
      for (let next = 0; next !== -1;) {
        await this.backgroundTurn();
        const until = performance.now() + WORKSPACE_SLICE_MS;
        while (next !== -1 && performance.now() < until) next = this.state.ws.readAhead(uri, 5, next);
      }
    }
  }

  /** A large file whose workspace findings are not computed yet: its report comes in two parts. */
  private phased(uri: string): boolean {
    return this.state.pendingLarge(uri);
  }

  private async publish(uri: string, onlyIfChanged = false): Promise<void> {
    try {
      await this.check(uri, onlyIfChanged);
    } finally {
      // A newer check of the file, scheduled meanwhile, is still due.
      if (!this.timers.has(uri)) this.reported(uri);
    }
  }

  /** Checks a file on its latest text and pushes its findings: the quick ones first, for a large file. */
  private async check(uri: string, onlyIfChanged: boolean): Promise<void> {
    if (this.pulled(uri)) return;
    const options = await this.settings.get(uri);
    // From here to the send nothing yields: the result is for the latest text.
    this.state.sync(uri);
    clearTimeout(this.timers.get(uri)); // the sync may have scheduled this very check again
    this.timers.delete(uri);
    if (!this.state.ws.file(uri)) {
      if (this.pushed.has(uri)) await this.clear(uri);
      return;
    }
    const file = this.state.ws.file(uri);
    if (this.phased(uri)) {
      // Syntax and single-document findings first; requests waiting in line are answered before the workspace rules run.
      const quick = this.send(uri, this.state.ws.quickFindings(uri, options), onlyIfChanged);
      this.reported(uri);
      await quick;
      if (!(await this.workspacePhase(uri, file))) return;
    }
    await this.send(uri, this.state.ws.findings(uri, options), onlyIfChanged);
  }

  /**
   * A finding as a diagnostic, made once per finding object: the engine keeps
   * the finding objects of documents an edit did not touch, so a large file's
   * re-publish converts only what changed.
   */
  private diagnostic(f: Finding, uri: string): Diagnostic {
    const known = this.converted.get(f);
    if (known?.uri === uri) return known.diagnostic;
    const diagnostic = toDiagnostic(f, uri, this.caps);
    this.converted.set(f, { uri, diagnostic });
    return diagnostic;
  }
  private readonly converted = new WeakMap<Finding, { uri: string; diagnostic: Diagnostic }>();

  /** Pushes a file's findings, unless the client has them for this version already. */
  private async send(uri: string, findings: Finding[], onlyIfChanged: boolean): Promise<void> {
    const diagnostics = findings.map((f) => this.diagnostic(f, uri));
    const prev = this.pushed.get(uri);
    // The same diagnostic objects are the same diagnostics: only new ones are compared as text.
    const same = prev !== undefined && sameDiagnostics(prev.diagnostics, diagnostics);
    const version = this.state.version(uri);
    this.pushed.set(uri, { diagnostics, generation: this.state.generation, version });
    if (same && (onlyIfChanged || prev.version === version)) return;
    await this.connection.sendDiagnostics({ uri, diagnostics, ...(version !== null ? { version } : {}) });
  }

  private async publishOthers(): Promise<void> {
    // Reading a large file into the index holds the thread: the report just sent goes out first, and most of
    // the reading is done ahead in slices.
    await this.written();
    await this.readAhead();
    // Open documents the client has not pulled since they changed are brought up to date, so that the index knows.
    this.state.syncAll();
    const start = this.state.generation;
    // The engine says which files a change may affect through the workspace rules; only those are checked again.
    const affected = this.state.ws.takeAffected();
    for (const u of this.leftover) affected.push(u);
    this.leftover.clear();
    const full = this.everything;
    const targets = full ? this.state.ws.uris() : [...new Set(affected)];
    this.everything = false;
    const edited = this.edited;
    this.edited = new Set();
    let refresh = full;
    for (let i = 0; i < targets.length; i++) {
      const uri = targets[i];
      if (this.pulled(uri)) {
        // The client pulls open documents after their own edits; it is asked to pull again when
        // a change elsewhere may affect one.
        if (!(edited.size === 1 && edited.has(uri))) refresh = true;
        continue;
      }
      if (this.timers.has(uri)) continue;
      if (this.pushed.get(uri)?.generation === this.state.generation) continue;
      await this.publish(uri, true);
      if (i % 20 === 19) {
        await this.nextTurn();
        if (this.state.generation !== start) {
          // A newer change: start again with what is left to check and what the change affects.
          this.requeue(targets.slice(i + 1));
          return this.scheduleOthers();
        }
      }
    }
    if (refresh && this.caps.pullDiagnostics && this.caps.diagnosticRefresh) {
      this.connection.languages.diagnostics.refresh().catch(() => undefined);
    }
    this.settled();
  }

  private readonly leftover = new Set<string>();
  private requeue(uris: string[]): void {
    for (const u of uris) this.leftover.add(u);
  }

  /** A file left the workspace: its diagnostics go. */
  async clear(uri: string): Promise<void> {
    this.pulledResults.delete(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.reported(uri);
    this.lastChange.delete(uri);
    this.pushed.delete(uri);
    await this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A document opened: with a pulling client its pushed diagnostics give way to pulled ones. */
  opened(uri: string): void {
    this.tabless.delete(uri);
    if (this.caps.pullDiagnostics && this.pushed.has(uri)) void this.clear(uri);
  }
}

/** Equal lists of diagnostics: the same objects, or else the same text. */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  // One by one: a line inserted mid-file moves half a large file's diagnostics, and the first moved one says it
  // (the whole rest written out as text, twice, was a quarter of a megabyte per keystroke at 5,000 connectors).
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  return true;
}
