import type { ConnectorModel } from '../../model/extract';
import { parseHost } from '../../model/hostname';
import { replaceScalar } from '../../model/edits';
import { bridgeheadFqdns, groupLinks, ownGroupKey, serverHosts } from '../../workspace/facts';
import { msg } from '../messages';
import type { WorkspaceRule, WsContext } from './context';
import { WorkspaceIndex, type GroupEntry } from '../../workspace/index';
import { keys } from '../../workspace/keys';
import { nameKey } from '../../workspace/names';

/**
 * smart-host-self, smart-host-other-group and smart-host-not-exchange: the
 * smart hosts of a connector that forwards (delivery: smartHost) against the
 * servers of the workspace. Hosts that do not parse are host-invalid's
 * business and are skipped.
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
    // Which routing group, if any, a smart host is a server of.
    if (c.delivery === 'smartHost' && groupLinks(c).length > 0)
      for (const h of c.smartHosts) {
        const parsed = parseHost(h.value);
        if (parsed.kind !== 'invalid') out.push(keys.host(parsed.normalized));
      }
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
      if (links.length === 0 || exchangeHosts.has(parsed.normalized)) continue;
      const names = links.map((l) => l.link.routingGroup!.value);
      const other = owner(ctx, parsed.normalized);
      // A server of a group of the connected group's name in another administrative group: administrative-group-mismatch says it.
      if (other && names.some((n) => nameKey(n) === nameKey(other))) continue;
      if (!other && !judge) continue;
      const fixes = (host.aliased ? [] : suggest()).map((fqdn) => ({
        title: msg.fixChangeSmartHost(fqdn),
        edits: [replaceScalar(ctx.doc, host.node, fqdn)],
      }));
      if (other) ctx.report('smart-host-other-group', host.range, msg.smartHostOtherGroup(host.value, other, names), { fixes });
      else ctx.report('smart-host-not-exchange', host.range, msg.smartHostNotExchange(host.value, names), { fixes });
    }
  },
};

/** The name of the defined routing group one of whose servers has this host, if any (the first in file order). */
function owner(ctx: WsContext<ConnectorModel>, host: string): string | undefined {
  let found: GroupEntry | undefined;
  for (const defs of ctx.index.groups.values())
    if (serverHosts(defs[0].model).has(host) && (!found || WorkspaceIndex.compare(defs[0], found) < 0)) found = defs[0];
  return found?.model.name?.value;
}
