import { nameLabels } from './hostname';

/**
 * E-mail domains (routing addresses, SMTP address spaces, ETRN domains), with
 * the label rules of host names. A domain may be a single label (a
 * top-level or internal domain such as `local`), but not an IPv4 address: its
 * last label must not be all digits.
 */

/** The domain in lower case with one trailing dot dropped, or undefined when it is not a domain. */
export function normalizeDomain(text: string): string | undefined {
  const labels = nameLabels(text);
  if (!labels || /^\d+$/.test(labels[labels.length - 1])) return undefined;
  return labels.join('.').toLowerCase();
}

export function isDomain(text: string): boolean {
  return normalizeDomain(text) !== undefined;
}

/** An SMTP address space: `*` (every domain), a domain, or `*.domain` (the domain and its subdomains). */
export interface SmtpAddressSpace {
  /** The domain, normalized; empty for `*`. */
  domain: string;
  /** `*` or `*.domain`: subdomains match too. */
  subdomains: boolean;
}

export function parseSmtpAddressSpace(text: string): SmtpAddressSpace | undefined {
  if (text === '*') return { domain: '', subdomains: true };
  const wild = text.startsWith('*.');
  const domain = normalizeDomain(wild ? text.slice(2) : text);
  return domain === undefined ? undefined : { domain, subdomains: wild };
}
