/**
 * The language server: capabilities and the wiring of LSP requests to the
 * engine's features. Every handler is guarded (runSafe), so a bug answers
 * with an empty result and a log line instead of killing the server.
 */
// First: the reader thread starts while the rest loads (lsp/earlyReader.ts).
import { takeEarlyReader } from './lsp/earlyReader';
import {
  TextDocumentSyncKind,
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification,
  FileChangeType,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  ResponseError,
  type InitializeParams,
  type InitializeResult,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCaps, type Caps } from './features/caps';
import { completion } from './features/completion';
import { hover } from './features/hover';
import { warmUp, warmUpNames } from './features/warmUp';
import { fromLastParse, moveCompletions, moveHover } from './lsp/lastParse';
import type { Position } from 'vscode-languageserver-types';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { documentSymbols, workspaceSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import { definition, prepareRename, references, rename } from './features/navigation';
import { topology } from './features/topology';
import { diagramView } from './features/diagram';
import { routeTargetProblem } from './route/target';
import { setRuleErrorHandler } from './engine/checkDocument';
import { ServerState } from './lsp/state';
import { Settings } from './lsp/settings';
import { DiagnosticsPublisher } from './lsp/diagnostics';
import { loadFolders, readFolders, type FolderFiles } from './lsp/loader';
import { serverConnection } from './lsp/output';
import { CONNECTOR_GLOB, existsOnDisk, isConnectorFile, readText, uriToPath } from './lsp/files';
import { guard, runQuick, runSafe } from './lsp/runSafe';
import { IdleCollector, youngGenerationCollector } from './lsp/idleCollect';
import { SHOW_CREATED_FILE, showCreatedFile } from './lsp/showCreated';
import {
  DocumentVisibilityNotification,
  ImportLdifRequest,
  DiagramRequest,
  RouteRequest,
  RouteTargetProblemRequest,
  ServerStatusRequest,
  TopologyChangedNotification,
  TopologyRequest,
  type ImportLdifResult,
  type DiagramView,
  type RouteResult,
  type ServerStatus,
  type Topology,
} from '../../shared/protocol';
import { traceRoute } from './route/index';
import { importLdif, formatImportReport } from './import';
import { decodeBase64 } from './import/text';

// V8 lets the heap grow to about twice what is live before it collects again: each edit of a
// large file leaves its previous text (megabytes) behind, so a server holding 280 MB for
// 5,000 connectors peaked at 430 MB. Growing by a quarter at most keeps the peak near 330 MB;
// the flag is read at each collection, so setting it here, before any work, takes effect.
setFlagsFromString('--heap-growing-percent=25');

const { connection, written, line } = serverConnection();
/** A background step (the name index, the warm-ups) goes after the messages in line and any due check of an edit. */
const nextStep = (step: () => void) => void (diagnostics ? diagnostics.backgroundTurn() : line.nextTurn()).then(step);
const log = (m: string) => connection.console.error(m);
const info = (m: string) => connection.console.log(m);
setRuleErrorHandler((e) => log(`A rule failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

const state = new ServerState();
const idleCollector = new IdleCollector(youngGenerationCollector());
let caps: Caps = readCaps(undefined);
let settings: Settings;
let diagnostics: DiagnosticsPublisher;
let folders: string[] = [];
let topologyTimer: NodeJS.Timeout | undefined;
let workspaceFolders = false;
let warmedUp = false;
let reading: FolderFiles | undefined;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  caps = { ...readCaps(params.capabilities), rulesDoc: rulesDocUri() };
  settings = new Settings(connection, caps.configuration, log, () => folders);
  diagnostics = new DiagnosticsPublisher(connection, state, settings, caps, log, roundSettled, written, () => line.nextTurn());
  folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = !!params.capabilities.workspace?.workspaceFolders;
  // The files are read from now on; the engine takes them once the client is initialized.
  reading = readFolders(folders, state.diskTime(), log, takeEarlyReader());
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [' ', ':', '-', '['], resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: caps.codeActionLiterals
        ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false }
        : true,
      documentSymbolProvider: { label: 'Exchange connectors' },
      workspaceSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: caps.prepareRename ? { prepareProvider: true } : true,
      foldingRangeProvider: true,
      ...(caps.pullDiagnostics
        ? { diagnosticProvider: { identifier: 'exconn', interFileDependencies: true, workspaceDiagnostics: false } }
        : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      executeCommandProvider: { commands: [SHOW_CREATED_FILE] },
    },
    serverInfo: { name: 'exconn-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() =>
  guard(log, 'initialized', async () => {
    const c = connection.client;
    // Registered while the workspace loads: the load does not wait for the client's answers (the reader thread has been
    // reading since initialize, and a change on disk meanwhile is taken as the loader's tests show).
    const registered = (async () => {
      if (caps.watchedFilesDynamic)
        await c.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONNECTOR_GLOB }] });
      if (caps.configuration)
        await c.register(DidChangeConfigurationNotification.type, { section: 'exchangeConnectors' }).catch(() => undefined);
    })();
    if (workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) =>
        guard(log, 'workspace folders', async () => {
          for (const r of e.removed) {
            folders = folders.filter((f) => f !== r.uri);
            for (const uri of state.ws.uris()) if (uri.startsWith(r.uri.endsWith('/') ? r.uri : r.uri + '/')) removeFile(uri);
          }
          const added = e.added.map((a) => a.uri);
          folders.push(...added);
          settings.prefetch();
          await diagnostics.whileLoading(() => loadFolders(connection, state, readFolders(added, state.diskTime(), log), caps, info));
        }),
      );
    }
    settings.prefetch();
    const files = reading ?? readFolders(folders, state.diskTime(), log);
    reading = undefined;
    await Promise.all([registered, diagnostics.whileLoading(() => loadFolders(connection, state, files, caps, info))]);
  }),
);

// Text sync: the engine takes the editor's text lazily, per version.
state.onTextChanged((uri) => diagnostics.changed(uri));
state.documents.onDidOpen((e) =>
  guard(log, 'open', () => {
    diagnostics.opened(e.document.uri);
    // The file's settings (a request when no folder holds it) are asked for while it is parsed, not after.
    void settings.get(e.document.uri);
    state.sync(e.document.uri);
    // An open is no burst of typing: its report goes out as soon as the settings are in.
    diagnostics.changed(e.document.uri, 0);
  }),
);
state.documents.onDidChangeContent((e) => guard(log, 'change', () => diagnostics.changed(e.document.uri)));
state.documents.onDidClose((e) =>
  guard(log, 'close', async () => {
    const uri = e.document.uri;
    state.closed(uri);
    diagnostics.closed(uri);
    const path = uriToPath(uri);
    const text = path && state.onDisk.has(uri) ? await readText(path) : undefined;
    if (text !== undefined) state.setDisk(uri, text);
    else {
      state.drop(uri);
      await diagnostics.clear(uri);
    }
    diagnostics.changed(uri);
  }),
);
state.documents.listen(connection);

connection.onNotification(DocumentVisibilityNotification, (p) =>
  guard(log, 'document visibility', () => diagnostics.visibility(p.hidden ?? [], p.shown ?? [])),
);

function removeFile(diskUri: string): void {
  const uri = state.spelling(diskUri);
  state.removeDisk(uri);
  if (!state.isOpen(uri)) void diagnostics.clear(uri);
}

connection.onDidChangeWatchedFiles((params) =>
  guard(log, 'watched files', async () => {
    for (const ch of params.changes) {
      if (!isConnectorFile(ch.uri)) continue;
      if (ch.type === FileChangeType.Deleted) {
        removeFile(ch.uri);
        continue;
      }
      const path = uriToPath(ch.uri);
      const text = path ? await readText(path) : undefined;
      if (text !== undefined) state.setDisk(ch.uri, text);
    }
  }),
);

connection.onDidChangeConfiguration((params) =>
  guard(log, 'configuration', () => {
    settings.changed(params.settings);
    diagnostics.all();
  }),
);

/** A feature's view of a file: the engine brought up to the editor's text first. */
function ready(uri: string): void {
  state.sync(uri);
}

connection.onCompletion((p, token) =>
  runQuick(
    log,
    'completion',
    null,
    () => {
      const uri = p.textDocument.uri;
      return fromLastParse(state, uri, p.position, 'sync', (at) => completion(state.ws, uri, at, caps), moveCompletions);
    },
    token,
  ),
);

connection.onHover((p, token) =>
  runQuick(
    log,
    'hover',
    null,
    () => {
      const uri = p.textDocument.uri;
      const answer = (at: Position) => hover(state.ws, uri, at, caps, (u) => settings.now(u));
      return fromLastParse(state, uri, p.position, 'none', answer, moveHover);
    },
    token,
  ),
);

connection.onExecuteCommand((p, token) =>
  runSafe(
    log,
    'execute command',
    null,
    async () => {
      if (p.command === SHOW_CREATED_FILE) await showCreatedFile(connection, caps.showDocument, p.arguments?.[0]);
      return null;
    },
    token,
  ),
);

connection.onCodeAction((p, token) =>
  runSafe(
    log,
    'code actions',
    [],
    async () => {
      if (!caps.codeActionLiterals) return [];
      const uri = p.textDocument.uri;
      ready(uri);
      const options = await settings.get(uri);
      return codeActions(
        state.ws,
        {
          uri,
          range: p.range,
          diagnostics: p.context.diagnostics,
          ...(p.context.only ? { only: p.context.only } : {}),
          version: state.version(uri),
          quick: state.pendingLarge(uri),
        },
        options,
        caps,
        existsOnDisk,
      );
    },
    token,
  ),
);

connection.onDocumentSymbol((p, token) =>
  runSafe(
    log,
    'document symbols',
    [],
    () => {
      ready(p.textDocument.uri);
      return documentSymbols(state.ws, p.textDocument.uri, caps);
    },
    token,
  ),
);

connection.onWorkspaceSymbol((p, token) =>
  runSafe(
    log,
    'workspace symbols',
    [],
    () => {
      state.syncAll();
      return workspaceSymbols(state.ws, p.query);
    },
    token,
  ),
);

connection.onFoldingRanges((p, token) =>
  runSafe(
    log,
    'folding',
    [],
    () => {
      ready(p.textDocument.uri);
      return foldingRanges(state.ws, p.textDocument.uri, caps.foldingRangeLimit);
    },
    token,
  ),
);

connection.onDefinition((p, token) =>
  runSafe(
    log,
    'definition',
    [],
    () => {
      state.syncAll();
      return definition(state.ws, p.textDocument.uri, p.position);
    },
    token,
  ),
);

connection.onReferences((p, token) =>
  runSafe(
    log,
    'references',
    [],
    () => {
      state.syncAll();
      return references(state.ws, p.textDocument.uri, p.position, p.context.includeDeclaration);
    },
    token,
  ),
);

connection.onPrepareRename((p, token) =>
  runSafe(
    log,
    'prepare rename',
    null,
    () => {
      state.syncAll();
      return prepareRename(state.ws, p.textDocument.uri, p.position);
    },
    token,
  ),
);

connection.onRenameRequest((p, token) =>
  runSafe(
    log,
    'rename',
    null,
    () => {
      state.syncAll();
      return rename(state.ws, p.textDocument.uri, p.position, p.newName, caps, (u) => state.version(u));
    },
    token,
  ),
);

connection.languages.diagnostics.on(
  (p, token) =>
    runSafe<DocumentDiagnosticReport>(
      log,
      'diagnostics',
      { kind: DocumentDiagnosticReportKind.Full, items: [] },
      () => diagnostics.pull(p.textDocument.uri, p.previousResultId),
      token,
    ) as Promise<DocumentDiagnosticReport>,
);

connection.onRequest(TopologyRequest, (token) =>
  runSafe<Topology>(
    log,
    'topology',
    { administrativeGroups: [] },
    () => {
      state.syncAll();
      return topology(state.ws, (uri) => settings.now(uri));
    },
    token,
  ),
);

connection.onRequest(DiagramRequest, (params, token) =>
  runSafe<DiagramView | ResponseError<void>>(
    log,
    'diagram',
    new ResponseError(ErrorCodes.InternalError, 'The topology could not be drawn; see the server log.'),
    () => {
      state.syncAll();
      return diagramView(state.ws, (uri) => settings.now(uri), params ?? {});
    },
    token,
  ),
);

// Trace a Route checks a typed destination with the code that checks `exconn route --to`.
connection.onRequest(RouteTargetProblemRequest, (text, token) =>
  runSafe<string | null>(log, 'route target', null, () => routeTargetProblem(String(text)) ?? null, token),
);

connection.onRequest(RouteRequest, (query, token) =>
  runSafe<RouteResult | ResponseError<void>>(
    log,
    'route',
    new ResponseError(ErrorCodes.InternalError, 'The route could not be traced; see the server log.'),
    () => {
      state.syncAll();
      const traced = traceRoute(state.ws.index, query);
      // An unknown routing group is the user's error: say so, as the command line does.
      return 'error' in traced ? new ResponseError(ErrorCodes.InvalidParams, traced.error) : traced.result;
    },
    token,
  ),
);

connection.onRequest(ImportLdifRequest, (params, token) =>
  runSafe<ImportLdifResult | ResponseError<void>>(
    log,
    'importLdif',
    new ResponseError(ErrorCodes.InternalError, 'The export could not be imported; see the server log.'),
    () => {
      const bytes = decodeBase64(String(params?.exportBase64 ?? ''));
      const offset = Number(params?.offsetMinutes);
      if (!bytes) return new ResponseError(ErrorCodes.InvalidParams, 'The export was not sent as base64.');
      if (!Number.isInteger(offset) || offset % 15 !== 0 || Math.abs(offset) > 14 * 60)
        return new ResponseError(ErrorCodes.InvalidParams, 'The time zone must be a whole quarter hour within ±14:00 of UTC.');
      const result = importLdif(bytes, { offsetMinutes: offset });
      return {
        found: result.found,
        files: result.files.map((f) => ({ path: f.path, text: f.text })),
        report: formatImportReport(result.report),
      };
    },
    token,
  ),
);

connection.onRequest(ServerStatusRequest, (token) =>
  runSafe<ServerStatus>(
    log,
    'status',
    { files: 0, problems: { errors: 0, warnings: 0 } },
    () => {
      state.syncAll();
      const problems = { errors: 0, warnings: 0 };
      for (const uri of state.ws.uris()) {
        for (const f of state.ws.findings(uri, settings.now(uri))) {
          if (f.severity === 'error') problems.errors++;
          else if (f.severity === 'warning') problems.warnings++;
        }
      }
      return { files: state.ws.uris().length, problems };
    },
    token,
  ),
);

/**
 * A round of checks settled: tell the client, collect the young generation while idle (lsp/idleCollect.ts),
 * build the editor features' name index if no request has yet, and the first time warm up completion and
 * hover (features/warmUp.ts).
 */
function roundSettled(): void {
  notifyTopology();
  idleCollector.settled();
  buildNamesWhileIdle();
  if (warmedUp) return;
  warmedUp = true;
  let parsed = 0;
  for (const uri of state.ws.uris()) parsed += state.ws.file(uri)?.documents.length ?? 0;
  const steps = warmUp(caps, parsed);
  const step = () =>
    guard(log, 'warm-up', () => {
      if (!steps.next().done) nextStep(step);
    });
  nextStep(step);
}

/** Documents added to the name index per turn of the event loop (about 4 ms at 5,000 connectors): requests go between. */
const NAMES_PER_STEP = 100;
let buildingNames = false;
let namesWarmedUp: 'no' | 'running' | 'yes' = 'no';

/** The name index built a step per turn, so that the first hover or completion that reads a name does not build it. */
function buildNamesWhileIdle(): void {
  if (buildingNames) return;
  buildingNames = true;
  const step = () => {
    buildingNames = false;
    guard(log, 'name index', () => {
      // What the loaded documents read (WorkspaceIndex.deferReads) first: the next change needs it.
      const index = state.ws.index;
      if (index.linkReads(NAMES_PER_STEP) && index.buildNames(NAMES_PER_STEP)) return warmUpOwnNames();
      buildingNames = true;
      nextStep(step);
    });
  };
  nextStep(step);
}

/** Once the name index is built, and until some were found: hovers over the workspace's own names (features/warmUp.ts warmUpNames). */
function warmUpOwnNames(): void {
  if (namesWarmedUp !== 'no') return;
  namesWarmedUp = 'running';
  const steps = warmUpNames(state.ws, caps);
  const step = () => {
    namesWarmedUp = 'no';
    guard(log, 'warm-up', () => {
      const next = steps.next();
      if (next.done) namesWarmedUp = next.value > 0 ? 'yes' : 'no';
      else {
        namesWarmedUp = 'running';
        nextStep(step);
      }
    });
  };
  nextStep(step);
}

/** Tells the client the topology may have changed, once a round of checks settled. */
function notifyTopology(): void {
  clearTimeout(topologyTimer);
  topologyTimer = setTimeout(() => guard(log, 'topology notification', () => connection.sendNotification(TopologyChangedNotification)), 50);
}

process.on('uncaughtException', (e) => logUncaught(`Uncaught: ${e.stack ?? String(e)}`));
process.on('unhandledRejection', (e) => logUncaught(`Unhandled rejection: ${String(e)}`));

/** A failure nobody caught, logged to the client, or to stderr once the connection is closed: logging it must not fail again. */
function logUncaught(m: string): void {
  try {
    log(m);
  } catch {
    process.stderr.write(`${m}\n`);
  }
}

connection.listen();

/** docs/rules.md beside the bundle (dist/../docs), in the repository and in the .vsix alike; read once at start. */
function rulesDocUri(): string | undefined {
  const file = join(__dirname, '..', 'docs', 'rules.md');
  return existsSync(file) ? pathToFileURL(file).href : undefined;
}
