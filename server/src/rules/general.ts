import { isMap, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { DocContext, DocumentRule } from '../engine/context';
import type { Fix, Related } from '../engine/types';
import { isNull, pairOf, resolve, seqOf, stringValue } from '../model/access';
import { insertPair, replaceScalar } from '../model/edits';
import { comparePositions } from '../model/text';
import { msg } from './messages';

/**
 * The General tab's rules: smart-host-required, smart-hosts-ignored,
 * dns-between-routing-groups and bridgehead-required. A value of the wrong
 * type is schema.ts's to report; these rules then stay silent.
 */

/** The `general` mapping: undefined when absent or `general:` is empty, null when it is not a mapping at all. */
export function generalMap(ctx: DocContext): YAMLMap | undefined | null {
  const pair = pairOf(ctx.root, 'general');
  const node = resolve(ctx.doc, pair?.value);
  if (!pair || isNull(node)) return undefined;
  return isMap(node) ? node : null;
}

/** How many entries a list holds: 0 for "key:" with nothing, undefined when it is not a list. */
function listLength(ctx: DocContext, pair: Pair | undefined): number | undefined {
  if (!pair) return 0;
  const node = resolve(ctx.doc, pair.value);
  if (isNull(node)) return 0;
  return isSeq(node) ? node.items.length : undefined;
}

/** `dns` or `smartHost` as written or by default; undefined when the value is not one of them. */
export function deliveryOf(
  ctx: DocContext,
  general: YAMLMap | undefined,
): { mode?: 'dns' | 'smartHost'; pair?: Pair<unknown, Node | null>; node?: Node } {
  const pair = pairOf(general, 'delivery');
  if (!pair) return { mode: 'dns' };
  const node = resolve(ctx.doc, pair.value);
  const v = stringValue(node);
  return { mode: v === 'dns' || v === 'smartHost' ? v : undefined, pair, node };
}

function kindKeyRange(ctx: DocContext): Range {
  const kind = pairOf(ctx.root, 'kind');
  return kind ? ctx.keyRange(kind) : ctx.firstLineRange();
}

const deliveryRule: DocumentRule = {
  kinds: ['SmtpConnector'],
  check(ctx) {
    const general = generalMap(ctx);
    if (general === null) return;
    const generalPair = pairOf(ctx.root, 'general');
    const delivery = deliveryOf(ctx, general);
    if (!delivery.mode) return;
    const hostsPair = pairOf(general, 'smartHosts');
    const hosts = listLength(ctx, hostsPair);
    // A fix rewrites delivery only where its value is written (not through an alias).
    const editable = delivery.pair && delivery.node && delivery.node === delivery.pair.value ? delivery.node : undefined;

    if (delivery.mode === 'smartHost' && hosts === 0) {
      const fixes: Fix[] = editable ? [{ title: msg.fixUseDns(), edits: [replaceScalar(ctx.doc, editable, 'dns')] }] : [];
      ctx.report('smart-host-required', ctx.keyRange(hostsPair ?? generalPair!), msg.smartHostRequired(), { fixes });
    }

    if (delivery.mode === 'dns' && hostsPair && hosts !== undefined && hosts > 0) {
      reportIgnored(ctx, general!, hostsPair, delivery.pair, editable);
    }

    if (delivery.mode === 'dns' && connectsRoutingGroups(ctx)) {
      const range = delivery.pair
        ? ctx.range(delivery.pair.value)
        : generalPair
          ? ctx.keyRange(generalPair)
          : ctx.keyRange(pairOf(ctx.root, 'connectedRoutingGroups')!);
      ctx.report('dns-between-routing-groups', range, msg.dnsBetweenRoutingGroups());
    }
  },
};

/** On the later of the smart-host list and a written `delivery: dns`, related to the other. */
function reportIgnored(
  ctx: DocContext,
  general: YAMLMap,
  hostsPair: Pair,
  deliveryPair: Pair | undefined,
  editable: Node | undefined,
): void {
  // Set the written value, or insert the key when delivery is left to its default (never a second key).
  const edit = editable
    ? replaceScalar(ctx.doc, editable, 'smartHost')
    : deliveryPair
      ? undefined
      : insertPair(ctx.doc, general, 'delivery', 'smartHost', 'start');
  const fixes: Fix[] = edit ? [{ title: msg.fixSetSmartHostDelivery(), edits: [edit] }] : [];
  const listRange = ctx.keyRange(hostsPair);
  let range = listRange;
  let related: Related[] = [];
  if (deliveryPair) {
    const deliveryRange = ctx.range(deliveryPair.value as Node);
    const deliveryLater = comparePositions(deliveryRange.start, listRange.start) > 0;
    range = deliveryLater ? deliveryRange : listRange;
    related = [
      deliveryLater
        ? { range: listRange, message: msg.smartHostsIgnoredList }
        : { range: deliveryRange, message: msg.smartHostsIgnoredDelivery },
    ];
  }
  ctx.report('smart-hosts-ignored', range, msg.smartHostsIgnored(), { fixes, related });
}

/** Does a connected entry name a routing group (not only an Exchange 5.5 site)? */
export function connectsRoutingGroups(ctx: DocContext): boolean {
  const seq = seqOf(ctx.doc, ctx.root, 'connectedRoutingGroups');
  return (seq?.items ?? []).some((raw) => {
    const entry = resolve(ctx.doc, raw);
    if (!isMap(entry)) return false;
    const name = stringValue(resolve(ctx.doc, pairOf(entry, 'routingGroup')?.value));
    return name !== undefined && name.trim() !== '';
  });
}

const bridgeheadRule: DocumentRule = {
  kinds: ['SmtpConnector'],
  check(ctx) {
    const generalPair = pairOf(ctx.root, 'general');
    const general = generalMap(ctx);
    if (general === null) return;
    if (!generalPair) return ctx.report('bridgehead-required', kindKeyRange(ctx), msg.bridgeheadRequired());
    const listPair = pairOf(general, 'localBridgeheads');
    if (!listPair) return ctx.report('bridgehead-required', ctx.keyRange(generalPair), msg.bridgeheadRequired());
    if (listLength(ctx, listPair) === 0) ctx.report('bridgehead-required', ctx.keyRange(listPair), msg.bridgeheadRequired());
  },
};

export const generalRules: readonly DocumentRule[] = [deliveryRule, bridgeheadRule];
