/**
 * The route simulation's question and answer, as they cross the wire
 * (`exconn/route`) and as `exconn route --format json` prints them, with the
 * one explanation of each reason a connector is passed over. Pure: the engine,
 * the CLI and the extension all import it.
 */

export type PassReason = 'address-space' | 'scope' | 'size' | 'priority' | 'type' | 'schedule' | 'cost' | 'unreachable';

export interface RouteHop {
  connector: string;
  from: string;
  /** A routing group, or the matched address space on the hop that leaves the organization. */
  to: string;
  cost: number;
}

/**
 * How a route leaves the last routing group it reaches: by a connector (its
 * last hop matched the address), or by DNS from that group's SMTP virtual
 * servers because no connector in scope there matches the address.
 * A `--to-group` route always ends with `connector`.
 */
export type RouteExit = 'connector' | 'dns';

export interface Route {
  totalCost: number;
  exit: RouteExit;
  hops: RouteHop[];
}

export interface RouteResult {
  delivered: boolean;
  routes: Route[];
  /**
   * When the message comes back to a routing group it has already left: the
   * groups in the order it passes them, that group first and last (Exchange
   * returns NDR 5.4.6). `delivered` is then false and `routes` empty.
   */
  loop?: string[];
  /** The hops of the loop, one per arrow of `loop`. */
  loopHops?: RouteHop[];
  passedOver: PassedOver[];
}

/** A connector the message did not take, why, and (from servers since issue 13) the particulars. */
export interface PassedOver {
  connector: string;
  reason: PassReason;
  detail?: PassDetail;
}

/**
 * What made the connector lose, by reason; each field is optional, so that a
 * client shows whatever a server sends. Sizes are in KB.
 * - address-space: `domain` the message goes to; without a match, `spaces`
 *   (the connector's SMTP address spaces); beaten by a more specific match,
 *   `space` (its best) and `winner`/`winnerSpace` (the more specific one).
 * - scope: `group` (the connector's routing group, the only one its
 *   routing-group-scoped address space serves) and `at` (where the message is).
 * - size: `sizeKB` of the message and the connector's `limitKB`.
 * - priority: `priority` of the message and the `allowed` ones.
 * - type: `type` (`system` or `nonSystem`) and the `allowed` ones.
 * - schedule: `connectionTime` (`never`, or `custom` with no open window);
 *   `oversizeKB` when the message is over the oversize threshold, whose own
 *   connection time it follows.
 * - cost: `total` (from `at`: the path to its routing group plus its
 *   address-space cost, or to a `--to-group` target through it), `lowest`,
 *   and the `winner` that has it; or `target` (a `--to-group` target that
 *   cannot be reached through it).
 * - unreachable: `group` (its routing group) and `at` (where the message is).
 */
export interface PassDetail {
  domain?: string;
  spaces?: string[];
  space?: string;
  winner?: string;
  winnerSpace?: string;
  group?: string;
  at?: string;
  sizeKB?: number;
  limitKB?: number;
  priority?: string;
  type?: 'system' | 'nonSystem';
  allowed?: string[];
  connectionTime?: string;
  oversizeKB?: number;
  total?: number;
  lowest?: number;
  target?: string;
}

export interface RouteQuery {
  /** The routing group the message starts in. */
  from: string;
  /** An e-mail address (or domain) to deliver to… */
  to?: string;
  /** …or a routing group to reach. */
  toGroup?: string;
  sizeKB?: number;
  priority?: 'high' | 'normal' | 'low';
  system?: boolean;
}

/** Why a connector was passed over, in the words both the CLI and the editor show. */
export const REASON_TEXT: Record<PassReason, string> = {
  'address-space': 'its address space does not match, or a more specific one does',
  scope: 'its address space has routing-group scope and the message is in another routing group',
  size: 'the message is not smaller than its size limit',
  priority: "it does not allow the message's priority",
  type: 'it does not allow this type of message (system or non-system)',
  schedule: 'it never connects (connectionTime never, or no open window)',
  cost: 'a route with a lower total cost exists',
  unreachable: 'its routing group cannot be reached from the group the message is in',
};

/** A reason's text; a reason from a newer server than this client is shown as it is. */
export function describeReason(reason: PassReason): string {
  return REASON_TEXT[reason] ?? reason;
}

/**
 * Why a connector was passed over, naming the cause where the server said it
 * (which address space won, which scope, which limit with the numbers): the
 * words of `exconn route`, Trace a Route and the topology's route panel.
 * Without particulars, the reason's general text.
 */
export function describePass(p: PassedOver): string {
  return (p.detail && specific(p.reason, p.detail)) ?? describeReason(p.reason);
}

const quote = (s: string) => `"${s}"`;
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const orList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
const typeName = (t: string) => (t === 'nonSystem' ? 'non-system' : t);

function specific(reason: PassReason, d: PassDetail): string | undefined {
  switch (reason) {
    case 'address-space':
      if (d.space !== undefined && d.winner !== undefined && d.winnerSpace !== undefined)
        return `its address space ${d.space} is less specific than ${d.winnerSpace} of ${quote(d.winner)}${d.domain ? ` for ${d.domain}` : ''}`;
      if (d.spaces !== undefined && d.domain !== undefined)
        return d.spaces.length === 0
          ? 'it has no SMTP address space'
          : d.spaces.length === 1
            ? `its address space ${d.spaces[0]} does not match ${d.domain}`
            : `none of its address spaces (${d.spaces.join(', ')}) matches ${d.domain}`;
      return undefined;
    case 'scope':
      if (d.group === undefined || d.at === undefined) return undefined;
      return `its address space has routing-group scope: it serves only ${d.group}, and the message is in ${d.at}`;
    case 'size':
      if (d.sizeKB === undefined || d.limitKB === undefined) return undefined;
      return `the message (${d.sizeKB} KB) is not smaller than its size limit (${d.limitKB} KB)`;
    case 'priority':
      if (d.priority === undefined || d.allowed === undefined) return undefined;
      return d.allowed.length ? `it does not allow ${d.priority} priority (only ${orList(d.allowed)})` : 'it allows no priority at all';
    case 'type':
      if (d.type === undefined || d.allowed === undefined) return undefined;
      return d.allowed.length
        ? `it does not allow ${typeName(d.type)} messages (only ${list(d.allowed.map(typeName))})`
        : 'it allows no type of message at all';
    case 'schedule': {
      if (d.connectionTime === undefined) return undefined;
      const when = d.connectionTime === 'never' ? 'connectionTime never' : 'a custom schedule with no open window';
      return d.oversizeKB !== undefined
        ? `the message is over its oversize threshold (${d.oversizeKB} KB), and oversize messages never go (${when})`
        : `it never connects (${when})`;
    }
    case 'cost':
      if (d.target !== undefined) return `${d.target} cannot be reached through it`;
      if (d.total === undefined || d.lowest === undefined) return undefined;
      return `its total cost${d.at ? ` from ${d.at}` : ''} is ${d.total}, more than ${d.lowest}${d.winner ? ` through ${quote(d.winner)}` : ''}`;
    case 'unreachable':
      if (d.group === undefined || d.at === undefined) return undefined;
      return `its routing group ${d.group} cannot be reached from ${d.at}`;
  }
  return undefined;
}
