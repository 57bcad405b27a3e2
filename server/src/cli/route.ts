import { readFileSync } from 'node:fs';
import { Workspace } from '../engine/workspace';
import { simulateRoute, RouteQueryError } from '../route/simulate';
import { formatRouteJson, formatRouteText } from '../route/format';
import type { RouteQuery } from '../route/types';
import { routeTargetProblem } from '../route/target';
import { CliError, describeFsError } from './errors';
import { didYouMean } from './suggest';
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

const usage = (m: string) => new CliError(m, 2, true);
const ROUTE_OPTIONS = ['--from', '--to', '--to-group', '--size', '--priority', '--system', '--format', '--help'];

export function parseRouteArgs(argv: readonly string[]): RouteArgs | 'help' {
  const q: Partial<RouteQuery> = {};
  const paths: string[] = [];
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return 'help';
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw usage(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--from':
        q.from = value();
        break;
      case '--to':
        q.to = value();
        break;
      case '--to-group':
        q.toGroup = value();
        break;
      case '--size': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) < 1) throw usage(`--size must be a positive whole number of KB, not '${v}'`);
        q.sizeKB = Number(v);
        break;
      }
      case '--priority': {
        const v = value();
        if (v !== 'high' && v !== 'normal' && v !== 'low') throw usage(`--priority must be high, normal or low, not '${v}'`);
        q.priority = v;
        break;
      }
      case '--system':
        q.system = true;
        break;
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw usage(`unknown format '${v}': expected text or json`);
        format = v;
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') throw usage(`unknown option '${a}'${didYouMean(flag, ROUTE_OPTIONS)}`);
        paths.push(a);
    }
  }
  if (q.from === undefined) throw usage('--from is required');
  if ((q.to === undefined) === (q.toGroup === undefined)) throw usage('give one of --to ADDRESS and --to-group ROUTING_GROUP');
  const problem = q.to !== undefined ? routeTargetProblem(q.to) : undefined;
  if (problem) throw usage(`--to: ${problem}`);
  return { query: q as RouteQuery, paths, format };
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
