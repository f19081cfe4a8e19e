// Argument parsing on node:util parseArgs, turning its exceptions into UsageErrors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../diagnostics/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What parseArgs returns for a set of options (positionals allowed, strict). */
export type ParsedArgs<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

/** Parse a command's arguments strictly; unknown flags and missing values are usage errors. */
export function parseCommandArgs<const O extends Options>(args: string[], options: O, usage: string): ParsedArgs<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages run on ("… To specify a positional argument …"): keep the first sentence.
    const message = error instanceof Error ? (error.message.split(/\.\s/)[0] ?? error.message) : String(error);
    throw new UsageError(`${message}\n\n${usage}`);
  }
}

/** Parse a positive integer flag value. */
export function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} takes a positive whole number, got \`${value}\``);
  return n;
}
