import type { ParsedDocument } from '../model/parse';
import { comparePositions } from '../model/text';
import { CODES } from '../rules/codes';
import { msg } from '../rules/messages';
import { readKind } from '../rules/kind';
import { findPasswords } from '../rules/password';
import { DOCUMENT_RULES } from '../rules/index';
import { DocContext } from './context';
import type { Finding } from './types';
import { withoutNoOpFixes } from './noOpFixes';

/**
 * Every single-document rule on one YAML document, in document-local
 * coordinates and before ignore comments and settings apply. The result
 * depends on the text alone, so it is cached on the parse: a document whose
 * text did not change is never checked again.
 */
export function checkDocument(doc: ParsedDocument): readonly Finding[] {
  const cached = doc.cache.get('findings') as Finding[] | undefined;
  if (cached) return cached;
  const findings = withoutNoOpFixes(doc, computeFindings(doc));
  findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  doc.cache.set('findings', findings);
  return findings;
}

let onRuleError: (e: unknown) => void = () => {};
/** Where a rule's crash is logged (the server's console, the CLI's stderr). */
export function setRuleErrorHandler(handler: (e: unknown) => void): void {
  onRuleError = handler;
}

/** Logs a rule's crash through that handler (the workspace rules use it too). */
export function reportRuleError(e: unknown): void {
  onRuleError(e);
}

function computeFindings(doc: ParsedDocument): Finding[] {
  if (doc.errors.length) {
    // A document that does not parse reports its syntax errors and nothing else.
    return doc.errors.map((e) => ({
      code: 'yaml-syntax',
      severity: CODES['yaml-syntax'].severity,
      range: e.range,
      message: msg.yamlSyntax(e.message),
      fixes: [],
    }));
  }
  if (doc.isEmpty) return [];
  const out: Finding[] = guarded(() => findPasswords(doc)) ?? [];
  const { kind, finding } = guarded(() => readKind(doc)) ?? {};
  if (finding) out.push(finding);
  const root = doc.root;
  if (!kind || !root) return out;
  const ctx = new DocContext(doc, root, kind);
  for (const rule of DOCUMENT_RULES) {
    if (!rule.kinds.includes(kind)) continue;
    try {
      rule.check(ctx);
    } catch (e) {
      // A bug in one rule must not hide the others' findings, nor stop the server.
      onRuleError(e);
    }
  }
  out.push(...ctx.findings);
  return out;
}

/** Runs a step of the check; a crash is logged and the step's result left out, so the others still show. */
function guarded<T>(step: () => T): T | undefined {
  try {
    return step();
  } catch (e) {
    onRuleError(e);
    return undefined;
  }
}
