/**
 * exconn: the command line. Argument parsing and dispatch only; each command
 * lives in server/src/cli/.
 */
import { resolve } from 'node:path';
import { parseCheckArgs, runCheck } from './cli/check';
import { runRoute, ROUTE_USAGE } from './cli/route';
import { runImport, IMPORT_USAGE } from './cli/import';
import { runDrift, DRIFT_USAGE } from './cli/drift';
import { runGraph, GRAPH_USAGE } from './cli/graph';
import { CliError, describeFsError } from './cli/errors';
import { didYouMean } from './cli/suggest';
import { processIo, type CliIo } from './cli/io';
import { CHECK_USAGE, USAGE } from './cli/usage';
import { packageVersion } from './cli/version';
import { setRuleErrorHandler } from './engine/checkDocument';

/** A subcommand: its arguments in, the exit status out. */
type Command = (argv: string[], io: CliIo) => number;

const COMMANDS: Record<string, Command> = {
  check(argv, io) {
    const args = parseCheckArgs(argv);
    if (args === 'help') {
      io.out(CHECK_USAGE);
      return 0;
    }
    return runCheck(args, io);
  },
  // `exconn route` (docs/format.md): server/src/cli/route.ts.
  route: runRoute,
  // `exconn import` (docs/import.md): server/src/cli/import.ts.
  import: runImport,
  // `exconn drift` (docs/import.md): server/src/cli/drift.ts.
  drift: runDrift,
  // `exconn graph`: server/src/cli/graph.ts.
  graph: runGraph,
};

const GLOBAL_OPTIONS = ['--help', '--version'];

/** The usage line of a command and where to read more, after a usage error. */
function shortUsage(command: string): string {
  const text =
    command === 'check'
      ? CHECK_USAGE
      : command === 'route'
        ? ROUTE_USAGE
        : command === 'import'
          ? IMPORT_USAGE
          : command === 'drift'
            ? DRIFT_USAGE
            : command === 'graph'
              ? GRAPH_USAGE
              : USAGE;
  return `${text.split('\n')[0]}\nRun 'exconn ${command} --help' for more.\n`;
}

export function main(argv: string[], io: CliIo): number {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(USAGE);
    return 2;
  }
  if (first === '-h' || first === '--help' || first === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (first === '-v' || first === '--version') {
    io.out(packageVersion() + '\n');
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) {
    const hint = first.startsWith('-') ? didYouMean(first, GLOBAL_OPTIONS) : didYouMean(first, Object.keys(COMMANDS));
    io.err(`exconn: unknown ${first.startsWith('-') ? 'option' : 'command'} '${first}'${hint}\n\n${USAGE}`);
    return 2;
  }
  try {
    return command(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`exconn: ${e.message}\n`);
      if (e.showUsage) io.err(shortUsage(first));
      return e.status;
    }
    io.err(`exconn: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

/** Run as a program: `node dist/cli.js`, or through bin/exconn.js, which requires this bundle; not when a test imports it. */
function isProgram(): boolean {
  const main = require.main;
  return main === module || (main !== undefined && main.filename === resolve(__dirname, '..', 'bin', 'exconn.js'));
}

if (isProgram()) {
  const io = processIo();
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // A reader that stops early (`exconn check | head`) is not an error of ours.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // A full disk or a closed output: the report is lost, and the status must say so.
    io.err(`exconn: cannot write the output: ${describeFsError(e)}\n`);
    process.exit(2);
  });
  setRuleErrorHandler((e) => io.err(`exconn: a rule failed: ${e instanceof Error ? e.message : String(e)}\n`));
  // exitCode, not exit(): a large report on a pipe is written out in full first.
  process.exitCode = main(process.argv.slice(2), io);
}
