/**
 * Writes imported objects as YAML in the style of examples/: block mappings
 * and lists, two-space indents, a blank line between a connector's tabs,
 * plain scalars where YAML reads them back as the same string, double quotes
 * otherwise, and header comments.
 */

export type YamlValue = string | number | boolean | YamlValue[] | YamlMap;
export interface YamlMap {
  [key: string]: YamlValue | undefined;
}

// What YAML 1.2's core schema would read as something other than a string.
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/** A scalar as YAML text: plain when that reads back as the same string, else double-quoted. */
export function scalar(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  const plainSafe =
    v !== '' &&
    /^[A-Za-z0-9\\(_./][^\x00-\x1f\x7f"#:'`{}[\],&*!|>%@]*$/.test(v) &&
    !/\s$/.test(v) &&
    !NOT_A_STRING.test(v) &&
    !/^(?:-|\?|<<)/.test(v);
  if (plainSafe) return v;
  return doubleQuoted(v);
}

function doubleQuoted(v: string): string {
  let out = '"';
  for (const ch of v) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f) || c === 0xfeff || c === 0x2028 || c === 0x2029)
      out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

const isMap = (v: YamlValue | undefined): v is YamlMap => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: YamlValue): v is string | number | boolean => typeof v !== 'object';

/** A comment's text as one or more `# ` lines (a comment never holds a line break). */
export function commentLines(text: string, indent = ''): string[] {
  return text.split(/\r\n|\r|\n/).map((l) => `${indent}# ${l}`.trimEnd());
}

function writeMap(map: YamlMap, indent: string, lines: string[], spaceTabs: boolean): void {
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    if (spaceTabs && lines.length > 0 && (isMap(value) || (Array.isArray(value) && value.some(isMap)))) lines.push('');
    writeEntry(scalar(key), value, indent, lines);
  }
}

function writeEntry(keyText: string, value: YamlValue, indent: string, lines: string[]): void {
  if (isScalar(value)) {
    lines.push(`${indent}${keyText}: ${scalar(value)}`);
  } else if (Array.isArray(value)) {
    if (value.length === 0) lines.push(`${indent}${keyText}: []`);
    else {
      lines.push(`${indent}${keyText}:`);
      writeList(value, indent + '  ', lines);
    }
  } else {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) lines.push(`${indent}${keyText}: {}`);
    else {
      lines.push(`${indent}${keyText}:`);
      writeMap(value, indent + '  ', lines, false);
    }
  }
}

function writeList(list: YamlValue[], indent: string, lines: string[]): void {
  for (const item of list) {
    if (isScalar(item)) lines.push(`${indent}- ${scalar(item)}`);
    else if (Array.isArray(item)) {
      lines.push(`${indent}-`);
      writeList(item, indent + '  ', lines);
    } else {
      const inner: string[] = [];
      writeMap(item, indent + '  ', inner, false);
      if (inner.length === 0) lines.push(`${indent}- {}`);
      else {
        lines.push(`${indent}- ${inner[0].slice(indent.length + 2)}`);
        lines.push(...inner.slice(1));
      }
    }
  }
}

/** One YAML document: header comments, then the mapping; a blank line before each tab when spaceTabs. */
export function writeDocument(header: readonly string[], body: YamlMap, spaceTabs: boolean, eol = '\n'): string {
  const lines: string[] = [];
  for (const h of header) lines.push(...commentLines(h));
  const bodyLines: string[] = [];
  writeMap(body, '', bodyLines, spaceTabs);
  lines.push(...bodyLines);
  return lines.join(eol) + eol;
}
