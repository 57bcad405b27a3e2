import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep, isAbsolute } from 'node:path';
import { importLdif, formatImportReport } from '../import';
import { parseOffset, formatOffset } from '../import/schedule';
import { CliError, describeFsError } from './errors';
import { parseArgs, text, usageError } from './args';
import { shownPath } from './report';
import type { CliIo } from './io';
import { NotReplaceable, writeFileAtomically } from './replaceFile';

export const IMPORT_USAGE = `Usage: exconn import EXPORT.ldf --out DIR [--timezone +HH:MM] [--overwrite]

Reads an ldifde export of CN=Microsoft Exchange,CN=Services,CN=Configuration,...
and writes the organization into DIR: one *.organization.yaml, and per
administrative group and routing group a folder with the *.routinggroup.yaml
and one *.connector.yaml per connector. Only what the export says is written;
what it cannot say is named at the top of each file and in the report printed
here. Passwords are never written. Export with:

  ldifde -f export.ldf -d "CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=..." -p subtree -o msExchSmtpOutboundSecurityPassword

Options:
  --out DIR           the folder to write into (created when missing)
  --timezone +HH:MM   the offset from UTC at which schedules are written (default +00:00);
                      Active Directory keeps schedules in UTC
  --overwrite         replace files that exist (by default the import stops instead)
  -h, --help          show this help

Exit status: 0 when the organization was imported, 2 for a usage error, an
export that cannot be read or holds no organization, or a file that exists.
`;

interface ImportArgs {
  export: string;
  out: string;
  offsetMinutes: number;
  overwrite: boolean;
}

/** `--timezone +HH:MM`, as import and drift take it: minutes east of UTC. */
export const TIMEZONE_OPTION = {
  parse: (v: string) => {
    const minutes = parseOffset(v);
    if (minutes === undefined) throw usageError(`--timezone must be an offset such as +01:00 or -05:00 on a quarter hour, not '${v}'`);
    return minutes;
  },
};

const IMPORT_OPTIONS = {
  '--out': { parse: text },
  '--timezone': TIMEZONE_OPTION,
  '--overwrite': { flag: true },
} as const;

export function parseImportArgs(argv: readonly string[]): ImportArgs | 'help' {
  const args = parseArgs(argv, IMPORT_OPTIONS);
  if (args === 'help') return 'help';
  const [exportPath, extra] = args.positional;
  const o = args.options;
  if (extra !== undefined) throw usageError(`one export at a time: '${extra}' is extra`);
  if (exportPath === undefined) throw usageError('name the ldifde export to read');
  if (o['--out'] === undefined) throw usageError('--out DIR is required');
  return { export: exportPath, out: o['--out'], offsetMinutes: o['--timezone'] ?? 0, overwrite: o['--overwrite'] ?? false };
}

/** Reads an export file for import or drift: its bytes, or a CliError. */
export function readExport(path: string, cwd: string): Uint8Array {
  try {
    return readFileSync(resolve(cwd, path));
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${describeFsError(e)}`);
  }
}

/** `exconn import`: converts, then writes each file at once (writeFileAtomically), never outside --out. */
export function runImport(argv: readonly string[], io: CliIo): number {
  const args = parseImportArgs(argv);
  if (args === 'help') {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const bytes = readExport(args.export, io.cwd);
  const result = importLdif(bytes, { offsetMinutes: args.offsetMinutes });
  if (!result.found) {
    io.err(formatImportReport(result.report));
    throw new CliError(`${args.export} holds no Exchange organization: nothing written`);
  }
  const outDir = resolve(io.cwd, args.out);
  const targets = result.files.map((f) => ({ file: f, abs: inside(outDir, f.path) }));
  if (!args.overwrite) {
    const existing = targets.find((t) => existsSync(t.abs));
    if (existing) throw new CliError(`${shownPath(io.cwd, existing.abs)} exists: import into an empty folder, or give --overwrite`);
  }
  for (const t of targets) writeImported(t.abs, t.file.text, io.cwd);
  io.out(formatImportReport(result.report));
  io.out(
    `${result.files.length} files written to ${shownPath(io.cwd, outDir) || '.'} (schedules at UTC${formatOffset(args.offsetMinutes)})\n`,
  );
  return 0;
}

/** The absolute path of a relative path under dir; a path that would leave dir is refused. */
export function inside(dir: string, rel: string): string {
  const abs = resolve(dir, ...rel.split('/'));
  const r = relative(dir, abs);
  if (r === '' || r.startsWith('..') || isAbsolute(r) || r.split(sep).includes('..'))
    throw new CliError(`refusing to write outside ${dir}: ${rel}`);
  return abs;
}

/** Each file at once (writeFileAtomically), its folder created first; a failure is one line naming the file. */
function writeImported(abs: string, text: string, cwd: string): void {
  try {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileAtomically(abs, Buffer.from(text, 'utf8'));
  } catch (e) {
    const why = e instanceof NotReplaceable ? e.message : describeFsError(e);
    throw new CliError(`cannot write ${shownPath(cwd, abs)}: ${why}`);
  }
}
