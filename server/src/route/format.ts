import { describePass } from '../../../shared/route';
import type { RouteQuery, RouteResult } from './types';

/** The heading's verdict: delivered, shared, looping or refused. */
function verdict(r: RouteResult): string {
  if (r.loop) return `not delivered: loops: ${r.loop.join(' → ')} (NDR 5.4.6)`;
  if (!r.delivered) return 'not delivered: no connector can carry it';
  return r.routes.length > 1 ? `${r.routes.length} routes share the load` : 'delivered';
}

/** `exconn route --format text`: a heading, one line per hop of each route, then the passed-over connectors. */
export function formatRouteText(q: RouteQuery, r: RouteResult): string {
  const target = q.toGroup !== undefined ? `routing group ${q.toGroup}` : q.to;
  const kind = `${q.sizeKB ?? 1} KB, ${q.priority ?? 'normal'} priority, ${q.system ? 'system' : 'non-system'}`;
  const out = [`From ${q.from} to ${target} (${kind}): ${verdict(r)}`];
  r.routes.forEach((route, i) => {
    out.push(`Route ${i + 1}, total cost ${route.totalCost}:`);
    if (route.hops.length === 0 && route.exit === 'connector') out.push('  (already there)');
    for (const h of route.hops) out.push(`  ${h.from} -> ${h.to} via "${h.connector}" (cost ${h.cost})`);
    if (route.exit === 'dns') {
      const last = route.hops.length ? route.hops[route.hops.length - 1].to : q.from;
      out.push(`  then by DNS from the SMTP virtual servers of ${last}`);
    }
  });
  if (r.loopHops?.length) {
    out.push('Loop:');
    for (const h of r.loopHops) out.push(`  ${h.from} -> ${h.to} via "${h.connector}" (cost ${h.cost})`);
  }
  if (r.passedOver.length) {
    out.push('Passed over:');
    for (const p of r.passedOver) out.push(`  "${p.connector}": ${p.reason}: ${describePass(p)}`);
  }
  return out.join('\n') + '\n';
}

/** `exconn route --format json`: the result object as docs/routing.md shows it. */
export function formatRouteJson(r: RouteResult): string {
  return JSON.stringify(r, null, 2) + '\n';
}
