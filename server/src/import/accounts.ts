/**
 * Delivery restrictions name users, contacts and groups by DN (in the domain
 * partition). The format writes `DOMAIN\name` as System Manager shows it: that
 * needs the account's sAMAccountName and its domain's NetBIOS name (the
 * crossRef's nETBIOSName), which an export of the Exchange configuration
 * alone does not hold. Without them the DN is kept as it is.
 */
import { lookup, type Directory } from './directory';
import { dnKey, parseDn } from './dn';
import type { Reader } from './read';

export function accountName(dir: Directory, r: Reader, dn: string): string {
  const account = lookup(dir, dn);
  const sam = account ? r.text(account, 'sAMAccountName') : undefined;
  if (!account || !sam) return dn;
  const rdns = parseDn(dn) ?? [];
  const domainDn = rdns
    .filter((x) => x.type.toLowerCase() === 'dc')
    .map((x) => `DC=${x.value}`)
    .join(',');
  const domainKey = dnKey(domainDn);
  for (const o of dir.objects) {
    if (o.type !== 'crossRef') continue;
    const nc = r.text(o, 'nCName');
    const netbios = r.text(o, 'nETBIOSName');
    if (nc !== undefined && netbios && dnKey(nc) === domainKey) return `${netbios}\\${sam}`;
  }
  return dn;
}
