import type { ClientCapabilities } from 'vscode-languageserver-protocol';

/** What the client can take, read once from its capabilities; every feature falls back when a flag is off. */
export interface Caps {
  snippets: boolean;
  completionMarkdown: boolean;
  hoverMarkdown: boolean;
  hierarchicalSymbols: boolean;
  documentChanges: boolean;
  createFiles: boolean;
  codeActionLiterals: boolean;
  relatedInformation: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  workDoneProgress: boolean;
  watchedFilesDynamic: boolean;
  prepareRename: boolean;
  completionItemKinds: boolean;
  showDocument: boolean;
  /** The most folding ranges the client wants. */
  foldingRangeLimit: number;
  /** A URI of docs/rules.md where the server is installed, for diagnostics' code links; none when it is not there. */
  rulesDoc?: string;
}

export function readCaps(c: ClientCapabilities | undefined): Caps {
  const td = c?.textDocument;
  const ws = c?.workspace;
  return {
    snippets: !!td?.completion?.completionItem?.snippetSupport,
    completionMarkdown: !!td?.completion?.completionItem?.documentationFormat?.includes('markdown'),
    hoverMarkdown: !!td?.hover?.contentFormat?.includes('markdown'),
    hierarchicalSymbols: !!td?.documentSymbol?.hierarchicalDocumentSymbolSupport,
    documentChanges: !!ws?.workspaceEdit?.documentChanges,
    createFiles: !!ws?.workspaceEdit?.documentChanges && !!ws?.workspaceEdit?.resourceOperations?.includes('create'),
    codeActionLiterals: !!td?.codeAction?.codeActionLiteralSupport,
    relatedInformation: !!td?.publishDiagnostics?.relatedInformation,
    pullDiagnostics: !!td?.diagnostic,
    diagnosticRefresh: !!ws?.diagnostics?.refreshSupport,
    configuration: !!ws?.configuration,
    workDoneProgress: !!c?.window?.workDoneProgress,
    watchedFilesDynamic: !!ws?.didChangeWatchedFiles?.dynamicRegistration,
    prepareRename: !!td?.rename?.prepareSupport,
    completionItemKinds: !!td?.completion?.completionItemKind,
    showDocument: !!c?.window?.showDocument?.support,
    foldingRangeLimit: td?.foldingRange?.rangeLimit ?? Infinity,
  };
}

/** Capabilities of no client at all: every fallback on. */
export const MINIMAL_CAPS: Caps = readCaps(undefined);
