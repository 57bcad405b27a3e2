import { isScalar, type Node } from 'yaml';
import type { ParsedDocument } from '../model/parse';
import { KINDS, type KindName } from '../model/catalog';
import { firstContentLine, keyRange, nodeRange, pairOf } from '../model/access';
import { replaceNode, scalarText } from '../model/edits';
import { closest } from '../model/distance';
import { CODES } from './codes';
import { msg } from './messages';
import type { Finding } from '../engine/types';

/** Reads a document's kind, or reports unknown-kind (with a fix to the closest kind). */
export function readKind(doc: ParsedDocument): { kind?: KindName; finding?: Finding } {
  const root = doc.root;
  const report = (range: Finding['range'], message: string, fixes: Finding['fixes'] = []): { finding: Finding } => ({
    finding: { code: 'unknown-kind', severity: CODES['unknown-kind'].severity, range, message, fixes },
  });
  if (!root) {
    return report(firstContentLine(doc), msg.unknownKindMissing);
  }
  const pair = pairOf(root, 'kind');
  if (!pair) {
    return report(firstContentLine(doc), msg.unknownKindMissing);
  }
  const value = pair.value as Node | null;
  const text = isScalar(value) && value.value !== null ? String(value.value) : '';
  if ((KINDS as readonly string[]).includes(text) && isScalar(value) && typeof value.value === 'string') return { kind: text as KindName };
  if (!isScalar(value) || value.value === null) return report(keyRange(doc, pair), msg.unknownKindMissing);
  const near = closest(text, KINDS, Math.max(3, Math.floor(text.length / 2)));
  const fixes = near.map((k) => ({ title: msg.fixChangeTo('kind', k), preferred: near.length === 1, edits: [replaceNode(doc, value, scalarText(k, value))] }));
  return report(nodeRange(doc, value), msg.unknownKind(text), fixes);
}
