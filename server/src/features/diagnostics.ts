import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding } from '../engine/types';
import type { Severity } from '../rules/codes';
import { codeHref, isCode } from '../rules/codes';
import type { Caps } from './caps';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as an LSP diagnostic: source "exconn", the stable code with a link to its documentation, related places. */
export function toDiagnostic(f: Finding, uri: string, caps: Caps): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: 'exconn',
    code: f.code,
    message: f.message,
  };
  if (isCode(f.code) && caps.rulesDoc) d.codeDescription = { href: codeHref(f.code, caps.rulesDoc) };
  if (f.related?.length && caps.relatedInformation) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message }));
  }
  return d;
}
