/** The answer of a route simulation: the wire types live in shared/route.ts, which the extension imports too. */
export type { PassReason, Route, RouteExit, RouteHop, RouteQuery, RouteResult } from '../../../shared/route';
