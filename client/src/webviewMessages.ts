/** The messages between the Routing Topology panel and its webview (both sides import these types). */
import type { DiagramView, RouteQuery } from '../../shared/protocol';

export type ToWebview =
  | { type: 'render'; view: DiagramView; routeQuery?: RouteQuery }
  /** Centre on an element and mark it: "Show in Diagram" from the tree. */
  | { type: 'reveal'; kind: 'group' | 'connector'; name: string }
  | { type: 'error'; message: string };

export type FromWebview = { type: 'ready' } | { type: 'open'; id: string } | { type: 'trace' } | { type: 'clearRoute' };

/** What the webview keeps across reloads (vscode.setState), and the serializer reads back. */
export interface WebviewState {
  x: number;
  y: number;
  k: number;
  route?: RouteQuery;
}
