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
  /**
   * Written with labels before a wildcard (`lab.*.contoso.com`): Exchange reads
   * an address space only up to its first wildcard from the right, so this is
   * `*.contoso.com` (KB 244986). The text as Exchange reads it.
   */
  readAs?: string;
}

/** A label before an inner wildcard: `*` or a host-name label. */
const PREFIX_LABEL = /^(\*|[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)$/i;

export function parseSmtpAddressSpace(text: string): SmtpAddressSpace | undefined {
  if (text === '*') return { domain: '', subdomains: true };
  const wild = text.startsWith('*.');
  const domain = normalizeDomain(wild ? text.slice(2) : text);
  if (domain !== undefined) return { domain, subdomains: wild };
  // `lab.*.contoso.com`: labels, then the last wildcard, then a domain.
  const last = text.lastIndexOf('.*.');
  if (last <= 0) return undefined;
  const inner = normalizeDomain(text.slice(last + 3));
  if (
    inner === undefined ||
    !text
      .slice(0, last)
      .split('.')
      .every((l) => PREFIX_LABEL.test(l))
  )
    return undefined;
  return { domain: inner, subdomains: true, readAs: `*.${text.slice(last + 3)}` };
}
