/** Trace a Route's questions: start, destination (address, domain or routing group), then the message's size, priority and type. */
import * as vscode from 'vscode';
import type { RouteQuery, RoutingGroupNode, Topology } from '../../shared/protocol';
import { allGroups } from './newConnector';
import type { TreeNode } from './treeView';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A routing group as `exconn route` takes it: NAME, or ADMINISTRATIVE GROUP/NAME when the name is in several. */
export function groupArgument(groups: RoutingGroupNode[], g: RoutingGroupNode): string {
  return groups.filter((x) => same(x.name, g.name)).length > 1 ? `${g.administrativeGroup}/${g.name}` : g.name;
}

/** The routing group a typed destination names (NAME or ADMINISTRATIVE GROUP/NAME), if any. */
export function groupNamed(groups: RoutingGroupNode[], text: string): RoutingGroupNode | undefined {
  const byName = groups.filter((g) => same(g.name, text));
  if (byName.length === 1) return byName[0];
  const slash = text.lastIndexOf('/');
  if (slash === -1) return undefined;
  return groups.find((g) => same(g.administrativeGroup, text.slice(0, slash).trim()) && same(g.name, text.slice(slash + 1).trim()));
}

/** Asks the server why a text is not an address or a domain (null when it is one): the check of `exconn route --to`. */
export type TargetCheck = (text: string) => Promise<string | null>;

/**
 * Why a typed destination cannot be traced, or undefined: a routing group's
 * name, or an address or domain as `exconn route --to` accepts it.
 */
export async function destinationProblem(groups: RoutingGroupNode[], text: string, check: TargetCheck): Promise<string | undefined> {
  const t = text.trim();
  if (!t) return 'Type an address such as someone@example.com, a domain, or a routing group';
  if (groupNamed(groups, t)) return undefined;
  const ambiguous = groups.filter((g) => same(g.name, t));
  if (ambiguous.length > 1)
    return `'${t}' names routing groups in several administrative groups: write ${ambiguous.map((g) => `${g.administrativeGroup}/${g.name}`).join(' or ')}`;
  // Without a server the route request itself will say what is wrong.
  const problem = await check(t).catch(() => null);
  return problem ? `${problem[0].toUpperCase()}${problem.slice(1)}, nor a routing group` : undefined;
}

/** Where "Trace a Route from Here" starts for a tree node: its routing group (none for the organization or an administrative group). */
export function routeStartOf(node: TreeNode): Partial<RouteQuery> {
  switch (node.type) {
    case 'routingGroup':
    case 'server':
    case 'connector':
    case 'addressSpace':
      return { from: `${node.group.administrativeGroup}/${node.group.name}` };
    default:
      return {};
  }
}

/** Asks what is not given; undefined when the user cancels. A query given in full is not questioned further. */
export async function askRouteQuery(topology: Topology, given: Partial<RouteQuery>, check: TargetCheck): Promise<RouteQuery | undefined> {
  const groups = allGroups(topology);
  if (!groups.length) throw new Error('The workspace defines no routing group to start from.');
  const steps = 2 + 3;
  let from = given.from;
  if (!from) {
    const pick = await vscode.window.showQuickPick(
      groups.map((g) => ({
        label: g.name,
        description: g.administrativeGroup + (g.inferred ? ' (inferred)' : ''),
        from: groupArgument(groups, g),
      })),
      { title: `Trace a Route (1/${steps})`, placeHolder: 'The routing group the message starts in' },
    );
    if (!pick) return undefined;
    from = pick.from;
  }
  if (given.to !== undefined || given.toGroup !== undefined) return { ...given, from } as RouteQuery;

  const typed = await vscode.window.showInputBox({
    title: `Trace a Route (2/${steps})`,
    prompt: `Deliver from ${from} to this e-mail address or domain, or reach this routing group`,
    placeHolder: 'someone@example.com, example.com or a routing group',
    validateInput: (v) => destinationProblem(groups, v, check),
  });
  if (typed === undefined) return undefined;
  const text = typed.trim();
  const group = groupNamed(groups, text);
  const destination = group ? { toGroup: groupArgument(groups, group) } : { to: text };

  const size = await vscode.window.showInputBox({
    title: `Trace a Route (3/${steps})`,
    prompt: 'Message size in KB',
    value: String(given.sizeKB ?? 1),
    validateInput: (v) =>
      /^\d+$/.test(v.trim()) && Number(v.trim()) >= 1 ? undefined : 'A positive whole number of KB, such as 1 or 5000',
  });
  if (size === undefined) return undefined;

  const priorities = (['normal', 'high', 'low'] as const).map((p) => ({ label: p, description: p === 'normal' ? 'default' : '' }));
  const priority = await vscode.window.showQuickPick(priorities, { title: `Trace a Route (4/${steps})`, placeHolder: 'Message priority' });
  if (!priority) return undefined;

  const types = [
    { label: 'non-system', description: 'default: a user’s message', system: false },
    { label: 'system', description: 'such as replication and link-state traffic', system: true },
  ];
  const type = await vscode.window.showQuickPick(types, { title: `Trace a Route (5/${steps})`, placeHolder: 'Message type' });
  if (!type) return undefined;

  return { from, ...destination, sizeKB: Number(size.trim()), priority: priority.label, system: type.system };
}
