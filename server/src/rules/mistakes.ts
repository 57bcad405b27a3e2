import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { DocContext, DocumentRule } from '../engine/context';
import { mapOf, pairOf, resolve, stringValue, valueOf } from '../model/access';
import { removeItem, setValue } from '../model/edits';
import { parseSmtpAddressSpace } from '../model/domain';
import { msg } from './messages';

/**
 * Mistakes administrators really make on one connector: open-relay,
 * basic-auth-without-tls and address-space-duplicate (docs/rules.md, "Notes
 * and sources").
 */

/** The Address Space tab's entries that are mappings, with their type, address and cost as written. */
function entries(ctx: DocContext) {
  const space = mapOf(ctx.doc, ctx.root, 'addressSpace');
  const seq = resolve(ctx.doc, pairOf(space, 'entries')?.value);
  if (!space || !isSeq(seq)) return { space, seq: undefined, list: [] };
  const list: { index: number; map: YAMLMap; type?: string; address?: string; addressNode?: Node; cost: number }[] = [];
  seq.items.forEach((raw, index) => {
    if (!isMap(raw)) return;
    const addressNode = valueOf(ctx.doc, raw, 'address');
    const cost = valueOf(ctx.doc, raw, 'cost');
    list.push({
      index,
      map: raw,
      type: stringValue(valueOf(ctx.doc, raw, 'type')),
      address: stringValue(addressNode),
      addressNode,
      cost: isScalar(cost) && typeof cost.value === 'number' ? cost.value : 1,
    });
  });
  return { space, seq, list };
}

/** `*`, or a wildcard of one label (`*.com`): every domain, or every domain under a top-level domain. */
function isOpenSpace(address: string): boolean {
  const p = parseSmtpAddressSpace(address);
  return p !== undefined && p.subdomains && !p.domain.includes('.');
}

const openRelayRule: DocumentRule = {
  kinds: ['SmtpConnector'],
  check(ctx) {
    const { space, list } = entries(ctx);
    const relay = valueOf(ctx.doc, space, 'allowRelay');
    if (!isScalar(relay) || relay.value !== true) return;
    const open = list.find((e) => e.type === 'SMTP' && e.address !== undefined && isOpenSpace(e.address));
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
    const seen = new Map<string, (typeof list)[number]>();
    for (const e of list) {
      if (e.type === undefined || e.address === undefined || !e.addressNode) continue;
      const parsed = e.type === 'SMTP' ? parseSmtpAddressSpace(e.address) : undefined;
      const key = `${e.type}\u0000${parsed ? `${parsed.subdomains ? '*.' : ''}${parsed.domain}` : e.address.toLowerCase()}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, e);
        continue;
      }
      // Removing the later entry changes nothing when it is not the cheaper one: then it is safe unattended.
      const fixes =
        seq.items[e.index] === e.map && !e.map.flow
          ? [
              {
                title: msg.fixRemoveDuplicateAddressSpace(e.address),
                preferred: e.cost >= first.cost,
                edits: [removeItem(ctx.doc, seq, e.index)],
              },
            ]
          : [];
      ctx.report(
        'address-space-duplicate',
        ctx.range(e.addressNode),
        msg.addressSpaceDuplicate(e.address, e.type, Math.min(e.cost, first.cost)),
        {
          fixes,
          related: [{ range: ctx.range(first.addressNode!), message: msg.addressSpaceDuplicateFirst }],
        },
      );
    }
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
