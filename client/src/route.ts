/** "Trace a Route": the question asked with quick picks, the answer written for people. */
import { describePass, type RouteQuery, type RouteResult } from '../../shared/protocol';

/** The answer as lines of text: each route hop by hop, then the passed-over candidates and why. */
export function formatRoute(query: RouteQuery, result: RouteResult): string {
  const target = query.to ?? `routing group ${query.toGroup}`;
  const out: string[] = [];
  out.push(
    `Route from ${query.from} to ${target} (${query.sizeKB ?? 1} KB, ${query.priority ?? 'normal'} priority, ${query.system ? 'system' : 'non-system'})`,
  );
  if (result.loop) {
    out.push(`  Not delivered: the message loops: ${result.loop.join(' → ')} (NDR 5.4.6).`);
    for (const hop of result.loopHops ?? []) out.push(`    ${hop.from} → ${hop.to}  via "${hop.connector}" (cost ${hop.cost})`);
  } else if (!result.delivered || result.routes.length === 0) {
    out.push('  Not delivered: no connector can carry this message.');
  } else {
    if (result.routes.length > 1) out.push(`  ${result.routes.length} routes of equal cost share the load:`);
    result.routes.forEach((route, i) => {
      out.push(`  ${result.routes.length > 1 ? `Route ${i + 1}, t` : 'T'}otal cost ${route.totalCost}:`);
      for (const hop of route.hops) out.push(`    ${hop.from} → ${hop.to}  via "${hop.connector}" (cost ${hop.cost})`);
      if (route.exit === 'dns') {
        const group = route.hops.length ? route.hops[route.hops.length - 1].to : query.from;
        out.push(`    then by DNS from the SMTP virtual servers of ${group}`);
      }
    });
  }
  if (result.passedOver.length) {
    out.push('  Passed over:');
    for (const p of result.passedOver) out.push(`    "${p.connector}": ${describePass(p)}`);
  } else {
    out.push('  No other candidate.');
  }
  return out.join('\n');
}
