/**
 * A reader for ldifde's export files (RFC 2849 as ldifde writes it): records
 * separated by blank lines, lines folded with a leading space (a value may
 * start on the continuation line), `attr:: base64` kept as bytes, plain values
 * read as Windows-1252 (ldifde's default ANSI mode), CRLF or LF, attribute
 * names compared case-insensitively, records in any order.
 *
 * Nothing here throws on bad input: what cannot be read is a problem with its
 * line number, and the rest of the file is still read.
 */
import { decodeBase64, decodeCp1252, decodeUtf8, encodeCp1252 } from './text';

export interface LdifValue {
  /** The value as text: Windows-1252 for plain values, UTF-8 for base64 ones. */
  text: string;
  /** The value's bytes: what base64 carried, or the plain value's bytes. */
  bytes: Uint8Array;
  /** Written as `attr:: base64`. */
  base64: boolean;
}

export interface LdifAttribute {
  /** The name as first written in the record. */
  name: string;
  values: LdifValue[];
}

export interface LdifRecord {
  dn: string;
  /** 1-based line of the record's `dn:` line. */
  line: number;
  /** By lower-case attribute name. */
  attributes: Map<string, LdifAttribute>;
}

export interface LdifProblem {
  line: number;
  message: string;
}

export interface LdifFile {
  records: LdifRecord[];
  problems: LdifProblem[];
}

interface LogicalLine {
  text: string;
  line: number;
}

/** Decodes the file: UTF-16 or UTF-8 when a byte-order mark says so (ldifde -u), Windows-1252 otherwise. */
export function decodeLdifBytes(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-8' | 'windows-1252' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeUtf8(bytes.subarray(3)), encoding: 'utf-8' };
  return { text: decodeCp1252(bytes), encoding: 'windows-1252' };
}

/** Physical lines to logical ones: a line starting with one space continues the previous line. */
function unfold(text: string): Array<LogicalLine | 'blank'> {
  const out: Array<LogicalLine | 'blank'> = [];
  const lines = text.split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const last = out[out.length - 1];
    if (raw.startsWith(' ') && last !== undefined && last !== 'blank') {
      last.text += raw.slice(1);
    } else if (raw.trim() === '') {
      out.push('blank');
    } else {
      out.push({ text: raw, line: i + 1 });
    }
  }
  return out;
}

/** Reads an export. */
export function readLdif(bytes: Uint8Array): LdifFile {
  const { text, encoding } = decodeLdifBytes(bytes);
  const records: LdifRecord[] = [];
  const problems: LdifProblem[] = [];
  let current: LdifRecord | undefined;
  let skipping = false;
  for (const l of unfold(text)) {
    if (l === 'blank') {
      if (current) records.push(current);
      current = undefined;
      skipping = false;
      continue;
    }
    if (l.text.startsWith('#')) continue;
    if (skipping) continue;
    const parsed = parseLine(l, encoding);
    if ('message' in parsed) {
      problems.push(parsed);
      continue;
    }
    const { name, value } = parsed;
    const key = name.toLowerCase();
    if (!current) {
      if (key === 'version') continue;
      if (key !== 'dn') {
        problems.push({ line: l.line, message: `'${name}' before any 'dn:' line; the lines up to the next blank line are skipped` });
        skipping = true;
        continue;
      }
      current = { dn: value.text, line: l.line, attributes: new Map() };
      continue;
    }
    // changetype and the `-` separators of modify records are instructions, not attributes.
    if (key === 'changetype' || key === 'dn') continue;
    const attr = current.attributes.get(key);
    if (attr) attr.values.push(value);
    else current.attributes.set(key, { name, values: [value] });
  }
  if (current) records.push(current);
  return { records, problems };
}

function parseLine(l: LogicalLine, encoding: string): { name: string; value: LdifValue } | LdifProblem {
  if (l.text === '-') return { line: l.line, message: "a '-' line (ldifde's modify format) is ignored" };
  const colon = l.text.indexOf(':');
  if (colon <= 0) return { line: l.line, message: `'${l.text.slice(0, 40)}' is not an 'attribute: value' line` };
  // An attribute description may carry options (`cn;lang-fr`): they are dropped.
  const name = l.text.slice(0, colon).split(';')[0].trim();
  if (!/^[A-Za-z][A-Za-z0-9-]*$|^\d+(\.\d+)*$/.test(name)) return { line: l.line, message: `'${name}' is not an attribute name` };
  const rest = l.text.slice(colon + 1);
  if (rest.startsWith(':')) {
    const bytes = decodeBase64(rest.slice(1));
    if (!bytes) return { line: l.line, message: `the base64 value of '${name}' does not decode` };
    return { name, value: { text: decodeUtf8(bytes), bytes, base64: true } };
  }
  if (rest.startsWith('<'))
    return { line: l.line, message: `'${name}' refers to a file (${rest.slice(1).trim()}); such values are not read` };
  const text = rest.replace(/^ +/, '');
  const bytes = encoding === 'windows-1252' ? encodeCp1252(text) : new TextEncoder().encode(text);
  return { name, value: { text, bytes, base64: false } };
}

/** The values of an attribute (any case of its name), or an empty list. */
export function values(record: LdifRecord, name: string): LdifValue[] {
  return record.attributes.get(name.toLowerCase())?.values ?? [];
}

/** The first value's text, or undefined. */
export function first(record: LdifRecord, name: string): string | undefined {
  return values(record, name)[0]?.text;
}
