import { readFileSync } from 'node:fs';
import { Workspace } from '../engine/workspace';
import { simulateRoute, RouteQueryError } from '../route/simulate';
import { formatRouteJson, formatRouteText } from '../route/format';
import type { RouteQuery } from '../route/types';
import { routeTargetProblem } from '../route/target';
import { CliError, describeFsError } from './errors';
import { oneOf, parseArgs, text, usageError } from './args';
import { discoverFiles } from './discover';
import { shownPath } from './report';
import type { CliIo } from './io';

export const ROUTE_USAGE = `Usage: exconn route --from ROUTING_GROUP (--to ADDRESS | --to-group ROUTING_GROUP)
                    [--size KB] [--priority high|normal|low] [--system]
                    [PATH...] [--format text|json]

Says which connectors carry such a message from that routing group, hop by
hop (each routing group it reaches chooses again), with each hop's cost, and
why every other candidate was passed over. Where no connector in scope
matches the address, the message leaves by DNS.
PATHs are read as by 'exconn check' (default: the current folder). A routing
group is named NAME, or ADMINISTRATIVE GROUP/NAME when the name is in several.
A message is 1 KB, normal priority and non-system unless told otherwise.

Exit status: 0 when the message is delivered (by a connector or by DNS), 1
when the connectors that match all refuse it or it loops,
2 for a usage error, an unknown routing group or a path that cannot be read.
`;

export interface RouteArgs {
  query: RouteQuery;
  paths: string[];
  format: 'text' | 'json';
}

const ROUTE_OPTIONS = {
  '--from': { parse: text },
  '--to': { parse: text },
  '--to-group': { parse: text },
  '--size': {
    parse: (v: string) => {
      if (!/^\d+$/.test(v) || Number(v) < 1) throw usageError(`--size must be a positive whole number of KB, not '${v}'`);
      return Number(v);
    },
  },
  '--priority': { parse: oneOf(['high', 'normal', 'low'] as const, (v) => `--priority must be high, normal or low, not '${v}'`) },
  '--system': { flag: true },
  '--format': { parse: oneOf(['text', 'json'] as const, (v, expected) => `unknown format '${v}': expected ${expected}`) },
} as const;

export function parseRouteArgs(argv: readonly string[]): RouteArgs | 'help' {
  const args = parseArgs(argv, ROUTE_OPTIONS);
  if (args === 'help') return 'help';
  const o = args.options;
  if (o['--from'] === undefined) throw usageError('--from is required');
  if ((o['--to'] === undefined) === (o['--to-group'] === undefined))
    throw usageError('give one of --to ADDRESS and --to-group ROUTING_GROUP');
  const problem = o['--to'] !== undefined ? routeTargetProblem(o['--to']) : undefined;
  if (problem) throw usageError(`--to: ${problem}`);
  const query: RouteQuery = {
    from: o['--from'],
    ...(o['--to'] !== undefined ? { to: o['--to'] } : { toGroup: o['--to-group'] }),
    ...(o['--size'] !== undefined ? { sizeKB: o['--size'] } : {}),
    ...(o['--priority'] !== undefined ? { priority: o['--priority'] } : {}),
    ...(o['--system'] ? { system: true } : {}),
  };
  return { query, paths: args.positional, format: o['--format'] ?? 'text' };
}

/** `exconn route`: reads the organization, simulates, prints; 0 when delivered, 1 when not. */
export function runRoute(argv: readonly string[], io: CliIo): number {
  const args = parseRouteArgs(argv);
  if (args === 'help') {
    io.out(ROUTE_USAGE);
    return 0;
  }
  const files = discoverFiles(args.paths, io.cwd);
  if (files.length === 0) throw new CliError('no connector files found');
  const ws = new Workspace();
  for (const abs of files) {
    let text: string;
    try {
      text = readFileSync(abs, 'utf8').replace(/^\ufeff/, '');
    } catch (e) {
      throw new CliError(`cannot read ${shownPath(io.cwd, abs)}: ${describeFsError(e)}`);
    }
    ws.setFile(abs, text);
  }
  let result;
  try {
    result = simulateRoute(ws.index, args.query);
  } catch (e) {
    if (e instanceof RouteQueryError) throw new CliError(e.message);
    throw e;
  }
  io.out(args.format === 'json' ? formatRouteJson(result) : formatRouteText(args.query, result));
  return result.delivered ? 0 : 1;
}
