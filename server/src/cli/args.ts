import { CliError } from './errors';
import { didYouMean } from './suggest';

/** An option that stands alone: `--fix`. */
export interface FlagOption {
  flag: true;
}

/**
 * An option with a value, `--format json` or `--format=json`: `parse` turns
 * the text into the value (throwing a usage error when it is wrong) as soon
 * as the option is read, so that errors come in the order of the arguments.
 */
export interface ValueOption<T> {
  parse: (text: string) => T;
  /** The message when the value is missing or empty; default "--NAME needs a value". */
  missing?: string;
  /** Given twice with different values is a usage error ("--NAME given twice"); by default the last one counts. */
  once?: boolean;
}

export type OptionSpec = FlagOption | ValueOption<unknown>;

type ValueOf<O> = O extends ValueOption<infer T> ? T : true;

/** What the command line said: each option given, and the other arguments in order. */
export interface ParsedArgs<S extends Record<string, OptionSpec>> {
  options: { [K in keyof S]?: ValueOf<S[K]> };
  positional: string[];
}

/** A usage error: the message, then the command's usage line. */
export const usageError = (message: string) => new CliError(message, 2, true);

/** The value as typed, for options whose value needs no parsing. */
export const text = (v: string) => v;

/** A value among a fixed few, else "unknown format 'png': expected dot, mermaid or svg". */
export function oneOf<T extends string>(choices: readonly T[], wrong: (value: string, expected: string) => string) {
  const expected = choices.length === 1 ? choices[0] : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
  return (v: string): T => {
    if (!(choices as readonly string[]).includes(v)) throw usageError(wrong(v, expected));
    return v as T;
  };
}

/**
 * The one option parser of every exconn command, GNU style: options and
 * other arguments in any order, `--name value` or `--name=value`, `--` ends
 * the options, `-h` or `--help` anywhere before it asks for help (the
 * command's usage, exit 0), a lone `-` is an argument. An unknown option is a
 * usage error naming the closest known one.
 */
export function parseArgs<S extends Record<string, OptionSpec>>(argv: readonly string[], spec: S): ParsedArgs<S> | 'help' {
  const options: Record<string, unknown> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help') return 'help';
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq === -1 ? a : a.slice(0, eq);
    const option = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined;
    // A flag given a value (`--fix=yes`) is no option we know.
    if (!option || ('flag' in option && eq !== -1))
      throw usageError(`unknown option '${a}'${didYouMean(name, [...Object.keys(spec), '--help'])}`);
    if ('flag' in option) {
      options[name] = true;
      continue;
    }
    const raw = eq === -1 ? argv[++i] : a.slice(eq + 1);
    if (raw === undefined || raw === '') throw usageError(option.missing ?? `${name} needs a value`);
    const value = option.parse(raw);
    if (option.once && name in options && options[name] !== value) throw usageError(`${name} given twice`);
    options[name] = value;
  }
  return { options: options as ParsedArgs<S>['options'], positional };
}
