import assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver-types';
import { Workspace, type CheckOptions } from '../../server/src/engine/workspace';
import { applyEdits } from '../../server/src/engine/applyEdits';
import type { Finding } from '../../server/src/engine/types';
import type { Code, Severity } from '../../server/src/rules/codes';

/** Checks one file's text alone, as the CLI would. */
export function check(text: string, options?: CheckOptions, uri = 'test.connector.yaml'): Finding[] {
  const ws = new Workspace();
  ws.setFile(uri, text);
  return ws.findings(uri, options);
}

/** A range from 0-based numbers: r(line, startChar, endLine, endChar) or r(line, startChar, endChar). */
export function r(line: number, start: number, a: number, b?: number): Range {
  return b === undefined
    ? { start: { line, character: start }, end: { line, character: a } }
    : { start: { line, character: start }, end: { line: a, character: b } };
}

/** The range of the n-th (0-based) occurrence of `needle` in the text. */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  let idx = -1;
  for (let i = 0; i <= nth; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx === -1) throw new Error(`'${needle}' occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, idx);
  const line = before.split('\n').length - 1;
  const col = idx - (before.lastIndexOf('\n') + 1);
  const nl = needle.split('\n');
  const endLine = line + nl.length - 1;
  const endCol = nl.length === 1 ? col + needle.length : nl[nl.length - 1].length;
  return { start: { line, character: col }, end: { line: endLine, character: endCol } };
}

export interface Expected {
  code: Code;
  severity?: Severity;
  range: Range;
  message: string;
}

/** Asserts that exactly one finding has this code, and that its severity, range and message are as given. Returns it. */
export function expectOne(findings: Finding[], e: Expected): Finding {
  const hits = findings.filter((f) => f.code === e.code);
  assert.equal(hits.length, 1, `expected one ${e.code}, got ${hits.length}: ${JSON.stringify(findings.map((f) => [f.code, f.message]))}`);
  const f = hits[0];
  assert.deepEqual(
    { code: f.code, severity: f.severity, range: f.range, message: f.message },
    { code: e.code, severity: e.severity ?? f.severity, range: e.range, message: e.message },
  );
  return f;
}

export function expectNone(findings: Finding[], code: Code): void {
  const hits = findings.filter((f) => f.code === code);
  assert.equal(hits.length, 0, `expected no ${code}, got: ${JSON.stringify(hits.map((h) => [h.message, h.range]))}`);
}

export function codes(findings: Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** Applies the fix with this title (or the preferred one) of the finding and returns the whole new text. */
export function applyFix(text: string, finding: Finding, title?: string): string {
  const fix = title ? finding.fixes.find((f) => f.title === title) : finding.fixes.find((f) => f.preferred);
  assert.ok(fix, `no fix ${title ?? '(preferred)'} among ${JSON.stringify(finding.fixes.map((f) => f.title))}`);
  return applyEdits(text, fix.edits);
}

/** The same text with CRLF line endings. */
export const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/**
 * Runs a body on the text as written (LF) and again with CRLF line endings;
 * `eol` converts an expected text to the same endings.
 */
export function bothEols(text: string, body: (text: string, eol: (s: string) => string) => void): void {
  body(text, (s) => s);
  body(crlf(text), crlf);
}

/** Joins lines with LF and a final newline. */
export const lines = (...ls: string[]) => ls.join('\n') + '\n';
