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
  passedOver: { connector: string; reason: PassReason }[];
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
