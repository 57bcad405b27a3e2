import type { Diagram, DiagramEdge, DiagramNode } from './model';

/** Graphviz DOT: administrative groups as clusters, the same colours and dashes as the SVG. */

export function dotString(s: string): string {
  return `"${s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r?\n|\r/g, '\\n')}"`;
}

const COLORS = { route: '#1a85ff', oneSided: '#bf8803', error: '#e51400', passed: '#8b949e', site: '#652d90', exit: '#388a34' };

function nodeAttrs(n: DiagramNode): string {
  const has = (c: string) => n.classes.includes(c);
  const a: string[] = [`label=${dotString(`${n.label}\n${n.detail}`)}`, `tooltip=${dotString(n.title.join('\n'))}`];
  if (n.kind === 'site') a.push('shape=box', 'style="rounded,bold"', `color="${COLORS.site}"`);
  else if (n.kind === 'exit' || n.kind === 'dns')
    a.push('shape=box', `style="rounded${n.kind === 'dns' ? ',dotted' : ''}"`, `color="${n.kind === 'dns' ? COLORS.route : COLORS.exit}"`);
  else a.push('shape=box', `style="${has('inferred') ? 'dashed' : 'solid'}"`);
  if (has('errors') || has('loop')) a.push(`color="${COLORS.error}"`);
  if (has('on-route') || has('route-start') || has('route-end')) a.push(`color="${COLORS.route}"`, 'penwidth=2.5');
  return a.join(', ');
}

function edgeAttrs(e: DiagramEdge): string {
  const has = (c: string) => e.classes.includes(c);
  const a: string[] = [`label=${dotString(e.label)}`, `tooltip=${dotString(e.title.join('\n'))}`];
  if (has('on-route')) a.push(`color="${COLORS.route}"`, 'penwidth=3');
  else if (has('loop')) a.push(`color="${COLORS.error}"`, 'penwidth=3');
  else if (has('passed')) a.push(`color="${COLORS.passed}"`, `fontcolor="${COLORS.passed}"`, 'style=dashed');
  else if (has('errors') || has('invalid-cost')) a.push(`color="${COLORS.error}"`);
  else if (has('one-sided')) a.push(`color="${COLORS.oneSided}"`);
  return a.join(', ');
}

export function renderDot(d: Diagram): string {
  const out = [
    'digraph topology {',
    '  rankdir=LR;',
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const c of d.clusters) {
    const members = d.nodes.filter((n) => n.cluster === c.id);
    if (!members.length) continue;
    out.push(`  subgraph cluster_${c.id} {`, `    label=${dotString(c.label)};`, '    style=rounded; color="#c8c8c8";');
    for (const n of members) out.push(`    ${n.id} [${nodeAttrs(n)}];`);
    out.push('  }');
  }
  for (const n of d.nodes) if (!n.cluster) out.push(`  ${n.id} [${nodeAttrs(n)}];`);
  for (const e of d.edges) out.push(`  ${e.from} -> ${e.to} [${edgeAttrs(e)}];`);
  out.push('}');
  return out.join('\n') + '\n';
}
