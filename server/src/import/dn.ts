/**
 * Distinguished names as RFC 4514 writes them (and RFC 2253 before it, as
 * Active Directory does): `CN=Boston\, MA,CN=Routing Groups,…` with `\,`-style
 * and `\2C`-style escapes, `#hex` values and quoted values.
 */
import { decodeUtf8 } from './text';

export interface Rdn {
  type: string;
  value: string;
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Splits a DN into its RDNs, most specific first; undefined when it does not parse. Of a multi-valued RDN (`a=1+b=2`), the first pair is kept. */
export function parseDn(dn: string): Rdn[] | undefined {
  const out: Rdn[] = [];
  // After a `+`, the next pair belongs to the same (multi-valued) RDN.
  let continuesRdn = false;
  let i = 0;
  const n = dn.length;
  if (dn.trim() === '') return [];
  while (i < n) {
    while (i < n && dn[i] === ' ') i++;
    const eq = dn.indexOf('=', i);
    if (eq === -1) return undefined;
    const type = dn.slice(i, eq).trim();
    if (!/^([A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)*)$/.test(type)) return undefined;
    i = eq + 1;
    while (i < n && dn[i] === ' ') i++;
    const bytes: number[] = [];
    let pendingSpaces = 0;
    const push = (text: string) => {
      for (const b of new TextEncoder().encode(text)) bytes.push(b);
    };
    if (dn[i] === '#') {
      // A BER-encoded value: kept as its hex text, since names never use it.
      const m = /^#[0-9A-Fa-f]*/.exec(dn.slice(i));
      push(m![0]);
      i += m![0].length;
    } else if (dn[i] === '"') {
      i++;
      while (i < n && dn[i] !== '"') {
        if (dn[i] === '\\' && i + 1 < n) i++;
        push(dn[i]);
        i++;
      }
      if (dn[i] !== '"') return undefined;
      i++;
    } else {
      while (i < n && dn[i] !== ',' && dn[i] !== ';' && dn[i] !== '+') {
        const c = dn[i];
        if (c === '\\') {
          const pair = dn.slice(i + 1, i + 3);
          if (HEX.test(pair)) {
            for (; pendingSpaces > 0; pendingSpaces--) bytes.push(0x20);
            bytes.push(parseInt(pair, 16));
            i += 3;
            continue;
          }
          if (i + 1 >= n) return undefined;
          for (; pendingSpaces > 0; pendingSpaces--) bytes.push(0x20);
          push(dn[i + 1]);
          i += 2;
          continue;
        }
        // Unescaped trailing spaces are not part of the value.
        if (c === ' ') pendingSpaces++;
        else {
          for (; pendingSpaces > 0; pendingSpaces--) bytes.push(0x20);
          push(c);
        }
        i++;
      }
    }
    while (i < n && dn[i] === ' ') i++;
    const value = decodeUtf8(Uint8Array.from(bytes));
    if (!continuesRdn) out.push({ type, value });
    continuesRdn = i < n && dn[i] === '+';
    if (i < n) i++;
  }
  return out;
}

/** A DN in a form that compares as Active Directory does (case-insensitively, escapes undone). */
export function dnKey(dn: string): string | undefined {
  const rdns = parseDn(dn);
  return rdns?.map(rdnKey).join(',');
}

export function rdnKey(r: Rdn): string {
  return `${r.type.toLowerCase()}=${r.value.toLowerCase()}`;
}

/** The key of the parent of a DN given as RDNs. */
export function parentKey(rdns: readonly Rdn[]): string {
  return rdns.slice(1).map(rdnKey).join(',');
}
