import type { ParsedDocument } from '../model/parse';
import type { Finding, Fix } from './types';

/**
 * A fix that changes nothing ("Rename 'general' to 'general'") is never
 * offered: in the editor it would do nothing, and `--fix` would apply it on
 * every pass until its limit. Every finding passes through here where the
 * engine caches it, whichever rule built the fix. Edits are document-local.
 */
export function withoutNoOpFixes<F extends Finding>(doc: ParsedDocument, findings: F[]): F[] {
  return findings.map((f) => {
    if (f.fixes.every((fix) => changesSomething(doc, fix))) return f;
    return { ...f, fixes: f.fixes.filter((fix) => changesSomething(doc, fix)) };
  });
}

function changesSomething(doc: ParsedDocument, fix: Fix): boolean {
  if (fix.create?.length || fix.otherEdits?.some((o) => o.edits.length)) return true;
  return fix.edits.some((e) => doc.text.slice(doc.lines.offset(e.range.start), doc.lines.offset(e.range.end)) !== e.newText);
}
