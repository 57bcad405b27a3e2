// dagre is an ES module package with a CommonJS build; TypeScript's node16 mode reads its
// types as ES module only and refuses the CommonJS import the bundles and the tests make.
// @ts-expect-error TS1479
import * as dagre from '@dagrejs/dagre';
import type { Diagram } from './model';

/**
 * Places the diagram with dagre (a layered layout, left to right): nodes sized
 * from their text, administrative groups as clusters, one arrow per connector
 * link (a multigraph, so both directions of a link and parallel connectors all
 * show). dagre is deterministic for the same insertion order, and the model's
 * order is fixed, so the same topology always gets the same picture.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  width: number;
  height: number;
  clusters: Map<string, Box>;
  nodes: Map<string, Box>;
  edges: Map<string, { points: { x: number; y: number }[]; label: { x: number; y: number } }>;
}

export const FONT_SIZE = 12;
const CHAR = 7;
const LINE = 16;
const MARGIN = 16;

/** A width for text in the diagram's 12 px sans-serif, without measuring (no DOM where the CLI runs). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[il.,:;'|!]/.test(ch) ? 3.5 : /[mwMW@]/.test(ch) ? 10 : /[A-Z]/.test(ch) ? 8 : CHAR;
  return Math.ceil(w);
}

const round = (n: number) => Math.round(n * 10) / 10;

export function layoutDiagram(d: Diagram): Layout {
  const g = new dagre.graphlib.Graph({ multigraph: true, compound: true });
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 90, edgesep: 18, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  for (const c of d.clusters) g.setNode(c.id, { label: c.label, width: 0, height: 0, paddingTop: 28 } as dagre.NodeLabel);
  for (const n of d.nodes) {
    const width = Math.max(textWidth(n.label), textWidth(n.detail) * 0.85) + 24;
    g.setNode(n.id, { width: Math.max(width, 64), height: 2 * LINE + 12 });
    if (n.cluster) g.setParent(n.id, n.cluster);
  }
  for (const e of d.edges) {
    g.setEdge({ v: e.from, w: e.to, name: e.id }, { width: textWidth(e.label) + 8, height: LINE, labelpos: 'c' });
  }
  dagre.layout(g);

  const box = (id: string): Box => {
    const n = g.node(id) as dagre.NodeLabel;
    return { x: round(n.x! - n.width / 2), y: round(n.y! - n.height / 2), width: round(n.width), height: round(n.height) };
  };
  const clusters = new Map<string, Box>();
  for (const c of d.clusters) if (g.children(c.id)?.length) clusters.set(c.id, box(c.id));
  const nodes = new Map<string, Box>();
  for (const n of d.nodes) nodes.set(n.id, box(n.id));
  const edges: Layout['edges'] = new Map();
  for (const e of d.edges) {
    const l = g.edge({ v: e.from, w: e.to, name: e.id }) as dagre.EdgeLabel;
    edges.set(e.id, {
      points: (l.points ?? []).map((p: { x: number; y: number }) => ({ x: round(p.x), y: round(p.y) })),
      label: { x: round(l.x ?? 0), y: round(l.y ?? 0) },
    });
  }
  const graph = g.graph() as { width?: number; height?: number };
  return { width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), clusters, nodes, edges };
}
