import type { ConnectorModel } from '../model/extract';
import { normalizeDomain, parseSmtpAddressSpace } from '../model/domain';
import { isOpen, parseSchedule } from '../model/schedule';
import type { Pass } from './types';
import type { RouteGraph } from './graph';
import type { ConnectorEntry } from '../workspace/index';

/** What the simulation knows of the message. */
export interface Message {
  sizeKB: number;
  priority: string;
  system: boolean;
}

/** The domain of an address (`user@contoso.com`) or a domain given as is. */
export function domainOf(to: string): string {
  const at = to.lastIndexOf('@');
  const d = at === -1 ? to : to.slice(at + 1);
  return normalizeDomain(d) ?? d.toLowerCase();
}

/**
 * How specifically an address space matches a domain: `*` 0; `*.d` the
 * number of labels of d (its domain and subdomains); an exact domain above
 * every wildcard. Undefined when it does not match.
 */
export function specificity(space: string, domain: string): number | undefined {
  const p = parseSmtpAddressSpace(space);
  if (!p) return undefined;
  if (p.domain === '') return 0;
  const labels = p.domain.split('.').length;
  if (domain === p.domain) return p.subdomains ? labels : 1000 + labels;
  if (p.subdomains && domain.endsWith('.' + p.domain)) return labels;
  return undefined;
}

export interface Match {
  space: string;
  specificity: number;
  cost: number;
}

/** A connector's most specific (then cheapest) SMTP address space for the domain. */
export function bestMatch(c: ConnectorModel, domain: string): Match | undefined {
  let best: Match | undefined;
  for (const as of c.addressSpaces) {
    if (as.type !== 'SMTP') continue;
    const s = specificity(as.address.value, domain);
    if (s === undefined) continue;
    if (!best || s > best.specificity || (s === best.specificity && as.cost < best.cost))
      best = { space: as.address.value, specificity: s, cost: as.cost };
  }
  return best;
}

/** The message `exconn route` assumes when the query says nothing: 1 KB, normal priority, not a system message. */
export const DEFAULT_MESSAGE: Message = { sizeKB: 1, priority: 'normal', system: false };

/** The connectors the message cannot use at all, with the reason (content restrictions, schedule) and its numbers. */
export function blockedConnectors(graph: RouteGraph, m: Message): Map<ConnectorEntry, Pass> {
  const blocked = new Map<ConnectorEntry, Pass>();
  for (const c of graph.connectors) {
    const why = restrictionReason(c.model, m);
    if (why) blocked.set(c, why);
  }
  return blocked;
}

/** Why the message cannot use a connector at all, whatever its address: content restrictions, then schedule, with the numbers. */
export function restrictionReason(c: ConnectorModel, m: Message): Pass | undefined {
  if (c.maxMessageSizeKB !== undefined && m.sizeKB >= c.maxMessageSizeKB)
    return { reason: 'size', detail: { sizeKB: m.sizeKB, limitKB: c.maxMessageSizeKB } };
  if (!c.allowedPriorities.includes(m.priority))
    return { reason: 'priority', detail: { priority: m.priority, allowed: [...c.allowedPriorities] } };
  const type = m.system ? 'system' : 'nonSystem';
  if (!c.allowedTypes.includes(type)) return { reason: 'type', detail: { type, allowed: [...c.allowedTypes] } };
  // System Manager: "Use different delivery times for oversize messages (greater than N KB)".
  const oversize = c.oversize?.thresholdKB !== undefined && m.sizeKB > c.oversize.thresholdKB ? c.oversize : undefined;
  const time = oversize ?? c;
  if (!everOpens(time.connectionTime, time.schedule))
    return {
      reason: 'schedule',
      detail: { connectionTime: time.connectionTime, ...(oversize ? { oversizeKB: oversize.thresholdKB } : {}) },
    };
  return undefined;
}

/** A connector's SMTP address spaces, as written: what it could have matched. */
export function smtpSpaces(c: ConnectorModel): string[] {
  return c.addressSpaces.filter((as) => as.type === 'SMTP').map((as) => as.address.value);
}

/**
 * The simulation has no clock: a connector that opens at some time of the week
 * carries the message (it waits in the queue until then). Only one that never
 * opens is passed over: `never`, or a custom schedule without a usable window.
 */
function everOpens(connectionTime: string, schedule: string[]): boolean {
  if (connectionTime === 'never') return false;
  if (connectionTime !== 'custom') return true;
  const windows = parseSchedule(schedule);
  for (let day = 0; day < 7; day++) for (let minute = 0; minute < 1440; minute += 15) if (isOpen(windows, day, minute)) return true;
  return false;
}
