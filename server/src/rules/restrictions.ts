import { isMap, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { DocContext, DocumentRule } from '../engine/context';
import type { ParsedDocument } from '../model/parse';
import { isNull, isNumberScalar, items, mapOf, pairOf, resolve, seqOf, stringOf, stringValue, trimEnd } from '../model/access';
import { removePair, replaceNode, replaceSpan } from '../model/edits';
import { comparePositions } from '../model/text';
import { msg } from './messages';
import { CONNECTOR_KINDS } from '../model/catalog';

/**
 * The Delivery Restrictions and Content Restrictions tabs, and the oversize
 * threshold against the size limit: restriction-conflict,
 * restriction-list-unused, reject-all, restrictions-need-registry,
 * no-priorities, routing-group-link-types and oversize-threshold.
 */
export const restrictionRules: readonly DocumentRule[] = [
  { kinds: CONNECTOR_KINDS, check: checkDeliveryRestrictions },
  { kinds: CONNECTOR_KINDS, check: checkContentRestrictions },
  { kinds: CONNECTOR_KINDS, check: checkOversizeThreshold },
];

/** A list as written: absent, `key:` with nothing (an empty list), or a sequence. Undefined when it is of another type. */
export function listAt(doc: ParsedDocument, map: YAMLMap, key: string): { pair?: Pair; seq?: YAMLSeq; entries: Node[] } | undefined {
  const pair = pairOf(map, key);
  if (!pair) return { entries: [] };
  const node = resolve(doc, pair.value);
  if (isNull(node)) return { pair, entries: [] };
  if (!isSeq(node)) return undefined;
  return { pair, seq: node, entries: items(doc, node) };
}

function checkDeliveryRestrictions(ctx: DocContext): void {
  const { doc, root } = ctx;
  const owner = pairOf(root, 'deliveryRestrictions');
  const map = mapOf(doc, root, 'deliveryRestrictions');
  if (!owner || !map) return;
  const defaultPair = pairOf(map, 'default');
  const dflt = defaultPair ? stringOf(doc, map, 'default') : 'accept';
  const accept = listAt(doc, map, 'acceptFrom');
  const reject = listAt(doc, map, 'rejectFrom');

  if (accept && reject) reportConflicts(ctx, accept.entries, reject.entries);

  if (dflt === 'accept' || dflt === 'reject') {
    const unused = dflt === 'accept' ? { key: 'acceptFrom', list: accept } : { key: 'rejectFrom', list: reject };
    if (unused.list?.pair && unused.list.entries.length > 0) {
      ctx.report('restriction-list-unused', ctx.keyRange(unused.list.pair), msg.restrictionListUnused(unused.key, dflt), {
        fixes: [{ title: msg.fixRemoveList(unused.key), edits: [removePair(doc, map, unused.list.pair)] }],
      });
    }
  }
  if (dflt === 'reject' && accept && accept.entries.length === 0) {
    // An empty list is reported on its key; an absent one on the mapping that should hold it.
    ctx.report('reject-all', ctx.keyRange(accept.pair ?? owner), msg.rejectAll());
  }
  const restricted = dflt === 'reject' || (accept?.entries.length ?? 0) > 0 || (reject?.entries.length ?? 0) > 0;
  if (restricted) ctx.report('restrictions-need-registry', ctx.keyRange(owner), msg.restrictionsNeedRegistry());
}

/** One diagnostic per name listed in both, on whichever of the two entries comes later. */
function reportConflicts(ctx: DocContext, accept: Node[], reject: Node[]): void {
  const firstOf = (entries: Node[]) => {
    const m = new Map<string, Node>();
    for (const n of entries) {
      const s = stringValue(n);
      if (s === undefined || s.trim() === '') continue;
      const k = s.trim().toLowerCase(); // names compare case-insensitively, as Exchange does
      if (!m.has(k)) m.set(k, n);
    }
    return m;
  };
  const rejected = firstOf(reject);
  for (const [name, a] of firstOf(accept)) {
    const r = rejected.get(name);
    if (!r) continue;
    const ra = ctx.range(a);
    const rr = ctx.range(r);
    const [later, earlier] = comparePositions(ra.start, rr.start) > 0 ? [a, r] : [r, a];
    ctx.report('restriction-conflict', ctx.range(later), msg.restrictionConflict(stringValue(later)!), {
      related: [{ range: ctx.range(earlier), message: msg.restrictionConflictOther }],
    });
  }
}

const PRIORITIES = ['high', 'normal', 'low'];
const TYPES = ['system', 'nonSystem'];

function checkContentRestrictions(ctx: DocContext): void {
  const { doc, root } = ctx;
  const map = mapOf(doc, root, 'contentRestrictions');
  if (!map) return;

  const priorities = listAt(doc, map, 'allowedPriorities');
  if (priorities?.pair && priorities.entries.length === 0) {
    ctx.report('no-priorities', ctx.keyRange(priorities.pair), msg.noPriorities(), {
      fixes: [{ title: msg.fixAllowAllPriorities(), edits: fillEmptyList(doc, priorities.pair, PRIORITIES) }],
    });
  }

  const types = listAt(doc, map, 'allowedTypes');
  if (!types?.pair || !connectsRoutingGroups(ctx)) return;
  const values = types.entries.map(stringValue);
  // A misspelt entry is invalid-value's; this rule judges lists that read cleanly.
  if (values.some((v) => v === undefined || !TYPES.includes(v))) return;
  const missing = TYPES.filter((t) => !values.includes(t));
  if (missing.length === 0) return;
  // A list reached through an alias is completed where it is anchored, not through the alias.
  const aliased = types.seq !== undefined && types.seq !== types.pair.value;
  const edits = types.entries.length === 0 ? fillEmptyList(doc, types.pair, TYPES) : aliased ? [] : appendToList(doc, types.seq!, missing);
  // Not preferred: a restriction on a WAN link may be deliberate (public folder replication kept off it).
  ctx.report('routing-group-link-types', ctx.keyRange(types.pair), msg.routingGroupLinkTypes(), {
    fixes: edits.length ? [{ title: msg.fixAllowBothTypes(), edits }] : [],
  });
}

/** Does the connector link to at least one routing group (not only Exchange 5.5 sites)? */
function connectsRoutingGroups(ctx: DocContext): boolean {
  if (ctx.kind === 'RoutingGroupConnector') return true;
  const seq = seqOf(ctx.doc, ctx.root, 'connectedRoutingGroups');
  return items(ctx.doc, seq).some((entry) => {
    const name = isMap(entry) ? stringOf(ctx.doc, entry, 'routingGroup') : undefined;
    return name !== undefined && name.trim() !== '';
  });
}

/** Writes the values into an empty list: `[]` becomes `[a, b]`; `key:` with nothing gets ` [a, b]` after its colon. */
function fillEmptyList(doc: ParsedDocument, pair: Pair, values: readonly string[]): TextEdit[] {
  const flow = `[${values.join(', ')}]`;
  const v = pair.value as Node | null;
  // `key: null` or `key: ~` is written text to replace; `key:` alone has none.
  if (v?.range && v.range[1] > v.range[0]) return [replaceNode(doc, v, flow)];
  const keyEnd = (pair.key as Node).range![1];
  const colon = doc.text.indexOf(':', keyEnd);
  if (colon === -1) return [];
  return [replaceSpan(doc, colon + 1, colon + 1, ` ${flow}`)];
}

/** Adds entries at the end of a list in its own style: `, x` inside a flow list, or `- x` lines under a block list. */
function appendToList(doc: ParsedDocument, seq: YAMLSeq, values: readonly string[]): TextEdit[] {
  const t = doc.text;
  const last = seq.items[seq.items.length - 1] as Node;
  const lastEnd = trimEnd(t, last.range![0], last.range![1]);
  if (seq.flow) {
    // Right after the last entry: a trailing comma or a comment before the "]" stays where it is.
    return [replaceSpan(doc, lastEnd, lastEnd, values.map((v) => `, ${v}`).join(''))];
  }
  const first = seq.items[0] as Node;
  const firstLine = doc.lines.position(first.range![0]).line;
  const prefix = /^\s*-\s*/.exec(t.slice(doc.lines.starts[firstLine], first.range![0]));
  if (!prefix) return [];
  const lastLine = doc.lines.position(lastEnd - 1).line;
  const at = doc.lines.lineEnd(lastLine);
  return [replaceSpan(doc, at, at, values.map((v) => doc.eol + prefix[0] + v).join(''))];
}

function checkOversizeThreshold(ctx: DocContext): void {
  const { doc, root } = ctx;
  const maxNode = resolve(doc, pairOf(mapOf(doc, root, 'contentRestrictions'), 'maxMessageSizeKB')?.value);
  const delivery = mapOf(doc, root, 'deliveryOptions');
  const oversizePair = pairOf(delivery, 'oversize');
  const thresholdNode = resolve(doc, pairOf(mapOf(doc, delivery, 'oversize'), 'thresholdKB')?.value);
  if (!delivery || !oversizePair || !isValidKb(maxNode) || !isValidKb(thresholdNode)) return;
  const max = maxNode.value;
  const threshold = thresholdNode.value;
  if (threshold < max) return;
  const onThreshold = comparePositions(ctx.range(thresholdNode).start, ctx.range(maxNode).start) > 0;
  const [at, other, otherMessage] = onThreshold
    ? [thresholdNode, maxNode, msg.oversizeThresholdOther]
    : [maxNode, thresholdNode, msg.oversizeThresholdThreshold];
  ctx.report('oversize-threshold', ctx.range(at), msg.oversizeThreshold(threshold, max), {
    related: [{ range: ctx.range(other), message: otherMessage }],
    fixes: [{ title: msg.fixRemoveOversize(), edits: [removePair(doc, delivery, oversizePair)] }],
  });
}

/** A KB figure size-invalid would not complain about. */
function isValidKb(node: unknown): node is Scalar<number> {
  return isNumberScalar(node) && Number.isInteger(node.value) && node.value >= 1;
}
