/** The topology picture: model, route overlay, layout and the three writers (SVG, DOT, Mermaid). */
import type { Topology } from '../../../shared/protocol';
import type { RouteQuery, RouteResult } from '../route/types';
import { buildDiagram, type Diagram } from './model';
import { drawRoute, type RoutePanel } from './route';

export { renderSvg, escapeXml } from './svg';
export { renderDot } from './dot';
export { renderMermaid } from './mermaid';
export { DIAGRAM_CSS } from '../../../shared/diagramStyle';
export type { Diagram, DiagramNode, DiagramEdge } from './model';
export type { RoutePanel, RoutePanelHop } from './route';

/** The diagram of a topology, with a traced route drawn on it when one is given. */
export function diagramOf(
  topology: Topology,
  route?: { query: RouteQuery; result: RouteResult },
): { diagram: Diagram; panel?: RoutePanel } {
  const diagram = buildDiagram(topology);
  if (!route) return { diagram };
  return { diagram, panel: drawRoute(diagram, route.query, route.result) };
}
