/**
 * The LSP trace in the "Exchange Connectors" output channel, as the
 * `exchangeConnectors.trace.server` setting says. vscode-languageclient 11
 * traces only while its trace channel's log level is Trace (Developer: Set
 * Log Level…), and writes the trace at that level, so at the channel's
 * default level (Info) the setting alone showed nothing. This view of the
 * channel reports the Trace level while the setting is on, and writes the
 * trace at Info unless the channel itself is at Trace.
 */
import * as vscode from 'vscode';

export function traceChannel(output: vscode.LogOutputChannel, section: string): vscode.LogOutputChannel {
  const settingOn = () => vscode.workspace.getConfiguration(section).get<string>('trace.server', 'off') !== 'off';
  const level = () => (settingOn() ? vscode.LogLevel.Trace : output.logLevel);
  const changed = new vscode.EventEmitter<vscode.LogLevel>();
  const listeners = [
    output.onDidChangeLogLevel(() => changed.fire(level())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${section}.trace.server`)) changed.fire(level());
    }),
  ];
  return {
    get name() {
      return output.name;
    },
    get logLevel() {
      return level();
    },
    onDidChangeLogLevel: changed.event,
    trace: (message, ...args) =>
      output.logLevel === vscode.LogLevel.Trace ? output.trace(message, ...args) : output.info(message, ...args),
    debug: (message, ...args) => output.debug(message, ...args),
    info: (message, ...args) => output.info(message, ...args),
    warn: (message, ...args) => output.warn(message, ...args),
    error: (error, ...args) => output.error(error, ...args),
    append: (value) => output.append(value),
    appendLine: (value) => output.appendLine(value),
    replace: (value) => output.replace(value),
    clear: () => output.clear(),
    show: (a?: boolean | vscode.ViewColumn, b?: boolean) => (typeof a === 'boolean' ? output.show(a) : output.show(a, b)),
    hide: () => output.hide(),
    // The channel is the extension's: only this view's listeners go.
    dispose: () => {
      for (const l of listeners) l.dispose();
      changed.dispose();
    },
  };
}
