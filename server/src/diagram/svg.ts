import { layoutDiagram, textWidth, type Layout } from './layout';
import type { Diagram, DiagramEdge, DiagramNode } from './model';
import { DIAGRAM_CSS } from '../../../shared/diagramStyle';

/**
 * The diagram as SVG. The webview shows it with the theme's colours; with
 * `standalone` it carries its own style sheet (light colours) for
 * `exconn graph --format svg`. Everything from the files is escaped text.
 */

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const ARROWS = ['plain', 'one-sided', 'errors', 'on-route', 'passed', 'loop'] as const;

function arrowOf(e: DiagramEdge): (typeof ARROWS)[number] {
  for (const c of ['on-route', 'loop', 'passed', 'errors', 'one-sided'] as const) if (e.classes.includes(c)) return c;
  return e.classes.includes('invalid-cost') ? 'errors' : 'plain';
}

function title(lines: string[]): string {
  return `<title>${escapeXml(lines.join('\n'))}</title>`;
}

function pathOf(points: { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  if (points.length < 3) return `M${points.map((p) => `${p.x},${p.y}`).join(' L')}`;
  // A smooth curve through dagre's points: quadratic segments between midpoints.
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const n = points[i + 1];
    const mx = i === points.length - 2 ? n.x : Math.round(((p.x + n.x) / 2) * 10) / 10;
    const my = i === points.length - 2 ? n.y : Math.round(((p.y + n.y) / 2) * 10) / 10;
    d += ` Q${p.x},${p.y} ${mx},${my}`;
  }
  return d;
}

function node(n: DiagramNode, l: Layout): string {
  const b = l.nodes.get(n.id)!;
  const cx = Math.round((b.x + b.width / 2) * 10) / 10;
  const rx = n.kind === 'site' ? b.height / 2 : n.kind === 'group' ? 4 : 10;
  const attrs = [
    `class="node ${n.classes.map(escapeXml).join(' ')}"`,
    `data-id="${n.id}"`,
    `data-kind="${n.kind}"`,
    `data-name="${escapeXml(n.label)}"`,
    ...(n.target ? [] : ['data-static="true"']),
  ];
  return [
    `<g ${attrs.join(' ')}>`,
    title(n.title),
    `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="${rx}"/>`,
    `<text x="${cx}" y="${b.y + 18}" text-anchor="middle">${escapeXml(n.label)}</text>`,
    `<text class="detail" x="${cx}" y="${b.y + 33}" text-anchor="middle">${escapeXml(n.detail)}</text>`,
    `</g>`,
  ].join('');
}

function edge(e: DiagramEdge, l: Layout): string {
  const g = l.edges.get(e.id)!;
  const d = pathOf(g.points);
  const attrs = [
    `class="edge ${e.classes.map(escapeXml).join(' ')}"`,
    `data-id="${e.id}"`,
    `data-connector="${escapeXml(e.connector)}"`,
    `data-from="${e.from}"`,
    `data-to="${e.to}"`,
  ];
  return [
    `<g ${attrs.join(' ')}>`,
    title(e.title),
    `<path d="${d}" marker-end="url(#arrow-${arrowOf(e)})"/>`,
    `<path class="hit" d="${d}"/>`,
    `</g>`,
  ].join('');
}

/** An arrow's label, drawn above every arrow (a wide hit path of another arrow must not cover it); it clicks and hovers as its arrow. */
function edgeLabel(e: DiagramEdge, l: Layout): string {
  const g = l.edges.get(e.id)!;
  const w = textWidth(e.label) + 6;
  return [
    `<g class="edge label ${e.classes.map(escapeXml).join(' ')}" data-id="${e.id}" data-connector="${escapeXml(e.connector)}">`,
    title(e.title),
    `<rect class="label-bg" x="${Math.round((g.label.x - w / 2) * 10) / 10}" y="${g.label.y - 8}" width="${w}" height="16" rx="3"/>`,
    `<text x="${g.label.x}" y="${g.label.y + 4}" text-anchor="middle">${escapeXml(e.label)}</text>`,
    `</g>`,
  ].join('');
}

export function renderSvg(d: Diagram, options: { standalone?: boolean; title?: string } = {}): string {
  const l = layoutDiagram(d);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="topology" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}" role="img" aria-label="${escapeXml(options.title ?? 'Routing topology')}">`,
  );
  if (options.standalone) out.push(`<style>${DIAGRAM_CSS}</style>`, `<rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push('<defs>');
  for (const a of ARROWS)
    out.push(
      `<marker id="arrow-${a}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path class="arrow ${a}" d="M0,0 L10,5 L0,10 z"/></marker>`,
    );
  out.push('</defs>');
  out.push('<g class="viewport">');
  for (const c of d.clusters) {
    const b = l.clusters.get(c.id);
    if (!b) continue;
    out.push(
      `<g class="cluster" data-cluster="${c.id}"><rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="6"/><text x="${b.x + 8}" y="${b.y + 16}">${escapeXml(c.label)}</text></g>`,
    );
  }
  for (const e of d.edges) out.push(edge(e, l));
  for (const n of d.nodes) out.push(node(n, l));
  for (const e of d.edges) out.push(edgeLabel(e, l));
  out.push('</g></svg>');
  return out.join('\n') + '\n';
}
