import type { ConnectorModel, Located } from '../../model/extract';
import { insertPair, replaceScalar } from '../../model/edits';
import { groupKey } from '../../workspace/names';
import { lookupGroup, ownGroupKey } from '../../workspace/facts';
import { baseName, fileStem, freeFileName, sibling } from '../../workspace/paths';
import type { Fix } from '../../engine/types';
import { msg } from '../messages';
import type { WorkspaceRule, WsContext } from './context';
import { keys } from '../../workspace/keys';

/**
 * unknown-routing-group, administrative-group-mismatch and self-connection:
 * the routing groups a connector names (its own and each connected one)
 * against the definitions of the workspace.
 */
export const groupRefRule: WorkspaceRule<ConnectorModel> = {
  kind: ['SmtpConnector', 'RoutingGroupConnector'],
  reads(c) {
    const out: string[] = [keys.hasGroups];
    const ref = (admin: string, name: string) => out.push(keys.group(admin, name), keys.groupName(name), keys.groupFile(name));
    if (c.routingGroup && c.adminGroup) ref(c.adminGroup.value, c.routingGroup.value);
    for (const link of c.connected) if (link.routingGroup && link.adminGroupName) ref(link.adminGroupName, link.routingGroup.value);
    return out;
  },
  check(ctx) {
    const c = ctx.model;
    if (c.routingGroup && c.adminGroup) {
      checkRef(
        ctx,
        c.routingGroup,
        c.adminGroup.value,
        (defAdmin) => (c.adminGroup!.aliased ? undefined : [replaceScalar(ctx.doc, c.adminGroup!.node, defAdmin)]),
        c.adminGroup,
      );
    }
    const own = ownGroupKey(c);
    for (const link of c.connected) {
      if (!link.routingGroup || !link.adminGroupName || link.exchange55Site !== undefined) continue;
      if (own && groupKey(link.adminGroupName, link.routingGroup.value) === own) {
        ctx.report('self-connection', link.routingGroup.range, msg.selfConnection(c.routingGroup!.value));
        continue;
      }
      const edit = (defAdmin: string) =>
        link.adminGroup
          ? link.adminGroup.aliased
            ? undefined
            : [replaceScalar(ctx.doc, link.adminGroup.node, defAdmin)]
          : [insertPair(ctx.doc, link.map, 'administrativeGroup', defAdmin, link.routingGroupPair)];
      checkRef(ctx, link.routingGroup, link.adminGroupName, edit, link.adminGroup);
    }
  },
};

/** One reference: unknown, or defined only in another administrative group. */
/** `edit` gives the edits that set the administrative group, or undefined when the value cannot be edited in place (an alias). */
function checkRef(
  ctx: WsContext<ConnectorModel>,
  name: Located,
  adminGroup: string,
  edit: (defAdmin: string) => Fix['edits'] | undefined,
  adminNode: Located | undefined,
): void {
  const found = lookupGroup(ctx.index, adminGroup, name.value);
  if (found.state === 'defined') return;
  if (found.state === 'mismatch') {
    const admins = [...new Map(found.defs.map((d) => [d.model.adminGroup!.value.toLowerCase(), d])).values()];
    const fixes: Fix[] = [];
    for (const d of admins) {
      const edits = edit(d.model.adminGroup!.value);
      if (edits) fixes.push({ title: msg.fixUseAdministrativeGroup(d.model.adminGroup!.value), preferred: admins.length === 1, edits });
    }
    const first = admins[0];
    ctx.report(
      'administrative-group-mismatch',
      (adminNode ?? name).range,
      msg.administrativeGroupMismatch(name.value, adminGroup, first.model.adminGroup!.value),
      {
        fixes,
        related: [{ entry: first, range: first.model.name!.range, message: msg.administrativeGroupMismatchOther }],
      },
    );
    return;
  }
  // An inferred group is fine while the workspace defines none at all (connector files alone).
  if (!ctx.index.hasGroups) return;
  const target = freeFileName(sibling(ctx.uri, `${fileStem(name.value)}.routinggroup.yaml`), (u) => ctx.exists(u));
  const fixes: Fix[] = target
    ? [
        {
          title: msg.fixCreateRoutingGroup(baseName(target)),
          edits: [],
          create: [{ uri: target, text: routingGroupSkeleton(name.value, adminGroup) }],
        },
      ]
    : [];
  ctx.report('unknown-routing-group', name.range, msg.unknownRoutingGroup(name.value), { fixes });
}

/** A routing-group definition with one placeholder server to fill in. */
export function routingGroupSkeleton(name: string, adminGroup: string): string {
  const host = fileStem(name).replace(/[^a-z0-9-]/g, '') || 'server';
  return [
    'kind: RoutingGroup',
    `name: ${yamlString(name)}`,
    `administrativeGroup: ${yamlString(adminGroup)}`,
    'servers:',
    `  - name: ${host.toUpperCase()}-EX01 # placeholder: the server's NetBIOS name`,
    `    fqdn: ${host}-ex01.example.com # placeholder: its fully-qualified domain name`,
    '',
  ].join('\n');
}

/** A name as a YAML value: plain when that reads back as the same text. */
export function yamlString(s: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9 _.()\\\/-]*$/.test(s) && !/ $/.test(s) && !/^(true|false|null|~|[-+]?[0-9.]+)$/i.test(s)
    ? s
    : JSON.stringify(s);
}
