import type { CheckOptions, Workspace } from '../engine/workspace';
import { diagramOf, renderSvg } from '../diagram/index';
import type { DiagramParams, DiagramView } from '../../../shared/protocol';
import { traceRoute } from '../route/index';
import { topology } from './topology';

/** The Routing Topology view's content: the SVG, where each element leads, and the route's panel. Pure. */
export function diagramView(ws: Workspace, optionsFor: (uri: string) => CheckOptions, params: DiagramParams = {}): DiagramView {
  let route;
  let routeError: string | undefined;
  if (params.route) {
    const traced = traceRoute(ws.index, params.route);
    if ('error' in traced) routeError = traced.error;
    else route = { query: params.route, result: traced.result };
  }
  const { diagram, panel } = diagramOf(topology(ws, optionsFor), route);
  const targets: DiagramView['targets'] = {};
  for (const el of [...diagram.nodes, ...diagram.edges]) if (el.target) targets[el.id] = el.target;
  return {
    svg: renderSvg(diagram, { title: 'Routing topology' }),
    targets,
    ...(panel ? { route: panel } : {}),
    ...(routeError !== undefined ? { routeError } : {}),
  };
}
