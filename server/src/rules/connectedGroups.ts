import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { DocContext, DocumentRule } from '../engine/context';
import { pairOf, resolve, seqOf, stringValue } from '../model/access';
import { isDomain } from '../model/domain';
import { comparePositions } from '../model/text';
import { msg } from './messages';

/**
 * The Connected Routing Groups and Routing Address tabs' rules:
 * connected-group-invalid and routing-address-invalid, entry by entry.
 */

const NAME_KEYS = ['routingGroup', 'exchange55Site'] as const;

const connectedRule: DocumentRule = {
  kinds: ['SmtpConnector'],
  check(ctx) {
    const seq = seqOf(ctx.doc, ctx.root, 'connectedRoutingGroups');
    for (const raw of seq?.items ?? []) {
      // An alias to an entry is checked where the entry is written; a non-mapping is invalid-type.
      if (!isMap(raw)) continue;
      checkNames(ctx, raw);
      checkRoutingAddress(ctx, raw);
    }
  },
};

/**
 * Exactly one of routingGroup and exchange55Site, not empty. Both: on the
 * later key, related to the other. Neither: on the entry. Empty: on the value.
 */
function checkNames(ctx: DocContext, entry: YAMLMap): void {
  const named: Pair[] = [];
  let present = 0;
  for (const key of NAME_KEYS) {
    const pair = pairOf(entry, key);
    if (!pair) continue;
    present++;
    const value = resolve(ctx.doc, pair.value);
    const name = stringValue(value);
    if (name === undefined) return; // invalid-type, schema.ts's
    if (name.trim() === '') ctx.report('connected-group-invalid', ctx.range(pair.value as Node), msg.connectedGroupEmpty(key));
    else named.push(pair);
  }
  if (present === 0) {
    ctx.report('connected-group-invalid', ctx.range(entry), msg.connectedGroupNeither());
  } else if (named.length === 2) {
    const [a, b] = named.map((p) => ctx.keyRange(p));
    const [later, earlier] = comparePositions(a.start, b.start) > 0 ? [a, b] : [b, a];
    ctx.report('connected-group-invalid', later, msg.connectedGroupBoth(), {
      related: [{ range: earlier, message: msg.connectedGroupBothOther }],
    });
  }
}

function checkRoutingAddress(ctx: DocContext, entry: YAMLMap): void {
  const node = pairOf(entry, 'routingAddress')?.value;
  const value = resolve(ctx.doc, node);
  if (!isScalar(value) || typeof value.value !== 'string') return; // absent, or invalid-type
  if (!isDomain(value.value)) ctx.report('routing-address-invalid', ctx.range(node), msg.routingAddressInvalid(value.value));
}

export const connectedGroupRules: readonly DocumentRule[] = [connectedRule];
