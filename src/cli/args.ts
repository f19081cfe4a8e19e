// Argument parsing on node:util parseArgs, turning its exceptions into UsageErrors in our words:
// "unknown option --fromat (did you mean --format?)", "--emit needs a value: json or ts".
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../diagnostics/errors.js';
import { suggest } from '../diagnostics/suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What parseArgs returns for a set of options (positionals allowed, strict). */
export type ParsedArgs<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** What a flag's value is, for "--emit needs a value: json or ts"; --format's comes from the usage. */
const VALUES: Readonly<Record<string, string>> = {
  emit: 'json or ts',
  'max-file-size': 'a positive number of bytes',
  jobs: 'a positive whole number of threads',
  debounce: 'a positive whole number of milliseconds',
  'dedupe-window': 'a number of days',
  'fail-on': 'breaking, any or none',
  input: 'lago or cloudevents',
  against: 'a compiled manifest, a packages folder or a git revision',
  catalog: 'a folder',
  out: 'a folder',
  config: 'a file',
  html: 'a file',
  decisions: 'a file',
};

/** Parse a command's arguments strictly; unknown flags and missing values are usage errors. */
export function parseCommandArgs<const O extends Options>(args: string[], options: O, usage: string): ParsedArgs<O> {
  // `--max-file-size -5`: parseArgs calls a dash-led value ambiguous; a number is meant as the
  // value, so it reaches the flag's own check ("must be a positive number of bytes, got -5").
  const merged: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      merged.push(...args.slice(i));
      break;
    }
    const next = args[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      merged.push(`${arg}=${next}`);
      i++;
    } else merged.push(arg);
  }
  try {
    return parseArgs({ args: merged, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error, options, usage));
  }
}

/** Our message for a parseArgs failure (its own run on, and name `<value>` placeholders). */
function usageMessage(error: unknown, options: Options, usage: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const flag = /'(-[^' ]+)/.exec(message)?.[1];
  if (flag === undefined) return `${message.split(/\.\s/)[0] ?? message}\n\n${usage}`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.keys(options).map((name) => `--${name}`);
    const match = flag.startsWith('--') ? suggest(flag.split('=')[0] ?? flag, known) : undefined;
    // A likely typo needs only its fix; anything else gets the list of options.
    return match !== undefined ? `unknown option ${flag} (did you mean ${match}?)` : `unknown option ${flag}\n\n${usage}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = flag.replace(/^-+/, '');
    if (/does not take an argument/.test(message)) return `${flag} takes no value`;
    const what = VALUES[name] ?? valueFromUsage(name, usage);
    return what !== undefined ? `${flag} needs a value: ${what}` : `${flag} needs a value`;
  }
  return `${message.split(/\.\s/)[0] ?? message}\n\n${usage}`;
}

/** A flag's values as its usage line lists them: `--format NAME  pretty | json (default…)`. */
function valueFromUsage(name: string, usage: string): string | undefined {
  const line = new RegExp(`^\\s+--${name} [A-Z]+\\s+(.+)$`, 'm').exec(usage)?.[1];
  const values = line?.split(/ \(default|;/)[0]?.trim().split(' | ');
  return values === undefined ? undefined : values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1) ?? ''}` : values[0];
}

/**
 * Parse a positive integer flag value. With `unit`, the message names it: "--max-file-size must
 * be a positive number of bytes, got -5".
 */
export function positiveInteger(value: string | undefined, flag: string, unit?: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new UsageError(unit === undefined ? `${flag} takes a positive whole number, got \`${value}\`` : `${flag} must be a positive number of ${unit}, got ${value}`);
  }
  return n;
}
