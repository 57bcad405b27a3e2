import { isSeq, type Node } from 'yaml';
import type { ConnectorModel } from '../../model/extract';
import type { ParsedDocument } from '../../model/parse';
import { insertPair, replaceNode, setValue } from '../../model/edits';
import { isNull } from '../../model/access';
import { bridgeheadFqdns, groupLinks, ownGroupKey } from '../../workspace/facts';
import type { WorkspaceIndex } from '../../workspace/index';
import type { Finding, Fix } from '../../engine/types';
import { msg } from '../messages';
import { yamlString } from './groups';

/**
 * Quick fixes that need the workspace for two single-document codes:
 * smart-host-required ("Add smart host <fqdn>") and dns-between-routing-groups
 * ("Forward to smart host <fqdn>"), one per known bridgehead FQDN of the
 * connected groups (see bridgeheadFqdns), preferred when exactly one is known.
 * The single-document rule's own fixes stay after them.
 */
export function addFqdnFixes(index: WorkspaceIndex, doc: ParsedDocument, model: ConnectorModel, findings: readonly Finding[]): Finding[] {
  if (!findings.some((f) => f.code === 'smart-host-required' || f.code === 'dns-between-routing-groups')) return findings as Finding[];
  const own = ownGroupKey(model);
  const fqdns = own
    ? [
        ...new Set(
          groupLinks(model)
            .filter((l) => l.key !== own)
            .flatMap((l) => bridgeheadFqdns(index, l.key, own)),
        ),
      ]
    : [];
  if (fqdns.length === 0) return findings as Finding[];
  return findings.map((f) => {
    let extra: Fix[] = [];
    if (f.code === 'smart-host-required') extra = fqdns.flatMap((h) => addSmartHost(doc, model, h, fqdns.length === 1));
    else if (f.code === 'dns-between-routing-groups') extra = fqdns.flatMap((h) => forwardTo(doc, model, h, fqdns.length === 1));
    if (!extra.length) return f;
    // The workspace knows the value: its fix is the one to apply unattended.
    const rest = extra.some((x) => x.preferred) ? f.fixes.map((x) => ({ ...x, preferred: false })) : f.fixes;
    return { ...f, fixes: [...extra, ...rest] };
  });
}

/** The smart hosts list set to one host, whatever empty form it has now. */
function smartHostEdit(doc: ParsedDocument, model: ConnectorModel, host: string) {
  const general = model.nodes.general!;
  const pair = model.nodes.smartHostsPair;
  const value = pair?.value as Node | null | undefined;
  if (pair && value && isSeq(value)) {
    if (value.items.length) return undefined; // hosts already listed: nothing to add here
    return replaceNode(doc, value, `[${yamlString(host)}]`);
  }
  if (pair && !isNull(value)) return undefined; // a badly typed value: invalid-type first
  return pair
    ? setValue(doc, general, 'smartHosts', `[${yamlString(host)}]`, pair)
    : insertPair(doc, general, 'smartHosts', [yamlString(host)], model.nodes.deliveryPair);
}

function addSmartHost(doc: ParsedDocument, model: ConnectorModel, host: string, preferred: boolean): Fix[] {
  if (!model.nodes.general) return [];
  const edit = smartHostEdit(doc, model, host);
  return edit ? [{ title: msg.fixAddSmartHost(host), preferred, edits: [edit] }] : [];
}

function forwardTo(doc: ParsedDocument, model: ConnectorModel, host: string, preferred: boolean): Fix[] {
  const general = model.nodes.general;
  if (!general || general.flow || model.smartHosts.length) return [];
  const hosts = smartHostEdit(doc, model, host);
  if (!hosts) return [];
  const delivery = setValue(doc, general, 'delivery', 'smartHost', model.nodes.deliveryPair, 'start');
  return [{ title: msg.fixForwardTo(host), preferred, edits: [delivery, hosts] }];
}
