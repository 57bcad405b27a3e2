/** The route simulation's public face, for the CLI and the language server's `exconn/route` request. */
import type { WorkspaceIndex } from '../workspace/index';
import { RouteQueryError, simulateRoute } from './simulate';
import type { RouteQuery, RouteResult } from './types';

export { simulateRoute, RouteQueryError } from './simulate';
export { formatRouteText, formatRouteJson } from './format';
export type { RouteQuery, RouteResult, PassReason } from './types';

/** A route, or the reason the query cannot be answered (an unknown routing group), without throwing. */
export function traceRoute(index: WorkspaceIndex, query: RouteQuery): { result: RouteResult } | { error: string } {
  try {
    return { result: simulateRoute(index, query) };
  } catch (e) {
    if (e instanceof RouteQueryError) return { error: e.message };
    throw e;
  }
}
