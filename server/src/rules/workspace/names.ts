import type { ConnectorModel, RoutingGroupModel } from '../../model/extract';
import { groupKey, nameKey } from '../../workspace/names';
import { WorkspaceIndex } from '../../workspace/index';
import { msg } from '../messages';
import type { WorkspaceRule } from './context';
import { keys } from '../../workspace/keys';

/**
 * duplicate-name: two connectors with one name in one routing group, two
 * routing groups with one name in one administrative group, two servers with
 * one name (NetBIOS names are unique across the organization). Reported on
 * the later one in file order, with the first as related information.
 */
export const duplicateConnectorRule: WorkspaceRule<ConnectorModel> = {
  kind: ['SmtpConnector', 'RoutingGroupConnector'],
  reads: (c) => (c.adminGroup && c.routingGroup && c.name ? [keys.connector(c.adminGroup.value, c.routingGroup.value, c.name.value)] : []),
  check(ctx) {
    const c = ctx.model;
    if (!c.adminGroup || !c.routingGroup || !c.name) return;
    // In document order: the first is the earliest.
    const first = ctx.index.connectorsNamed.get(keys.connector(c.adminGroup.value, c.routingGroup.value, c.name.value))?.[0];
    if (first && first !== ctx.entry) {
      ctx.report('duplicate-name', c.name.range, msg.duplicateConnector(c.name.value, c.routingGroup!.value), {
        related: [{ entry: first, range: first.model.name!.range, message: msg.duplicateNameFirst }],
      });
    }
  },
};

export const duplicateGroupRule: WorkspaceRule<RoutingGroupModel> = {
  kind: 'RoutingGroup',
  reads(g) {
    const out = g.name && g.adminGroup ? [keys.group(g.adminGroup.value, g.name.value)] : [];
    for (const s of g.servers) if (s.name) out.push(keys.server(s.name.value));
    return out;
  },
  check(ctx) {
    const g = ctx.model;
    if (g.name && g.adminGroup) {
      const first = ctx.index.groups.get(groupKey(g.adminGroup.value, g.name.value))?.[0];
      if (first && first !== ctx.entry) {
        ctx.report('duplicate-name', g.name.range, msg.duplicateRoutingGroup(g.name.value, g.adminGroup.value), {
          related: [{ entry: first, range: first.model.name!.range, message: msg.duplicateNameFirst }],
        });
      }
    }
    for (const s of g.servers) {
      if (!s.name) continue;
      const all = ctx.index.serversByName.get(nameKey(s.name.value)) ?? [];
      // The first server of that name, in file order, then in the list's order.
      const first = all.reduce<(typeof all)[number] | undefined>(
        (a, b) => (!a || WorkspaceIndex.compare(b.entry, a.entry) < 0 ? b : a),
        undefined,
      );
      if (!first || first.server === s) continue;
      ctx.report('duplicate-name', s.name.range, msg.duplicateServer(s.name.value), {
        related: [{ entry: first.entry, range: first.server.name!.range, message: msg.duplicateNameFirst }],
      });
    }
  },
};
