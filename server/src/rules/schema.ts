import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { KIND_SPECS, KINDS, type FieldSpec, type FieldType } from '../model/catalog';
import { describe, isNull, keyRange, keyText, pairOf, resolve, trimEnd } from '../model/access';
import { insertPair, mapIndent, removePair, replaceNode, replaceSpan, scalarText } from '../model/edits';
import { closest } from '../model/distance';
import { entryFindings, type DocContext, type DocumentRule } from '../engine/context';
import type { Fix } from '../engine/types';
import { msg } from './messages';
import { isPasswordKey } from './password';

/**
 * The structural rules, driven by the catalog: duplicate-key, unknown-field,
 * missing-field, invalid-type, invalid-value, cost-range and size-invalid.
 * A value that fails here is left alone by the rules that read its meaning,
 * since they read only values of the right type.
 */
export const schemaRule: DocumentRule = {
  kinds: KINDS,
  check(ctx) {
    const spec = KIND_SPECS[ctx.kind];
    checkMap(ctx, ctx.root, spec.fields, `the ${ctx.kind} document`, undefined);
  },
};

/** What the rule says of each entry of a list (a null entry's type error points at the list's key, outside it: not kept). */
const ENTRIES = entryFindings();

/** `owner` is the pair whose value this mapping is; undefined at the top of the document. */
function checkMap(
  ctx: DocContext,
  map: YAMLMap,
  fields: readonly FieldSpec[],
  where: string,
  owner: Pair | undefined,
  ownerItem?: Node,
): void {
  const seen = new Map<string, Pair>();
  const unknown: { pair: Pair; key: string }[] = [];
  for (const pair of map.items) {
    const key = keyText(pair);
    if (key === undefined) {
      reportOddKey(ctx, pair, where);
      continue;
    }
    if (isPasswordKey(key)) continue; // plaintext-password, and nothing else
    const first = seen.get(key);
    if (first) {
      ctx.report('duplicate-key', keyRange(ctx.doc, pair), msg.duplicateKey(key), {
        related: [{ range: keyRange(ctx.doc, first), message: msg.duplicateKeyFirst }],
        fixes: [{ title: msg.fixRemoveDuplicateKey(key), edits: [removePair(ctx.doc, map, pair)] }],
      });
      continue;
    }
    seen.set(key, pair);
    if (key === 'kind' && !owner && !ownerItem) continue; // the document's kind: checked by the kind rule
    const field = fieldsByKey(fields).get(key);
    if (!field) {
      unknown.push({ pair, key });
      continue;
    }
    checkValue(ctx, pair.value as Node | null, field.type, field.key, pair, false, map);
  }
  const misspelt = reportUnknownFields(ctx, map, unknown, fields, where);
  for (const f of fields) {
    // A required key written with a typo is one fault: the unknown-field and its rename say it.
    if (!f.required || seen.has(f.key) || f.key === 'kind' || misspelt.has(f.key)) continue;
    const range = missingRange(ctx, owner, ownerItem);
    const fixes: Fix[] = [];
    if (isMap(map) && (map.items.length > 0 || map.flow)) {
      const after = previousPresent(map, fields, f.key);
      const edit = after || map.flow ? insertPair(ctx.doc, map, f.key, placeholder(f), after) : insertFirst(ctx, map, f);
      fixes.push({ title: msg.fixInsertKey(f.key), edits: [edit] });
    }
    ctx.report('missing-field', range, msg.missingField(f.key, where), { fixes });
  }
}

function missingRange(ctx: DocContext, owner: Pair | undefined, ownerItem: Node | undefined): Range {
  if (owner) return keyRange(ctx.doc, owner);
  if (ownerItem) return entryRange(ctx, ownerItem);
  const kindPair = pairOf(ctx.root, 'kind');
  return kindPair ? keyRange(ctx.doc, kindPair) : ctx.firstLineRange();
}

/**
 * A list entry from its first character to the end of its last value: a
 * block mapping's own range runs on over a trailing comment.
 */
function entryRange(ctx: DocContext, entry: Node): Range {
  const start = entry.range![0];
  let node: unknown = entry;
  let end = start;
  for (;;) {
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length) {
      const last: unknown = node.items[node.items.length - 1];
      node = isPair(last) ? (last.value ?? last.key) : last;
      continue;
    }
    const r = (node as Node | null)?.range;
    if (r) end = Math.max(end, r[1]);
    break;
  }
  return ctx.doc.range(start, trimEnd(ctx.doc.text, start, end));
}

/** The last pair present that the catalog orders before `key`, so an inserted key lands in catalog order. */
function previousPresent(map: YAMLMap, fields: readonly FieldSpec[], key: string): Pair | undefined {
  const idx = fields.findIndex((f) => f.key === key);
  for (let i = idx - 1; i >= 0; i--) {
    const p = pairOf(map, fields[i].key);
    if (p) return p;
  }
  return undefined;
}

function placeholder(f: FieldSpec): string | string[] {
  const t = f.type;
  if (t.kind === 'enum') return t.values[0];
  if (t.kind === 'array') {
    if (t.items.kind === 'object') {
      // A list of mappings: one entry with its required keys as placeholders ("- name: <name>").
      const req = t.items.fields.filter((x) => x.required);
      const [first, ...rest] = req;
      if (!first) return '[]';
      return [`${first.key}: "<${first.key}>"` + rest.map((r) => `\n${r.key}: "<${r.key}>"`).join('')];
    }
    return '[]';
  }
  return `"<${f.key}>"`;
}

/**
 * unknown-field, with a rename to the closest key (edit distance 2 at most, or
 * case only). The rename is preferred only when that key is absent and no
 * other unknown key of the mapping would be renamed to it too. Returns the
 * absent keys that some unknown key is a misspelling of.
 */
function reportUnknownFields(
  ctx: DocContext,
  map: YAMLMap,
  unknown: { pair: Pair; key: string }[],
  fields: readonly FieldSpec[],
  where: string,
): Set<string> {
  const misspelt = new Set<string>();
  if (unknown.length === 0) return misspelt;
  const absent = fields.map((f) => f.key).filter((k) => !pairOf(map, k));
  const present = fields.map((f) => f.key).filter((k) => pairOf(map, k));
  const nearest = unknown.map(({ key }) => closest(key, absent, 2));
  const claims = new Map<string, number>();
  for (const near of nearest) {
    if (near.length === 1) claims.set(near[0], (claims.get(near[0]) ?? 0) + 1);
    for (const k of near) misspelt.add(k);
  }
  unknown.forEach(({ pair, key }, i) => {
    const near = nearest[i];
    const nearPresent = near.length ? [] : closest(key, present, 2);
    const suggestion = near[0] ?? nearPresent[0];
    const keyNode = pair.key as Node;
    const unique = near.length === 1 && claims.get(near[0]) === 1;
    // Several equally close, a key already there, or one wanted twice: offered, never applied unattended.
    const fixes: Fix[] = (near.length ? near : nearPresent).map((k) => ({
      title: msg.fixRenameKey(key, k),
      ...(unique ? { preferred: true } : {}),
      edits: [replaceNode(ctx.doc, keyNode, k)],
    }));
    ctx.report('unknown-field', keyRange(ctx.doc, pair), msg.unknownField(key, where, suggestion), { fixes });
  });
  return misspelt;
}

/** A key that is not text (a list, a mapping, `? ` with nothing): the format defines no such key. */
function reportOddKey(ctx: DocContext, pair: Pair, where: string): void {
  const key = pair.key as Node | null;
  if (!key?.range || key.range[0] === key.range[1]) return; // no key at all: the YAML error says so
  const [start, end] = key.range;
  const source = ctx.doc.text.slice(start, end).trim();
  const shown = source.length > 40 ? source.slice(0, 37) + '...' : source;
  ctx.report('unknown-field', ctx.range(key), msg.unknownField(shown, where));
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
};

function checkValue(ctx: DocContext, raw: Node | null, type: FieldType, key: string, pair: Pair, inList = false, parent?: YAMLMap): void {
  const node = resolve(ctx.doc, raw);
  if (raw && !node) return; // an alias to nothing: the YAML error says so
  const at: Node | null = raw; // ranges point at what is written here, even for an alias
  switch (type.kind) {
    case 'object': {
      if (isNull(node)) {
        if (inList) reportTypeError(ctx, at, node, type, key, pair);
        else reportMissingInNull(ctx, type.fields, pair, key, parent);
        return;
      }
      if (!isMap(node)) return reportTypeError(ctx, at, node, type, key, pair);
      if (node !== raw) return; // an alias to a mapping: checked where it is defined
      checkMap(ctx, node, type.fields, inList ? `an entry of '${key}'` : `'${key}'`, inList ? undefined : pair, inList ? node : undefined);
      return;
    }
    case 'array': {
      if (isNull(node)) return; // "key:" with nothing is an empty list
      if (!isSeq(node)) return reportTypeError(ctx, at, node, type, key, pair);
      if (node !== raw) return;
      ctx.eachEntry(node, ENTRIES, (item) => checkValue(ctx, item as Node | null, type.items, key, pair, true));
      return;
    }
    case 'string': {
      if (isScalar(node) && typeof node.value === 'string') {
        if (type.format === 'ipv4' && !isIpv4(node.value)) ctx.report('invalid-value', ctx.range(at), msg.invalidIp(node.value));
        return;
      }
      // A host written as a bare number (an all-digit label) is for the host rules to judge.
      if (type.format === 'host' && isScalar(node) && typeof node.value === 'number') return;
      // An address written as a number (ip: 10) is still an address that is not IPv4.
      if (type.format === 'ipv4' && isScalar(node) && typeof node.value === 'number') {
        return ctx.report('invalid-value', ctx.range(at), msg.invalidIp(sourceText(node)));
      }
      return reportTypeError(ctx, at, node, type, key, pair);
    }
    case 'boolean':
      if (isScalar(node) && typeof node.value === 'boolean') return;
      return reportTypeError(ctx, at, node, type, key, pair);
    case 'integer': {
      if (!isScalar(node) || typeof node.value !== 'number') return reportTypeError(ctx, at, node, type, key, pair);
      const v = node.value;
      const ok = Number.isInteger(v) && v >= type.min && (type.max === undefined || v <= type.max);
      if (ok) return;
      if (type.rangeCode === 'cost-range') {
        const bound = v < type.min ? type.min : type.max !== undefined && v > type.max ? type.max : undefined;
        const fixes: Fix[] =
          bound !== undefined && node === raw
            ? [{ title: msg.fixSetCost(bound), preferred: true, edits: [replaceNode(ctx.doc, node, String(bound))] }]
            : [];
        ctx.report('cost-range', ctx.range(at), msg.costRange(sourceText(node)), { fixes });
      } else {
        ctx.report('size-invalid', ctx.range(at), msg.sizeInvalid(key));
      }
      return;
    }
    case 'enum': {
      if (!isScalar(node)) return reportTypeError(ctx, at, node, type, key, pair);
      const v = node.value;
      let text: string | undefined;
      if (typeof v === 'string') text = v;
      // version: 2003 is read as "2003", as written: 5.50 is not "5.5".
      else if (type.asString && typeof v === 'number') text = sourceText(node);
      if (text === undefined) return reportTypeError(ctx, at, node, type, key, pair);
      if (type.values.includes(text)) return;
      const near = closest(text, type.values, Math.max(2, Math.floor(text.length / 2)));
      const fixes: Fix[] =
        node === raw
          ? near.map((value) => ({
              title: msg.fixChangeTo(key, value),
              preferred: near.length === 1,
              edits: [replaceNode(ctx.doc, node, scalarText(value, node))],
            }))
          : [];
      if (key === 'kind' && !inList) return; // reported as unknown-kind
      ctx.report('invalid-value', ctx.range(at), msg.invalidValue(key, text, type.values), { fixes });
      return;
    }
  }
}

/** invalid-type; "key:" with nothing after it has an empty range: the key shows where it is. */
function reportTypeError(ctx: DocContext, at: Node | null, node: Node | undefined, type: FieldType, key: string, pair: Pair): void {
  ctx.report(
    'invalid-type',
    hasText(at) ? ctx.range(at) : keyRange(ctx.doc, pair),
    msg.invalidType(key, expectedText(type), describe(node)),
  );
}

/** A mapping's fields by key, worked out once per field list (the catalog's lists never change). */
function fieldsByKey(fields: readonly FieldSpec[]): Map<string, FieldSpec> {
  let byKey = FIELDS_BY_KEY.get(fields);
  if (!byKey) {
    byKey = new Map();
    // The first spec of a key wins, as a search from the start finds it.
    for (const f of fields) if (!byKey.has(f.key)) byKey.set(f.key, f);
    FIELDS_BY_KEY.set(fields, byKey);
  }
  return byKey;
}

const FIELDS_BY_KEY = new WeakMap<readonly FieldSpec[], Map<string, FieldSpec>>();

/**
 * Writes a key before the first key of a block mapping, at that key's column:
 * right after the dash of a list entry ("- server: …") too, where inserting a
 * whole line above would leave the entry.
 */
function insertFirst(ctx: DocContext, map: YAMLMap, f: FieldSpec) {
  const doc = ctx.doc;
  const at = (map.items[0].key as Node).range![0];
  const col = doc.lines.position(at).character;
  const pad = ' '.repeat(col);
  const value = placeholder(f);
  const body =
    typeof value === 'string'
      ? ` ${value}`
      : value.map((v) => `${doc.eol}${pad}  - ${v.split('\n').join(`${doc.eol}${pad}    `)}`).join('');
  return replaceSpan(doc, at, at, `${f.key}:${body}${doc.eol}${pad}`);
}

/** `oversize:` with nothing after it still misses its required keys; the fix writes them under it. */
function reportMissingInNull(ctx: DocContext, fields: readonly FieldSpec[], pair: Pair, key: string, parent: YAMLMap | undefined): void {
  for (const f of fields) {
    if (!f.required) continue;
    const fixes: Fix[] = parent ? [{ title: msg.fixInsertKey(f.key), edits: [fillNullMap(ctx, pair, parent, f)] }] : [];
    ctx.report('missing-field', keyRange(ctx.doc, pair), msg.missingField(f.key, `'${key}'`), { fixes });
  }
}

/** Writes "key: placeholder" as the value of a pair that has none: on the next line, indented, or in braces in a flow mapping. */
function fillNullMap(ctx: DocContext, pair: Pair, parent: YAMLMap, f: FieldSpec) {
  const doc = ctx.doc;
  const keyNode = pair.key as Node;
  const value = placeholder(f);
  const keyLine = doc.lines.position(keyNode.range![0]).line;
  if (parent.flow) {
    // "{oversize: }" gets its value after the colon; "{oversize}" gets a colon too.
    const keyEnd = keyNode.range![1];
    const colon = /^[ \t]*:/.exec(doc.text.slice(keyEnd, keyEnd + 100));
    const at = colon ? keyEnd + colon[0].length : keyEnd;
    const inline = typeof value === 'string' ? value : `[{${value[0].split('\n').join(', ')}}]`;
    return replaceSpan(doc, at, at, `${colon ? '' : ':'} {${f.key}: ${inline}}`);
  }
  const indent = mapIndent(doc, parent) + 2;
  const pad = ' '.repeat(indent);
  const body =
    typeof value === 'string'
      ? ` ${value}`
      : value.map((v) => `${doc.eol}${pad}  - ${v.split('\n').join(`${doc.eol}${pad}    `)}`).join('');
  const at = doc.lines.lineEnd(keyLine);
  return replaceSpan(doc, at, at, `${doc.eol}${pad}${f.key}:${body}`);
}

function hasText(node: Node | null): node is Node {
  return !!node?.range && node.range[0] < node.range[1];
}

/** A scalar as written (without quotes for a plain one): "5.50", not 5.5. */
function sourceText(node: Scalar): string {
  return typeof node.source === 'string' && node.source !== '' ? node.source : String(node.value);
}

function expectedText(type: FieldType): string {
  if (type.kind === 'enum') return `one of ${type.values.map((v) => `'${v}'`).join(', ')}`;
  return EXPECTED[type.kind];
}

export function isIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
