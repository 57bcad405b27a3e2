/** The answer of a route simulation: the wire types live in shared/route.ts, which the extension imports too. */
export type { PassDetail, PassedOver, PassReason, Route, RouteExit, RouteHop, RouteQuery, RouteResult } from '../../../shared/route';
import type { PassDetail, PassReason } from '../../../shared/route';

/** Why the simulation passed a connector over, with the particulars that name the cause. */
export interface Pass {
  reason: PassReason;
  detail?: PassDetail;
}
