/**
 * objectGUID values: 16 bytes in Windows byte order (the first three groups
 * little-endian), written as Windows writes GUIDs: `a10cd59a-7718-40f8-…`.
 */

const hex = (b: number) => b.toString(16).padStart(2, '0');

/** The GUID's text from its 16 bytes; undefined for another length. */
export function guidFromBytes(bytes: Uint8Array): string | undefined {
  if (bytes.length !== 16) return undefined;
  const b = Array.from(bytes, hex);
  return `${b[3]}${b[2]}${b[1]}${b[0]}-${b[5]}${b[4]}-${b[7]}${b[6]}-${b[8]}${b[9]}-${b.slice(10).join('')}`;
}

/** A GUID's text in one form (lower case, no braces); undefined when it is not a GUID. */
export function normalizeGuid(text: string): string | undefined {
  const m = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/.exec(text.trim());
  return m ? m[1].toLowerCase() : undefined;
}

/** The 16 bytes of a GUID's text (the inverse of guidFromBytes), for writing test exports. */
export function guidToBytes(text: string): Uint8Array {
  const g = normalizeGuid(text);
  if (!g) throw new Error(`not a GUID: ${text}`);
  const h = g.replace(/-/g, '');
  const byte = (i: number) => parseInt(h.slice(i * 2, i * 2 + 2), 16);
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return Uint8Array.from(order, byte);
}
