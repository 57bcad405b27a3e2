/**
 * Host names and IPv4 literals as the format reads them (smart hosts, the ETRN
 * server, a server's `fqdn`). Pure string functions: the single-document host
 * rules judge a host with them, and the workspace rules compare hosts with
 * `normalized`.
 */

export type HostKind = 'name' | 'bareIp' | 'literal' | 'invalid';

export interface Host {
  kind: HostKind;
  /**
   * What two hosts compare by. A name: lower case, one trailing dot dropped.
   * An address (bare or bracketed): its four numbers in dotted decimal, without
   * brackets or leading zeros, so `[10.1.0.10]` and `10.1.0.10` compare equal.
   * An invalid host: its text, trimmed and in lower case.
   */
  normalized: string;
  /** A name of one label ("bos-ex01"): valid, but not fully qualified. */
  singleLabel?: boolean;
  /** An invalid host written in square brackets: a literal whose address is not usable. */
  bracketed?: boolean;
}

export const MAX_HOST_LENGTH = 253;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const DIGITS = /^\d+$/;

/** A DNS label: 1–63 letters, digits or hyphens, neither starting nor ending with a hyphen. */
export function isLabel(label: string): boolean {
  return LABEL.test(label);
}

/** The labels of a dotted name with one trailing dot dropped, or undefined when a label is malformed or the name too long. */
export function nameLabels(text: string): string[] | undefined {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > MAX_HOST_LENGTH) return undefined;
  const labels = name.split('.');
  return labels.every(isLabel) ? labels : undefined;
}

/** Four numbers 0–255 separated by dots, in canonical dotted decimal; undefined otherwise. */
export function parseIpv4(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map((p) => String(Number(p))).join('.');
}

/** 0.0.0.0 names no host: Exchange cannot connect to it. */
function usable(address: string): boolean {
  return address !== '0.0.0.0';
}

/** Reads a host as written (a YAML number's source text for an all-digit host). */
export function parseHost(text: string): Host {
  const invalid = (bracketed = false): Host => ({
    kind: 'invalid',
    normalized: text.trim().toLowerCase(),
    ...(bracketed ? { bracketed } : {}),
  });
  if (text.startsWith('[') && text.endsWith(']')) {
    const address = parseIpv4(text.slice(1, -1));
    return address && usable(address) ? { kind: 'literal', normalized: address } : invalid(true);
  }
  const labels = nameLabels(text);
  if (!labels) return invalid();
  if (labels.every((l) => DIGITS.test(l))) {
    // All digits: Exchange reads it as an IPv4 address, not a name.
    const address = parseIpv4(labels.join('.'));
    return address && usable(address) ? { kind: 'bareIp', normalized: address } : invalid();
  }
  const normalized = labels.join('.').toLowerCase();
  return labels.length === 1 ? { kind: 'name', normalized, singleLabel: true } : { kind: 'name', normalized };
}

/** The key two hosts compare by: names case-insensitively, one trailing dot ignored, addresses by value. */
export function hostKey(text: string): string {
  return parseHost(text).normalized;
}

/** Do two host texts name the same host? */
export function sameHost(a: string, b: string): boolean {
  return hostKey(a) === hostKey(b);
}

/**
 * Why a host that parseHost calls invalid is invalid, in words for a message
 * ("it contains a space"); the first fault found, reading left to right.
 */
export function hostProblem(text: string): string {
  if (text.trim() === '') return 'it is empty';
  if (text.trim() !== text) return text.trimStart() !== text ? 'it starts with a space' : 'it ends with a space';
  if (/\s/.test(text)) return 'it contains a space';
  if (text.includes('_')) return 'it contains an underscore, which host names cannot have';
  const bad = /[^A-Za-z0-9.\-[\]]/.exec(text);
  if (bad) return `it contains '${bad[0]}': host names have only letters, digits, hyphens and dots`;
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length > MAX_HOST_LENGTH) return `it is ${name.length} characters long, more than ${MAX_HOST_LENGTH}`;
  const labels = name.split('.');
  if (labels.every((l) => DIGITS.test(l))) {
    return parseIpv4(name) === '0.0.0.0'
      ? '0.0.0.0 names no host'
      : 'it is all digits but not an IPv4 address (four numbers from 0 to 255)';
  }
  for (const l of labels) {
    if (l === '') return name.startsWith('.') ? 'it starts with a dot' : 'it has two dots in a row';
    if (l.length > 63) return `the label '${l.slice(0, 20)}…' is ${l.length} characters long, more than 63`;
    if (l.startsWith('-')) return `the label '${l}' starts with a hyphen`;
    if (l.endsWith('-')) return `the label '${l}' ends with a hyphen`;
  }
  return 'it is not a host name or an IPv4 address';
}
