import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { KIND_SPECS, KINDS, type FieldSpec, type FieldType } from '../model/catalog';
import { describe, isNull, keyRange, keyText, pairOf, resolve } from '../model/access';
import { insertPair, removePair, replaceNode, scalarText } from '../model/edits';
import { closest } from '../model/distance';
import type { DocContext, DocumentRule } from '../engine/context';
import type { Fix } from '../engine/types';
import { msg } from './messages';

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

/** `owner` is the pair whose value this mapping is; undefined at the top of the document. */
function checkMap(ctx: DocContext, map: YAMLMap, fields: readonly FieldSpec[], where: string, owner: Pair | undefined, ownerItem?: Node): void {
  const seen = new Map<string, Pair>();
  for (const pair of map.items) {
    const key = keyText(pair);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first) {
      ctx.report('duplicate-key', keyRange(ctx.doc, pair), msg.duplicateKey(key), {
        related: [{ range: keyRange(ctx.doc, first), message: msg.duplicateKeyFirst }],
        fixes: [{ title: msg.fixRemoveDuplicateKey(key), edits: [removePair(ctx.doc, map, pair)] }],
      });
      continue;
    }
    seen.set(key, pair);
    if (key === 'password') continue; // plaintext-password, and nothing else
    if (ctx.kind !== undefined && key === 'kind' && !owner) continue; // checked by the kind rule
    const field = fields.find((f) => f.key === key);
    if (!field) {
      reportUnknownField(ctx, map, pair, key, fields, where);
      continue;
    }
    checkValue(ctx, pair.value as Node | null, field.type, field.key, pair);
  }
  for (const f of fields) {
    if (!f.required || seen.has(f.key) || f.key === 'kind') continue;
    const range = missingRange(ctx, owner, ownerItem);
    const fixes: Fix[] = [];
    if (isMap(map) && (map.items.length > 0 || map.flow)) {
      const after = previousPresent(map, fields, f.key);
      fixes.push({ title: msg.fixInsertKey(f.key), edits: [insertPair(ctx.doc, map, f.key, placeholder(f), after ?? 'start')] });
    }
    ctx.report('missing-field', range, msg.missingField(f.key, where), { fixes });
  }
}

function missingRange(ctx: DocContext, owner: Pair | undefined, ownerItem: Node | undefined): Range {
  if (owner) return keyRange(ctx.doc, owner);
  if (ownerItem) return ctx.range(ownerItem);
  const kindPair = pairOf(ctx.root, 'kind');
  return kindPair ? keyRange(ctx.doc, kindPair) : ctx.firstLineRange();
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

function reportUnknownField(ctx: DocContext, map: YAMLMap, pair: Pair, key: string, fields: readonly FieldSpec[], where: string): void {
  const absent = fields.map((f) => f.key).filter((k) => !pairOf(map, k));
  const present = fields.map((f) => f.key).filter((k) => pairOf(map, k));
  const near = closest(key, absent, 2);
  const nearPresent = near.length ? [] : closest(key, present, 2);
  const suggestion = near[0] ?? nearPresent[0];
  const fixes: Fix[] = [];
  const keyNode = pair.key as Node;
  if (near.length === 1) {
    fixes.push({ title: msg.fixRenameKey(key, near[0]), preferred: true, edits: [replaceNode(ctx.doc, keyNode, near[0])] });
  } else {
    // Several equally close, or the closest key is already there: offered, never applied unattended.
    for (const k of near.length ? near : nearPresent) fixes.push({ title: msg.fixRenameKey(key, k), edits: [replaceNode(ctx.doc, keyNode, k)] });
  }
  ctx.report('unknown-field', keyRange(ctx.doc, pair), msg.unknownField(key, where, suggestion), { fixes });
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
};

function checkValue(ctx: DocContext, raw: Node | null, type: FieldType, key: string, pair: Pair, inList = false): void {
  const node = resolve(ctx.doc, raw);
  if (raw && !node) return; // an alias to nothing: the YAML error says so
  const at: Node | null = raw; // ranges point at what is written here, even for an alias
  const typeError = () =>
    ctx.report('invalid-type', at ? ctx.range(at) : keyRange(ctx.doc, pair), msg.invalidType(key, expectedText(type), describe(node)));
  switch (type.kind) {
    case 'object': {
      if (isNull(node)) {
        if (inList) typeError();
        else reportMissingInNull(ctx, type.fields, pair, key);
        return;
      }
      if (!isMap(node)) return typeError();
      if (node !== raw) return; // an alias to a mapping: checked where it is defined
      checkMap(ctx, node, type.fields, inList ? `an entry of '${key}'` : `'${key}'`, inList ? undefined : pair, inList ? node : undefined);
      return;
    }
    case 'array': {
      if (isNull(node)) return; // "key:" with nothing is an empty list
      if (!isSeq(node)) return typeError();
      if (node !== raw) return;
      for (const item of node.items) checkValue(ctx, item as Node | null, type.items, key, pair, true);
      return;
    }
    case 'string': {
      if (isScalar(node) && typeof node.value === 'string') {
        if (type.format === 'ipv4' && !isIpv4(node.value)) ctx.report('invalid-value', ctx.range(at), msg.invalidIp(node.value));
        return;
      }
      // A host written as a bare number (an all-digit label) is for the host rules to judge.
      if (type.format === 'host' && isScalar(node) && typeof node.value === 'number') return;
      return typeError();
    }
    case 'boolean':
      if (isScalar(node) && typeof node.value === 'boolean') return;
      return typeError();
    case 'integer': {
      if (!isScalar(node) || typeof node.value !== 'number') return typeError();
      const v = node.value;
      const ok = Number.isInteger(v) && v >= type.min && (type.max === undefined || v <= type.max);
      if (ok) return;
      if (type.rangeCode === 'cost-range') {
        const bound = v < type.min ? type.min : type.max !== undefined && v > type.max ? type.max : undefined;
        const fixes: Fix[] = bound !== undefined && node === raw ? [{ title: msg.fixSetCost(bound), preferred: true, edits: [replaceNode(ctx.doc, node, String(bound))] }] : [];
        ctx.report('cost-range', ctx.range(at), msg.costRange(), { fixes });
      } else {
        ctx.report('size-invalid', ctx.range(at), msg.sizeInvalid(key));
      }
      return;
    }
    case 'enum': {
      if (!isScalar(node)) return typeError();
      const v = node.value;
      let text: string | undefined;
      if (typeof v === 'string') text = v;
      else if (type.asString && typeof v === 'number') text = (node as Scalar).source ?? String(v);
      if (text === undefined) return typeError();
      if (type.values.includes(text) || (type.asString && typeof v === 'number' && type.values.includes(String(v)))) return;
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

/** `oversize:` with nothing after it still misses its required keys. */
function reportMissingInNull(ctx: DocContext, fields: readonly FieldSpec[], pair: Pair, key: string): void {
  for (const f of fields) if (f.required) ctx.report('missing-field', keyRange(ctx.doc, pair), msg.missingField(f.key, `'${key}'`));
}

function expectedText(type: FieldType): string {
  if (type.kind === 'enum') return `one of ${type.values.map((v) => `'${v}'`).join(', ')}`;
  return EXPECTED[type.kind];
}

export function isIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
