import { KIND_SPECS, KINDS, type FieldSpec, type FieldType, type StringFormat } from '../model/catalog';
import { cell, replaceRegion } from './regions';
import { rulesTable } from './rulesTable';

/**
 * The generated parts of docs/format.md: a section per kind with a row per key
 * (type, required, default, System Manager place, meaning), read from the
 * catalog, and the code tables from codes.ts. A kind added to the catalog gets
 * its section with no change here.
 */

export const FORMAT_DOC_PATH = 'docs/format.md';

/** How each string format is named in the key tables; a new format must be named here (the compiler says so). */
const STRING_FORMATS: Record<StringFormat, string> = {
  text: 'text',
  host: 'host name or `[IPv4]` literal',
  smtpAddressSpace: 'SMTP address space',
  domain: 'domain',
  ipv4: 'IPv4 address',
  schedule: 'schedule window',
  account: 'account (`DOMAIN\\name`)',
  routingGroup: 'routing group name',
  administrativeGroup: 'administrative group name',
  server: 'server name',
  virtualServer: 'SMTP virtual server name',
  organization: 'organization name',
  exchange55Site: 'Exchange 5.5 site name',
};

export function typeText(t: FieldType): string {
  switch (t.kind) {
    case 'string':
      return STRING_FORMATS[t.format ?? 'text'];
    case 'integer':
      return t.max !== undefined ? `integer ${t.min}–${t.max}` : `integer ≥ ${t.min}`;
    case 'boolean':
      return 'boolean';
    case 'enum':
      return t.values.map((v) => `\`${v}\``).join(' \\| ') + (t.asString ? ' (a number is read as its text)' : '');
    case 'object':
      return 'mapping';
    case 'array':
      return t.items.kind === 'object' ? 'list of mappings' : `list of ${typeText(t.items)}`;
  }
}

/** A default as it is written in a file. */
export function defaultText(value: FieldSpec['default']): string {
  if (value === undefined) return '—';
  if (Array.isArray(value)) return `\`[${value.join(', ')}]\``;
  if (typeof value === 'string' && /^[\d.]+$/.test(value)) return `\`"${value}"\``;
  return `\`${String(value)}\``;
}

interface Row {
  path: string;
  field: FieldSpec;
}

/** Every key of a mapping, depth first: `general.localBridgeheads[].server` for a key of a list's entries. */
function rows(fields: readonly FieldSpec[], prefix = ''): Row[] {
  const out: Row[] = [];
  for (const field of fields) {
    const path = prefix + field.key;
    out.push({ path, field });
    let t = field.type;
    let inner = path;
    while (t.kind === 'array') {
      t = t.items;
      inner += '[]';
    }
    if (t.kind === 'object') out.push(...rows(t.fields, inner + '.'));
  }
  return out;
}

export function kindSection(kind: (typeof KINDS)[number]): string {
  const spec = KIND_SPECS[kind];
  const lines = [
    `### kind: ${kind}`,
    '',
    spec.doc,
    '',
    '| key | type | required | default | System Manager | meaning |',
    '|---|---|---|---|---|---|',
  ];
  for (const { path, field } of rows(spec.fields)) {
    const esm = field.esm ? `${field.esm.tab} → ${field.esm.label}` : '—';
    // The catalog's kind field allows every kind; in a kind's own table only its name belongs.
    const type = path === 'kind' ? `\`${kind}\`` : typeText(field.type);
    const cells = [`\`${path}\``, type, field.required ? 'yes' : '', defaultText(field.default), cell(esm), cell(field.doc)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function kindsText(): string {
  return KINDS.map(kindSection).join('\n\n');
}

export function updateFormatDoc(text: string): string {
  let out = replaceRegion(text, 'kinds', kindsText());
  out = replaceRegion(out, 'document-codes', rulesTable('document'));
  return replaceRegion(out, 'workspace-codes', rulesTable('workspace'));
}
