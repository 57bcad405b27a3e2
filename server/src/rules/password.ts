import { isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { ParsedDocument } from '../model/parse';
import { keyRange } from '../model/access';
import { removePair } from '../model/edits';
import { CODES } from './codes';
import { msg } from './messages';
import type { Finding } from '../engine/types';

/** `password` in any case: `Password:` holds a password as much as `password:` does. */
export function isPasswordKey(key: string): boolean {
  return key.toLowerCase() === 'password';
}

/**
 * plaintext-password: a `password` key anywhere in the document, whatever its
 * kind. The walk uses its own stack (no recursion) and never follows aliases,
 * so neither deep nesting nor an alias bomb can hurt it.
 */
export function findPasswords(doc: ParsedDocument): Finding[] {
  const out: Finding[] = [];
  const start = doc.yaml?.contents as Node | null | undefined;
  // A key spelt with escapes ("p\x61ssword") would slip past this test; no administrator writes one.
  if (!start || !/password/i.test(doc.text)) return out;
  const stack: Node[] = [start];
  while (stack.length) {
    const node = stack.pop()!;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key) && typeof pair.key.value === 'string' && isPasswordKey(pair.key.value)) {
          out.push({
            code: 'plaintext-password',
            severity: CODES['plaintext-password'].severity,
            range: keyRange(doc, pair),
            message: msg.plaintextPassword(),
            fixes: [{ title: msg.fixRemovePassword(), edits: [removePair(doc, node as YAMLMap, pair)] }],
          });
        }
        if (pair.value && (isMap(pair.value) || isSeq(pair.value))) stack.push(pair.value as Node);
      }
    } else if (isSeq(node)) {
      for (const it of node.items) if (it && (isMap(it) || isSeq(it))) stack.push(it as Node);
    }
  }
  return out.reverse();
}
