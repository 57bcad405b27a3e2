import { isMap, isPair, isSeq, type Node } from 'yaml';

/**
 * Visits every node under `root` in source order (pairs are passed through:
 * their key, then their value), with its own stack, so deep nesting cannot
 * overflow. `visit` returns `'skip'` to leave out a node's children, `'stop'`
 * to end the walk. False when the walk was stopped.
 */
export function walkNodes(root: unknown, visit: (node: Node) => 'skip' | 'stop' | void): boolean {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node == null) continue;
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    const n = node as Node;
    const next = visit(n);
    if (next === 'stop') return false;
    if (next !== 'skip' && (isMap(n) || isSeq(n))) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
  return true;
}
