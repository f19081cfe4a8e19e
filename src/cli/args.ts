// Argument parsing on node:util parseArgs, turning its exceptions into UsageErrors in our words:
// "unknown option --fromat (did you mean --format?)", "--emit needs a value: json or ts".
import { parseArgs } from 'node:util';
import { UsageError } from '../diagnostics/errors.js';
import { suggest } from '../diagnostics/suggest.js';
import { acceptedValues, parserOptions, type OptionSpecs, type ParserOptions } from './options.js';

/** What parseArgs returns for a command's options (positionals allowed, strict). */
export type ParsedArgs<S extends OptionSpecs> = ReturnType<
  typeof parseArgs<{ options: ParserOptions<S>; allowPositionals: true; strict: true }>
>;

/**
 * Parse a command's arguments strictly against its declared options (src/cli/options.ts);
 * unknown flags and missing values are usage errors.
 */
export function parseCommandArgs<const S extends OptionSpecs>(args: string[], specs: S, usage: string): ParsedArgs<S> {
  const options = parserOptions(specs);
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
    if (name !== undefined && specs[name]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      merged.push(`${arg}=${next}`);
      i++;
    } else merged.push(arg);
  }
  try {
    return parseArgs({ args: merged, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error, specs, usage));
  }
}

/** Our message for a parseArgs failure (its own run on, and name `<value>` placeholders). */
function usageMessage(error: unknown, specs: OptionSpecs, usage: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const flag = /'(-[^' ]+)/.exec(message)?.[1];
  if (flag === undefined) return `${message.split(/\.\s/)[0] ?? message}\n\n${usage}`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.keys(specs).map((name) => `--${name}`);
    const match = flag.startsWith('--') ? suggest(flag.split('=')[0] ?? flag, known) : undefined;
    // A likely typo needs only its fix; anything else gets the list of options.
    return match !== undefined ? `unknown option ${flag} (did you mean ${match}?)` : `unknown option ${flag}\n\n${usage}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = flag.replace(/^-+/, '');
    if (/does not take an argument/.test(message)) return `${flag} takes no value`;
    const what = acceptedValues(specs[name]);
    return what !== undefined ? `${flag} needs a value: ${what}` : `${flag} needs a value`;
  }
  return `${message.split(/\.\s/)[0] ?? message}\n\n${usage}`;
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
