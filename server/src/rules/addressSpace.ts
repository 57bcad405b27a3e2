import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { entryFindings, type DocContext, type DocumentRule } from '../engine/context';
import { isNull, pairOf, resolve, stringValue } from '../model/access';
import { parseSmtpAddressSpace } from '../model/domain';
import { replaceScalar } from '../model/edits';
import { comparePositions } from '../model/text';
import { msg } from './messages';

/** The Address Space tab's rules: target-required, address-space-invalid and address-space-inner-wildcard. */

/** A list's entry count: 0 when absent or "key:" with nothing, undefined when it is not a list. */
function count(ctx: DocContext, pair: Pair | undefined): number | undefined {
  const node = resolve(ctx.doc, pair?.value);
  if (!pair || isNull(node)) return 0;
  return isSeq(node) ? node.items.length : undefined;
}

const targetRule: DocumentRule = {
  kinds: ['SmtpConnector'],
  check(ctx) {
    const spacePair = pairOf(ctx.root, 'addressSpace');
    const space = resolve(ctx.doc, spacePair?.value);
    if (spacePair && !isNull(space) && !isMap(space)) return; // invalid-type
    const entriesPair = isMap(space) ? pairOf(space, 'entries') : undefined;
    const groupsPair = pairOf(ctx.root, 'connectedRoutingGroups');
    const entries = count(ctx, entriesPair);
    const groups = count(ctx, groupsPair);
    if (entries !== 0 || groups !== 0) return; // a target, or a value of the wrong type
    ctx.report('target-required', targetRange(ctx, [entriesPair, groupsPair], spacePair), msg.targetRequired());
  },
};

/** An empty list that is written (the first in the file), else the addressSpace mapping's key, else the kind key. */
function targetRange(ctx: DocContext, lists: (Pair | undefined)[], spacePair: Pair | undefined): Range {
  const written = lists.filter((p): p is Pair => !!p).map((p) => ctx.keyRange(p));
  written.sort((a, b) => comparePositions(a.start, b.start));
  if (written.length) return written[0];
  if (spacePair) return ctx.keyRange(spacePair);
  const kind = pairOf(ctx.root, 'kind');
  return kind ? ctx.keyRange(kind) : ctx.firstLineRange();
}

const smtpAddressRule: DocumentRule = {
  kinds: ['SmtpConnector'],
  check(ctx) {
    const space = resolve(ctx.doc, pairOf(ctx.root, 'addressSpace')?.value);
    const entries = isMap(space) ? pairOf(space, 'entries')?.value : undefined;
    if (!isSeq(entries)) return; // absent, empty or of the wrong type (an alias to a list is checked where the list is written)
    ctx.eachEntry(entries, ADDRESSES, (raw) => {
      if (!isMap(raw)) return; // an alias to an entry is checked where the entry is written
      if (stringValue(resolve(ctx.doc, pairOf(raw, 'type')?.value)) !== 'SMTP') return; // other address types are free text
      const addressNode = pairOf(raw, 'address')?.value;
      const address = stringValue(resolve(ctx.doc, addressNode));
      if (address === undefined) return;
      const parsed = parseSmtpAddressSpace(address);
      if (!parsed) ctx.report('address-space-invalid', ctx.range(addressNode), msg.addressSpaceInvalid(address));
      else if (parsed.readAs)
        // Exchange reads it as the wildcard: writing that changes nothing, so the fix is safe unattended.
        ctx.report('address-space-inner-wildcard', ctx.range(addressNode), msg.addressSpaceInnerWildcard(address, parsed.readAs), {
          fixes: isScalar(addressNode)
            ? [
                {
                  title: msg.fixWriteAddressSpace(parsed.readAs),
                  preferred: true,
                  edits: [replaceScalar(ctx.doc, addressNode, parsed.readAs)],
                },
              ]
            : [],
        });
    });
  },
};

const ADDRESSES = entryFindings();

export const addressSpaceRules: readonly DocumentRule[] = [targetRule, smtpAddressRule];
