import type { ConnectorModel } from '../../model/extract';
import { parseHost } from '../../model/hostname';
import { replaceScalar } from '../../model/edits';
import { bridgeheadFqdns, groupLinks, ownGroupKey, serverHosts } from '../../workspace/facts';
import { msg } from '../messages';
import type { WorkspaceRule } from './context';
import { keys } from '../../workspace/keys';

/**
 * smart-host-self and smart-host-not-exchange: the smart hosts of a connector
 * that forwards (delivery: smartHost) against the servers of the workspace.
 * Hosts that do not parse are host-invalid's business and are skipped.
 */
export const smartHostRule: WorkspaceRule<ConnectorModel> = {
  kind: 'SmtpConnector',
  reads(c) {
    const out = c.adminGroup && c.routingGroup ? [keys.group(c.adminGroup.value, c.routingGroup.value)] : [];
    for (const { link } of groupLinks(c))
      out.push(
        keys.group(link.adminGroupName!, link.routingGroup!.value),
        keys.connectorsIn(link.adminGroupName!, link.routingGroup!.value),
      );
    return out;
  },
  check(ctx) {
    const c = ctx.model;
    if (c.delivery !== 'smartHost' || c.smartHosts.length === 0) return;
    const own = ownGroupKey(c);
    const ownDef = own ? ctx.index.groups.get(own)?.[0] : undefined;
    const ownHosts = ownDef ? serverHosts(ownDef.model) : new Set<string>();
    const links = groupLinks(c).filter((l) => l.key !== own);
    const defs = links.map((l) => ctx.index.groups.get(l.key)?.[0]);
    // Which servers are Exchange's is known only when every connected group is defined.
    const judge = links.length > 0 && defs.every((d) => d !== undefined);
    const exchangeHosts = new Set<string>();
    for (const d of defs) if (d) for (const h of serverHosts(d.model)) exchangeHosts.add(h);
    // The fix's FQDNs cost a look at the remote groups' connectors: only worked out for a host that needs them.
    let suggestions: string[] | undefined;
    const suggest = () => (suggestions ??= own ? [...new Set(links.flatMap((l) => bridgeheadFqdns(ctx.index, l.key, own)))] : []);
    for (const host of c.smartHosts) {
      const parsed = parseHost(host.value);
      if (parsed.kind === 'invalid') continue;
      if (ownHosts.has(parsed.normalized)) {
        ctx.report('smart-host-self', host.range, msg.smartHostSelf(host.value, ownDef!.model.name!.value));
        continue;
      }
      if (!judge || exchangeHosts.has(parsed.normalized)) continue;
      const fixes = (host.aliased ? [] : suggest()).map((fqdn) => ({
        title: msg.fixChangeSmartHost(fqdn),
        edits: [replaceScalar(ctx.doc, host.node, fqdn)],
      }));
      ctx.report('smart-host-not-exchange', host.range, msg.smartHostNotExchange(host.value), { fixes });
    }
  },
};
