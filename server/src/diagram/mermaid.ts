import type { Diagram, DiagramNode } from './model';

/**
 * A Mermaid flowchart (code hosts render it in Markdown): administrative
 * groups as subgraphs, class definitions for the same states as the SVG.
 * Names go in quoted labels with Mermaid's entity codes for the characters
 * that would end or format them.
 */

export function mermaidText(s: string): string {
  return s.replace(/[#"<>`\[\]{}|]/g, (c) => `#${c.charCodeAt(0)};`).replace(/\r?\n|\r/g, ' ');
}

function shape(n: DiagramNode): string {
  const text = `"${mermaidText(n.label)}<br/>${mermaidText(n.detail)}"`;
  return n.kind === 'site' ? `${n.id}([${text}])` : n.kind === 'group' ? `${n.id}[${text}]` : `${n.id}>${text}]`;
}

const CLASSES: [string, string][] = [
  ['inferred', 'stroke-dasharray: 5 3'],
  ['errors', 'stroke:#e51400'],
  ['site', 'stroke:#652d90,stroke-width:2px'],
  ['exit', 'stroke:#388a34'],
  ['onroute', 'stroke:#1a85ff,stroke-width:3px'],
  ['loop', 'stroke:#e51400,stroke-width:3px'],
];

export function renderMermaid(d: Diagram): string {
  const out = ['flowchart LR'];
  for (const c of d.clusters) {
    const members = d.nodes.filter((n) => n.cluster === c.id);
    if (!members.length) continue;
    out.push(`  subgraph ${c.id}["${mermaidText(c.label)}"]`);
    for (const n of members) out.push(`    ${shape(n)}`);
    out.push('  end');
  }
  for (const n of d.nodes) if (!n.cluster) out.push(`  ${shape(n)}`);
  d.edges.forEach((e) => {
    const arrow = e.classes.includes('on-route') || e.classes.includes('loop') ? '==>' : e.classes.includes('passed') ? '-.->' : '-->';
    out.push(`  ${e.from} ${arrow}|"${mermaidText(e.label)}"| ${e.to}`);
  });
  for (const [name, style] of CLASSES) out.push(`  classDef ${name} ${style}`);
  for (const n of d.nodes) {
    const cls = n.classes
      .map((c) => (c === 'on-route' || c === 'route-start' || c === 'route-end' ? 'onroute' : c))
      .filter((c, i, all) => CLASSES.some(([k]) => k === c) && all.indexOf(c) === i);
    if (n.kind === 'exit' || n.kind === 'dns') cls.push('exit');
    const unique = [...new Set(cls)];
    if (unique.length) out.push(`  class ${n.id} ${unique.join(',')}`);
  }
  const styles: [number, string][] = [];
  d.edges.forEach((e, i) => {
    const has = (c: string) => e.classes.includes(c);
    const color = has('on-route')
      ? '#1a85ff'
      : has('loop') || has('errors') || has('invalid-cost')
        ? '#e51400'
        : has('passed')
          ? '#8b949e'
          : has('one-sided')
            ? '#bf8803'
            : undefined;
    if (color) styles.push([i, `stroke:${color}${has('on-route') || has('loop') ? ',stroke-width:3px' : ''}`]);
  });
  for (const [i, s] of styles) out.push(`  linkStyle ${i} ${s}`);
  return out.join('\n') + '\n';
}
