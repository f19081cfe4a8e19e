// Each command declares its options once (docs/architecture.md): the argument parser's
// configuration, the "Options:" block of its --help and the "needs a value" messages all come
// from that one declaration, so a flag cannot be parsed but undocumented, or documented but refused.
import { UsageError } from '../diagnostics/errors.js';

/** One command-line option, as the command declares it. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** A one-letter alias (`-h`). */
  readonly short?: string;
  /** The value's placeholder in the help (`DIR`, `NAME`); options with a value only. */
  readonly placeholder?: string;
  /**
   * What the value may be, for "--emit needs a value: json or ts". Without it, a first help line
   * listing choices (`pretty | json (default: pretty)`) supplies them.
   */
  readonly accepts?: string;
  /** The help text, one entry per printed line (the command wraps them). */
  readonly help: readonly string[];
}

/** A command's options by flag name (without the dashes), in the order its help lists them. */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What node:util parseArgs is given for a set of specs: the types stay literal, so values are typed. */
export type ParserOptions<S extends OptionSpecs> = { -readonly [K in keyof S]: { type: S[K]['type']; short?: string } };

/** The parseArgs configuration of a command's options. */
export function parserOptions<const S extends OptionSpecs>(specs: S): ParserOptions<S> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short };
  }
  return options as ParserOptions<S>;
}

/** How the help names an option: `--out DIR`, `-h, --help`. */
function label(name: string, spec: OptionSpec): string {
  const flag = spec.short === undefined ? `--${name}` : `-${spec.short}, --${name}`;
  return spec.placeholder === undefined ? flag : `${flag} ${spec.placeholder}`;
}

/**
 * The help's option lines, the text of each starting at `column` (continuation lines too), or
 * two spaces after a label too long for it.
 */
export function optionsHelp(specs: OptionSpecs, column: number): string {
  const lines: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const head = `  ${label(name, spec)}`;
    const [first = '', ...rest] = spec.help;
    lines.push(head.length + 2 <= column ? head.padEnd(column) + first : `${head}  ${first}`);
    for (const line of rest) lines.push(' '.repeat(column) + line);
  }
  return lines.join('\n');
}

/** What an option's value may be, in words ("pretty, json, sarif or github"), if known. */
export function acceptedValues(spec: OptionSpec | undefined): string | undefined {
  if (spec === undefined) return undefined;
  if (spec.accepts !== undefined) return spec.accepts;
  // A first help line that lists choices: `pretty | json | sarif | github (default: pretty…)`.
  const choices = /^([a-z0-9-]+(?: \| [a-z0-9-]+)+)(?: |:|$)/.exec(spec.help[0] ?? '')?.[1]?.split(' | ');
  if (choices === undefined) return undefined;
  return `${choices.slice(0, -1).join(', ')} or ${choices.at(-1) ?? ''}`;
}

/** The `-h, --help` option every command has. */
export const HELP_OPTION = { type: 'boolean', short: 'h', help: ['show this help'] } as const satisfies OptionSpec;

// Options several commands share, declared once with the same help.

export const OUT_OPTION = {
  type: 'string',
  placeholder: 'DIR',
  accepts: 'a folder',
  help: [`output folder (default: svcpkg.config.yaml's, else out)`],
} as const satisfies OptionSpec;

export const CATALOG_OPTION = {
  type: 'string',
  placeholder: 'DIR',
  accepts: 'a folder',
  help: [`catalog folder (default: svcpkg.config.yaml's, else the bundled one)`],
} as const satisfies OptionSpec;

export const CONFIG_OPTION = {
  type: 'string',
  placeholder: 'FILE',
  accepts: 'a file',
  help: [`configuration file (default: the project's, found upward)`],
} as const satisfies OptionSpec;

export const DIAGNOSTICS_FORMAT_OPTION = {
  type: 'string',
  placeholder: 'NAME',
  help: [`pretty | json | sarif | github (default: pretty; github in GitHub Actions)`],
} as const satisfies OptionSpec;

export const MAX_FILE_SIZE_OPTION = {
  type: 'string',
  placeholder: 'BYTES',
  accepts: 'a positive number of bytes',
  help: [`largest file read (default 1048576)`],
} as const satisfies OptionSpec;

export const JOBS_OPTION = {
  type: 'string',
  placeholder: 'N',
  accepts: 'a positive whole number of threads',
  help: [
    `threads checking files: at most N (default: up to 4, from 400 files`,
    `up; 1 checks on this thread only, e.g. on a machine with one free core)`,
  ],
} as const satisfies OptionSpec;

export const CACHE_OPTION = {
  type: 'boolean',
  help: [
    `use the result cache in CI (\`CI\` set) and with --locked too, where`,
    `by default it is written but not read`,
  ],
} as const satisfies OptionSpec;

/** A flag's value checked against a fixed list of choices (`--format`, `--input`). */
export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} takes one of ${allowed.join(', ')}; got \`${value}\``);
}
