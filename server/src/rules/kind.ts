import { isScalar, type Node, type Scalar } from 'yaml';
import type { ParsedDocument } from '../model/parse';
import { KINDS, type KindName } from '../model/catalog';
import { firstContentLine, keyRange, nodeRange, pairOf, resolve } from '../model/access';
import { replaceNode, scalarText } from '../model/edits';
import { closest } from '../model/distance';
import { kindOf } from '../model/kind';
import { CODES } from './codes';
import { msg } from './messages';
import type { Finding } from '../engine/types';

/** Reads a document's kind, or reports unknown-kind (with a fix to the closest kind). */
export function readKind(doc: ParsedDocument): { kind?: KindName; finding?: Finding } {
  const known = kindOf(doc);
  if (known) return { kind: known };
  const root = doc.root;
  const report = (range: Finding['range'], message: string, fixes: Finding['fixes'] = []): { finding: Finding } => ({
    finding: { code: 'unknown-kind', severity: CODES['unknown-kind'].severity, range, message, fixes },
  });
  if (!root) {
    return report(firstContentLine(doc), msg.unknownKindMissing);
  }
  const pair = pairOf(root, 'kind');
  if (!pair) {
    // "Kind:" is the kind key in the wrong case: renaming it is the fix.
    const near = root.items.find((p) => isScalar(p.key) && typeof p.key.value === 'string' && p.key.value.toLowerCase() === 'kind');
    if (!near) return report(firstContentLine(doc), msg.unknownKindMissing);
    const key = near.key as Scalar;
    const fixes = [{ title: msg.fixRenameKey(String(key.value), 'kind'), preferred: true, edits: [replaceNode(doc, key, 'kind')] }];
    return report(keyRange(doc, near), msg.unknownKindMissing, fixes);
  }
  const written = pair.value as Node | null;
  // kind: *k reads the anchored value; a fix would have to edit the anchor, so none is offered then.
  const value = resolve(doc, written) ?? null;
  const text = isScalar(value) && value.value !== null ? String(value.value) : '';
  if (!value || (isScalar(value) && value.value === null)) return report(keyRange(doc, pair), msg.unknownKindMissing);
  if (!isScalar(value)) {
    // kind: [SmtpConnector] has a kind, just not a usable one: say what is written.
    const [start, end] = written!.range!;
    const source = doc.text.slice(start, end).trim();
    return report(nodeRange(doc, written), msg.unknownKind(source.length > 40 ? source.slice(0, 37) + '...' : source));
  }
  const near = closest(text, KINDS, Math.max(3, Math.floor(text.length / 2)));
  const fixes =
    written !== value
      ? []
      : near.map((k) => ({
          title: msg.fixChangeTo('kind', k),
          preferred: near.length === 1,
          edits: [replaceNode(doc, value, scalarText(k, value))],
        }));
  return report(nodeRange(doc, written), msg.unknownKind(text), fixes);
}
