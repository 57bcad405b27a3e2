import { CliError } from './errors';
import { didYouMean } from './suggest';

const CHECK_OPTIONS = ['--format', '--fix', '--root', '--help'];
import { FORMATS, type CheckArgs, type Format } from './check';

/** Arguments of `exconn check`; `help` when -h/--help is among them. */
export function parseCheckArgs(argv: readonly string[]): CheckArgs | 'help' {
  const out: CheckArgs = { paths: [], format: 'text', fix: false };
  let formatSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.paths.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--fix') out.fix = true;
    else if (a === '--root' || a.startsWith('--root=')) {
      const value = a === '--root' ? argv[++i] : a.slice('--root='.length);
      if (value === undefined || value === '') throw new CliError('--root needs a folder', 2, true);
      if (out.root !== undefined && value !== out.root) throw new CliError('--root given twice', 2, true);
      out.root = value;
    } else if (a === '--format' || a.startsWith('--format=')) {
      const value = a === '--format' ? argv[++i] : a.slice('--format='.length);
      if (value === undefined) throw new CliError('--format needs a value: text, json or sarif', 2, true);
      if (!(FORMATS as readonly string[]).includes(value))
        throw new CliError(`unknown format '${value}': expected text, json or sarif`, 2, true);
      if (formatSeen && value !== out.format) throw new CliError('--format given twice', 2, true);
      formatSeen = true;
      out.format = value as Format;
    } else if (a.startsWith('-') && a !== '-')
      throw new CliError(`unknown option '${a}'${didYouMean(a.replace(/=.*/, ''), CHECK_OPTIONS)}`, 2, true);
    else out.paths.push(a);
  }
  return out;
}
