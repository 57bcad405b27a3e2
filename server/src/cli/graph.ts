import { readFileSync } from 'node:fs';
import { Workspace } from '../engine/workspace';
import { topology } from '../features/topology';
import { diagramOf, renderDot, renderMermaid, renderSvg } from '../diagram/index';
import { simulateRoute, RouteQueryError } from '../route/simulate';
import type { RouteQuery } from '../route/types';
import { routeTargetProblem } from '../route/target';
import { CliError, describeFsError } from './errors';
import { discoverFiles } from './discover';
import { readRuleSettings } from './settings';
import { shownPath } from './report';
import type { CliIo } from './io';

export const GRAPH_USAGE = `Usage: exconn graph [PATH...] [--format dot|mermaid|svg]
                    [--route-from ROUTING_GROUP (--to ADDRESS | --to-group ROUTING_GROUP)]

Draws the routing topology of the files and folders given (default: the
current folder): routing groups inside their administrative groups, each
connector as an arrow with its name and cost (amber when one-sided, red with
errors), Exchange 5.5 sites, and address spaces as leaves. With --route-from,
the route a message takes (1 KB, normal priority, non-system) is highlighted
and the connectors passed over are greyed.

Formats: dot (Graphviz, the default), mermaid (a Mermaid flowchart, which
code hosts render in Markdown) and svg (a standalone picture laid out as
VS Code's Routing Topology view lays it out). The output is the same for the
same files: diff it in reviews.

Exit status: 0, or 2 for a usage error, an unknown routing group or a path
that cannot be read.
`;

export const GRAPH_FORMATS = ['dot', 'mermaid', 'svg'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface GraphArgs {
  paths: string[];
  format: GraphFormat;
  route?: RouteQuery;
}

const usage = (m: string) => new CliError(m, 2, true);

export function parseGraphArgs(argv: readonly string[]): GraphArgs | 'help' {
  const paths: string[] = [];
  let format: GraphFormat = 'dot';
  let from: string | undefined;
  let to: string | undefined;
  let toGroup: string | undefined;
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
      case '--format': {
        const v = value();
        if (!(GRAPH_FORMATS as readonly string[]).includes(v)) throw usage(`unknown format '${v}': expected dot, mermaid or svg`);
        format = v as GraphFormat;
        break;
      }
      case '--route-from':
        from = value();
        break;
      case '--to':
        to = value();
        break;
      case '--to-group':
        toGroup = value();
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw usage(`unknown option '${a}'`);
        paths.push(a);
    }
  }
  if (from === undefined) {
    if (to !== undefined || toGroup !== undefined) throw usage('--to and --to-group need --route-from');
    return { paths, format };
  }
  if ((to === undefined) === (toGroup === undefined)) throw usage('--route-from needs one of --to ADDRESS and --to-group ROUTING_GROUP');
  if (to !== undefined) {
    const problem = routeTargetProblem(to);
    if (problem) throw usage(`--to: ${problem}`);
  }
  return { paths, format, route: { from, ...(to !== undefined ? { to } : { toGroup }) } };
}

/** `exconn graph`: reads the organization and prints its picture. */
export function runGraph(argv: readonly string[], io: CliIo): number {
  const args = parseGraphArgs(argv);
  if (args === 'help') {
    io.out(GRAPH_USAGE);
    return 0;
  }
  const rules = readRuleSettings(io.cwd, (line) => io.err(`exconn: ${line}\n`));
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
    // Paths as shown, so that the picture's hovers never carry the machine's folders.
    ws.setFile(shownPath(io.cwd, abs), text);
  }
  let route;
  if (args.route) {
    try {
      route = { query: args.route, result: simulateRoute(ws.index, args.route) };
    } catch (e) {
      if (e instanceof RouteQueryError) throw new CliError(e.message.replace(/^--from/, '--route-from'));
      throw e;
    }
  }
  const { diagram } = diagramOf(
    topology(ws, () => ({ rules })),
    route,
  );
  const out =
    args.format === 'svg'
      ? renderSvg(diagram, { standalone: true })
      : args.format === 'mermaid'
        ? renderMermaid(diagram)
        : renderDot(diagram);
  io.out(out);
  return 0;
}
