import type { Connection, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { ServerState } from '../../server/src/lsp/state';

type Handler = (e: unknown) => void;

/** The server's state, listening to a connection that only hands over the document notifications. */
export function stateWithDocuments() {
  const handlers: Record<string, Handler> = {};
  const on = (name: string) => (h: Handler) => {
    handlers[name] = h;
    return { dispose: () => undefined };
  };
  const connection = {
    onDidOpenTextDocument: on('open'),
    onDidChangeTextDocument: on('change'),
    onDidCloseTextDocument: on('close'),
    onWillSaveTextDocument: on('willSave'),
    onWillSaveTextDocumentWaitUntil: on('willSaveWaitUntil'),
    onDidSaveTextDocument: on('save'),
  } as unknown as Connection;
  const state = new ServerState();
  state.documents.listen(connection);
  return {
    state,
    open: (uri: string, text: string) => handlers.open({ textDocument: { uri, languageId: 'exchange-connector', version: 1, text } }),
    change: (uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]) =>
      handlers.change({ textDocument: { uri, version }, contentChanges }),
  };
}

/** A connection that records the diagnostics pushed to it and answers a refresh: what DiagnosticsPublisher talks to. */
export function recordingConnection() {
  const reports: PublishDiagnosticsParams[] = [];
  const connection = {
    sendDiagnostics: (p: PublishDiagnosticsParams) => {
      reports.push(p);
      return Promise.resolve();
    },
    languages: { diagnostics: { refresh: () => Promise.resolve() } },
  } as unknown as Connection;
  return { connection, reports };
}
