import { closest } from '../model/distance';
import { findGroups, type RouteGraph } from './graph';
import type { RouteQuery } from './types';

/** Names listed when none is close: enough to see the spelling, not the whole organization. */
const MAX_LISTED = 10;

/** "no routing group named 'Pari'; did you mean 'Paris'?", else the groups there are (the first ten). */
export function unknownGroupMessage(graph: RouteGraph, text: string, option: string): string {
  const names = [...new Set([...graph.groups.values()].filter((g) => g.defined).map((g) => g.name))].sort();
  const asked = text.slice(text.lastIndexOf('/') + 1);
  const near = closest(asked, names, Math.max(2, Math.floor(asked.length / 2)));
  const head = `${option}: no routing group named '${text}'`;
  if (near.length) return `${head}; did you mean ${orList(near.slice(0, 3))}?`;
  if (names.length === 0) return `${head}: the files define no routing group`;
  const listed = names.slice(0, MAX_LISTED).map((n) => `'${n}'`);
  return `${head}; the routing groups are ${listed.join(', ')}${names.length > MAX_LISTED ? ` and ${names.length - MAX_LISTED} more` : ''}`;
}

/**
 * `--to Seattle` where Seattle is a routing group, not a mail domain: the
 * message that says to use --to-group, or undefined. An address with an @ is
 * always an address.
 */
export function toIsAGroupMessage(graph: RouteGraph, query: RouteQuery): string | undefined {
  const to = query.to;
  if (to === undefined || to.includes('@') || findGroups(graph, to).length === 0) return undefined;
  return `--to: '${to}' is a routing group, not a mail domain; use --to-group '${to}' to route to it (--to takes an e-mail address or a domain)`;
}

function orList(items: string[]): string {
  const q = items.map((s) => `'${s}'`);
  return q.length === 1 ? q[0] : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}
