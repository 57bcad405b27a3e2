import { readFileSync } from 'node:fs';
import { compareDrift, type DriftEntry, type DriftResult } from '../import/drift';
import { CliError, describeFsError } from './errors';
import { discoverFiles } from './discover';
import { shownPath } from './report';
import { readExport, TIMEZONE_OPTION } from './import';
import { oneOf, parseArgs, usageError } from './args';
import type { CliIo } from './io';

export const DRIFT_USAGE = `Usage: exconn drift EXPORT.ldf [DIR] [--timezone +HH:MM] [--format text|json]

Compares the connector, routing-group and organization files in DIR (default:
the current folder) with a fresh ldifde export, and lists per object what
differs (the value in the files, the value in the export) and the objects
found on one side only. Objects are matched by the objectGUID that
'exconn import' recorded in each file, else by kind and name. Only what an
export can say is compared. Schedules are compared at the offset the import
recorded, unless --timezone says otherwise.

Exit status: 0 when the files match the export, 1 when anything differs,
2 for a usage error or a path that cannot be read.
`;

interface DriftArgs {
  export: string;
  dir: string;
  offsetMinutes?: number;
  format: 'text' | 'json';
}

const DRIFT_OPTIONS = {
  '--timezone': TIMEZONE_OPTION,
  '--format': { parse: oneOf(['text', 'json'] as const, (v, expected) => `unknown format '${v}': expected ${expected}`) },
} as const;

export function parseDriftArgs(argv: readonly string[]): DriftArgs | 'help' {
  const args = parseArgs(argv, DRIFT_OPTIONS);
  if (args === 'help') return 'help';
  const { options: o, positional } = args;
  if (positional.length === 0) throw usageError('name the ldifde export to compare with');
  if (positional.length > 2) throw usageError(`one export and one folder: '${positional[2]}' is extra`);
  return { export: positional[0], dir: positional[1] ?? '.', offsetMinutes: o['--timezone'], format: o['--format'] ?? 'text' };
}

/** `exconn drift`: reads the export and the files, compares, prints; 1 when anything differs. */
export function runDrift(argv: readonly string[], io: CliIo): number {
  const args = parseDriftArgs(argv);
  if (args === 'help') {
    io.out(DRIFT_USAGE);
    return 0;
  }
  const bytes = readExport(args.export, io.cwd);
  const paths = discoverFiles([args.dir], io.cwd);
  const files = paths.map((abs) => {
    try {
      return { path: shownPath(io.cwd, abs), text: readFileSync(abs, 'utf8').replace(/^\ufeff/, '') };
    } catch (e) {
      throw new CliError(`cannot read ${shownPath(io.cwd, abs)}: ${describeFsError(e)}`);
    }
  });
  const result = compareDrift(bytes, files, { offsetMinutes: args.offsetMinutes });
  for (const p of result.problems) io.err(`exconn: ${p}\n`);
  io.out(args.format === 'json' ? formatDriftJson(files.length, result) : formatDriftText(result));
  return result.entries.length ? 1 : 0;
}

function title(e: DriftEntry): string {
  const where = [e.routingGroup, e.administrativeGroup].filter((x) => x !== undefined).join(', ');
  return `${e.kind} "${e.name}"${where ? ` (${where})` : ''}`;
}

const shown = (v: string | undefined) => (v === undefined ? 'absent' : JSON.stringify(v));

export function formatDriftText(r: DriftResult): string {
  const lines: string[] = [];
  const changed = r.entries.filter((e) => e.status === 'changed');
  const onlyExport = r.entries.filter((e) => e.status === 'onlyInExport');
  const onlyFiles = r.entries.filter((e) => e.status === 'onlyInFiles');
  for (const e of changed) {
    lines.push(`${e.file}: ${title(e)} differs from the export:`);
    for (const d of e.differences) lines.push(`  ${d.field}: files ${shown(d.files)}, export ${shown(d.export)}`);
  }
  for (const e of onlyExport) lines.push(`only in the export: ${title(e)}${e.guid ? ` {${e.guid}}` : ''}`);
  for (const e of onlyFiles) lines.push(`only in the files: ${e.file}: ${title(e)}`);
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  lines.push(
    r.entries.length === 0
      ? `no drift: ${n(r.compared, 'object matches', 'objects match')} the export`
      : `${n(changed.length, 'object differs', 'objects differ')}, ${onlyExport.length} only in the export, ${onlyFiles.length} only in the files (${r.compared} compared)`,
  );
  return lines.join('\n') + '\n';
}

export function formatDriftJson(fileCount: number, r: DriftResult): string {
  const objects = r.entries.map((e) => ({
    kind: e.kind,
    name: e.name,
    ...(e.administrativeGroup !== undefined ? { administrativeGroup: e.administrativeGroup } : {}),
    ...(e.routingGroup !== undefined ? { routingGroup: e.routingGroup } : {}),
    ...(e.guid ? { guid: e.guid } : {}),
    ...(e.file !== undefined ? { file: e.file } : {}),
    status: e.status,
    differences: e.differences.map((d) => ({ field: d.field, files: d.files ?? null, export: d.export ?? null })),
  }));
  return JSON.stringify({ files: fileCount, compared: r.compared, objects }, null, 2) + '\n';
}
