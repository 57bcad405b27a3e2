/** The answer of a route simulation, shaped as `exconn route --format json` prints it. */

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
