/** The answer of a route simulation, shaped as `exconn route --format json` prints it. */

export type PassReason = 'address-space' | 'scope' | 'size' | 'priority' | 'type' | 'schedule' | 'cost' | 'unreachable';

export interface RouteHop {
  connector: string;
  from: string;
  /** A routing group, or the matched address space. */
  to: string;
  cost: number;
}

export interface Route {
  totalCost: number;
  hops: RouteHop[];
}

export interface RouteResult {
  delivered: boolean;
  routes: Route[];
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
