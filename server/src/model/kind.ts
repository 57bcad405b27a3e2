import { isScalar } from 'yaml';
import type { ParsedDocument } from './parse';
import { KINDS, type KindName } from './catalog';
import { pairOf, resolve } from './access';

/**
 * A document's kind when it is written right (`kind:` with one of the kinds,
 * as text, possibly through an alias); undefined otherwise. What is wrong with
 * a kind, and its fixes, is rules/kind.ts's business.
 */
export function kindOf(doc: ParsedDocument): KindName | undefined {
  const pair = doc.root && pairOf(doc.root, 'kind');
  if (!pair) return undefined;
  const value = resolve(doc, pair.value);
  if (!isScalar(value) || typeof value.value !== 'string') return undefined;
  return (KINDS as readonly string[]).includes(value.value) ? (value.value as KindName) : undefined;
}
