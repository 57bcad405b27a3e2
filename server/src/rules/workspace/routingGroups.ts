import type { RoutingGroupModel } from '../../model/extract';
import { modernServers } from '../../workspace/facts';
import { msg } from '../messages';
import type { WorkspaceRule } from './context';
import { keys } from '../../workspace/keys';

/**
 * routing-group-no-server, routing-group-no-virtual-server and
 * single-routing-group: what a routing group needs to carry mail at all.
 */
export const routingGroupRule: WorkspaceRule<RoutingGroupModel> = {
  kind: 'RoutingGroup',
  reads: () => [keys.manyGroups],
  check(ctx) {
    const g = ctx.model;
    const label = g.name?.value ?? '';
    if (g.serversKey) {
      const modern = modernServers(g);
      if (modern.length === 0) ctx.report('routing-group-no-server', g.serversKey, msg.routingGroupNoServer(label));
      else if (g.servers.every((s) => s.virtualServers.length === 0))
        ctx.report('routing-group-no-virtual-server', g.serversKey, msg.routingGroupNoVirtualServer(label));
    }
    const count = ctx.index.groupCount;
    if (count < 2 && g.name && g.adminGroup) ctx.report('single-routing-group', g.name.range, msg.singleRoutingGroup(count));
  },
};
