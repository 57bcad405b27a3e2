import type { MarkupContent } from 'vscode-languageserver-types';
import type { FieldSpec, FieldType } from '../model/catalog';

/** How a field's type reads in documentation. */
export function typeText(t: FieldType): string {
  switch (t.kind) {
    case 'string':
      return 'text';
    case 'integer':
      return t.max !== undefined ? `integer ${t.min}–${t.max}` : `integer ≥ ${t.min}`;
    case 'boolean':
      return 'boolean';
    case 'enum':
      return t.values.map((v) => `\`${v}\``).join(' | ');
    case 'object':
      return 'mapping';
    case 'array':
      return `list of ${typeText(t.items)}`;
  }
}

function defaultText(d: FieldSpec['default']): string | undefined {
  if (d === undefined) return undefined;
  if (Array.isArray(d)) return `[${d.join(', ')}]`;
  return String(d);
}

/** The enumeration behind a field, looking through lists. */
export function enumValues(t: FieldType): readonly string[] | undefined {
  if (t.kind === 'enum') return t.values;
  if (t.kind === 'array') return enumValues(t.items);
  return undefined;
}

/** Markdown (or plain text) documentation of a field: doc, type, default, allowed values, the System Manager place. */
export function fieldDoc(f: FieldSpec, markdown: boolean): MarkupContent {
  const code = (s: string) => (markdown ? `\`${s}\`` : s);
  const strip = (s: string) => (markdown ? s : s.replace(/`/g, ''));
  const out: string[] = [];
  out.push(markdown ? `**${f.key}** — ${typeText(f.type)}` : `${f.key}: ${strip(typeText(f.type))}`);
  out.push(strip(f.doc));
  const meta: string[] = [];
  if (f.required) meta.push('Required.');
  const d = defaultText(f.default);
  if (d !== undefined) meta.push(`Default: ${code(d)}.`);
  if (meta.length) out.push(meta.join(' '));
  const values = enumValues(f.type);
  if (values && f.valueDocs) {
    out.push(values.map((v) => `${markdown ? '- ' : '  '}${code(v)}${f.valueDocs?.[v] ? `: ${strip(f.valueDocs[v])}` : ''}`).join('\n'));
  }
  if (f.esm) out.push(`System Manager: ${f.esm.tab} tab — ${markdown ? `"${f.esm.label}"` : `"${f.esm.label}"`}`);
  return { kind: markdown ? 'markdown' : 'plaintext', value: out.join('\n\n') };
}

/** Documentation of one allowed value. */
export function valueDoc(f: FieldSpec, value: string, markdown: boolean): MarkupContent {
  const strip = (s: string) => (markdown ? s : s.replace(/`/g, ''));
  const parts = [markdown ? `\`${value}\` — **${f.key}**` : `${value} (${f.key})`];
  if (f.valueDocs?.[value]) parts.push(strip(f.valueDocs[value]));
  parts.push(strip(f.doc));
  if (f.esm) parts.push(`System Manager: ${f.esm.tab} tab — "${f.esm.label}"`);
  return { kind: markdown ? 'markdown' : 'plaintext', value: parts.join('\n\n') };
}
