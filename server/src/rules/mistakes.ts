import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { DocContext, DocumentRule } from '../engine/context';
import { mapOf, pairOf, resolve, stringValue, valueOf } from '../model/access';
import { removeItem, setValue } from '../model/edits';
import { parseSmtpAddressSpace } from '../model/domain';
import { perEntry, valueSlot } from '../model/entryMemo';
import { msg } from './messages';

/**
 * Mistakes administrators really make on one connector: open-relay,
 * basic-auth-without-tls and address-space-duplicate (docs/rules.md, "Notes
 * and sources").
 */

/** What these rules read of one entry of the Address Space tab: its type, address and cost as written. */
interface EntryFacts {
  map: YAMLMap;
  type?: string;
  address?: string;
  addressNode?: Node;
  cost: number;
  /** The type and address as Exchange compares them, when both are written. */
  key?: string;
  /** An SMTP address that matches every domain, or every domain under a top-level domain. */
  open: boolean;
}

/** No position in them: kept per entry on a large document's long list as they are. */
const FACTS = valueSlot<EntryFacts | undefined>();

/** The Address Space tab's entries, with the facts of those that are mappings (by their index in the list). */
function entries(ctx: DocContext) {
  const space = mapOf(ctx.doc, ctx.root, 'addressSpace');
  const seq = resolve(ctx.doc, pairOf(space, 'entries')?.value);
  if (!space || !isSeq(seq)) return { space, seq: undefined, list: [] };
  const list = perEntry(ctx.doc, seq, FACTS, (raw) => (isMap(raw) ? factsOf(ctx, raw) : undefined));
  return { space, seq, list };
}

function factsOf(ctx: DocContext, map: YAMLMap): EntryFacts {
  const addressNode = valueOf(ctx.doc, map, 'address');
  const costNode = valueOf(ctx.doc, map, 'cost');
  const type = stringValue(valueOf(ctx.doc, map, 'type'));
  const address = stringValue(addressNode);
  const parsed = type === 'SMTP' && address !== undefined ? parseSmtpAddressSpace(address) : undefined;
  const key =
    type !== undefined && address !== undefined && addressNode
      ? `${type}\u0000${parsed ? `${parsed.subdomains ? '*.' : ''}${parsed.domain}` : address.toLowerCase()}`
      : undefined;
  return {
    map,
    type,
    address,
    addressNode,
    cost: isScalar(costNode) && typeof costNode.value === 'number' ? costNode.value : 1,
    ...(key !== undefined ? { key } : {}),
    // `*`, or a wildcard of one label (`*.com`).
    open: parsed !== undefined && parsed.subdomains && !parsed.domain.includes('.'),
  };
}

const openRelayRule: DocumentRule = {
  kinds: ['SmtpConnector'],
  check(ctx) {
    const space = mapOf(ctx.doc, ctx.root, 'addressSpace');
    const relay = valueOf(ctx.doc, space, 'allowRelay');
    if (!isScalar(relay) || relay.value !== true) return;
    const open = entries(ctx).list.find((e) => e?.open);
    if (!open) return;
    ctx.report('open-relay', ctx.range(pairOf(space, 'allowRelay')!.value as Node), msg.openRelay(open.address!), {
      related: [{ range: ctx.range(open.addressNode!), message: msg.openRelayAddress }],
    });
  },
};

const duplicateRule: DocumentRule = {
  kinds: ['SmtpConnector'],
  check(ctx) {
    const { seq, list } = entries(ctx);
    if (!seq) return;
    const seen = new Map<string, EntryFacts>();
    list.forEach((e, index) => {
      if (e?.key === undefined) return;
      const first = seen.get(e.key);
      if (!first) {
        seen.set(e.key, e);
        return;
      }
      // Removing the later entry changes nothing when it is not the cheaper one: then it is safe unattended.
      const fixes =
        seq.items[index] === e.map && !e.map.flow
          ? [
              {
                title: msg.fixRemoveDuplicateAddressSpace(e.address!),
                preferred: e.cost >= first.cost,
                edits: [removeItem(ctx.doc, seq, index)],
              },
            ]
          : [];
      ctx.report(
        'address-space-duplicate',
        ctx.range(e.addressNode),
        msg.addressSpaceDuplicate(e.address!, e.type!, Math.min(e.cost, first.cost)),
        {
          fixes,
          related: [{ range: ctx.range(first.addressNode!), message: msg.addressSpaceDuplicateFirst }],
        },
      );
    });
  },
};

const basicAuthRule: DocumentRule = {
  kinds: ['SmtpConnector'],
  check(ctx) {
    const security = mapOf(ctx.doc, mapOf(ctx.doc, ctx.root, 'advanced'), 'outboundSecurity');
    const authNode = valueOf(ctx.doc, security, 'authentication');
    if (!security || stringValue(authNode) !== 'basic') return;
    const tlsPair = pairOf(security, 'tls');
    const tls = resolve(ctx.doc, tlsPair?.value);
    if (isScalar(tls) && tls.value === true) return;
    if (tlsPair && !(isScalar(tls) && (tls.value === false || tls.value === null))) return; // a mistyped tls is invalid-type's
    ctx.report('basic-auth-without-tls', ctx.range(pairOf(security, 'authentication')!.value as Node), msg.basicAuthWithoutTls(), {
      // Not preferred: the remote server must offer STARTTLS, or the connector stops delivering.
      fixes: [{ title: msg.fixSetTls, edits: [setValue(ctx.doc, security, 'tls', 'true', tlsPair)] }],
    });
  },
};

export const mistakeRules: readonly DocumentRule[] = [openRelayRule, duplicateRule, basicAuthRule];
