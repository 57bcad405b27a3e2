/**
 * How the workspace compares names: routing groups, administrative groups,
 * servers, virtual servers and connectors case-insensitively, as Exchange does;
 * host names case-insensitively and without one trailing dot.
 */

export const nameKey = (s: string): string => s.trim().toLowerCase();

/** A routing group is identified by its name within its administrative group. */
export const groupKey = (adminGroup: string, name: string): string => `${nameKey(adminGroup)}\u0000${nameKey(name)}`;

/** Hosts compare as model/hostname.ts reads them: names case-insensitively without a trailing dot, addresses by value. */
export { hostKey } from '../model/hostname';
