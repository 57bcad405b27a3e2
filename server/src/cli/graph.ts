import { readFileSync } from 'node:fs';
import { Workspace } from '../engine/workspace';
import { topology } from '../features/topology';
import { diagramOf, renderDot, renderMermaid, renderSvg } from '../diagram/index';
import { simulateRoute, RouteQueryError } from '../route/simulate';
import type { RouteQuery } from '../route/types';
import { routeTargetProblem } from '../route/target';
import { CliError, describeFsError } from './errors';
import { oneOf, parseArgs, text, usageError } from './args';
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

const GRAPH_OPTIONS = {
  '--format': { parse: oneOf(GRAPH_FORMATS, (v, expected) => `unknown format '${v}': expected ${expected}`) },
  '--route-from': { parse: text },
  '--to': { parse: text },
  '--to-group': { parse: text },
} as const;

export function parseGraphArgs(argv: readonly string[]): GraphArgs | 'help' {
  const args = parseArgs(argv, GRAPH_OPTIONS);
  if (args === 'help') return 'help';
  const { options: o, positional: paths } = args;
  const [from, to, toGroup] = [o['--route-from'], o['--to'], o['--to-group']];
  const format = o['--format'] ?? 'dot';
  if (from === undefined) {
    if (to !== undefined || toGroup !== undefined) throw usageError('--to and --to-group need --route-from');
    return { paths, format };
  }
  if ((to === undefined) === (toGroup === undefined))
    throw usageError('--route-from needs one of --to ADDRESS and --to-group ROUTING_GROUP');
  if (to !== undefined) {
    const problem = routeTargetProblem(to);
    if (problem) throw usageError(`--to: ${problem}`);
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
