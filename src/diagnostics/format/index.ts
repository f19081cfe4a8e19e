// The formatters behind `--format`: one name per output, one function per name.
import type { Diagnostic } from '../diagnostic.js';
import { UsageError } from '../errors.js';
import type { Environment } from './color.js';
import { formatGithub, type GithubOptions } from './github.js';
import { formatJson, type JsonOptions } from './json.js';
import { formatPretty, type PrettyOptions } from './pretty.js';
import { formatSarif, type SarifOptions } from './sarif.js';

export { shouldUseColor, type ColorTarget, type Environment } from './color.js';
export { formatGithub, escapeData, escapeProperty, GITHUB_ANNOTATION_LIMIT, type GithubOptions } from './github.js';
export { formatJson, toJsonReport, JSON_FORMAT_VERSION, type JsonOptions, type JsonReport, type JsonDiagnostic } from './json.js';
export { formatPretty, type PrettyOptions } from './pretty.js';
export { formatSarif, toSarifLog, type SarifOptions, type SarifLog } from './sarif.js';
export type { RunStats } from './summary.js';

/** The output formats, in the order `--help` lists them. */
export const FORMAT_NAMES = ['pretty', 'json', 'sarif', 'github'] as const;

/** The name of an output format. */
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Everything any formatter needs; each formatter reads only its own part. */
export type FormatOptions = PrettyOptions & JsonOptions & SarifOptions & GithubOptions;

/** Thrown by `pickFormat` for a name that is not a format: a usage error (exit 2). */
export class UnknownFormatError extends UsageError {
  /** The name that was asked for. */
  readonly requested: string;

  constructor(requested: string) {
    super(`unknown format \`${requested}\`: expected one of ${FORMAT_NAMES.join(', ')}`);
    this.requested = requested;
  }
}

/** True when `name` is one of the format names. */
export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/**
 * The format to print in: the requested one, or — when none was requested — `github` inside
 * GitHub Actions (`GITHUB_ACTIONS=true`) and `pretty` elsewhere. Throws `UnknownFormatError`
 * for a requested name that is not a format.
 */
export function pickFormat(requested: string | undefined, env: Environment): FormatName {
  if (requested !== undefined) {
    if (!isFormatName(requested)) throw new UnknownFormatError(requested);
    return requested;
  }
  return env['GITHUB_ACTIONS'] === 'true' ? 'github' : 'pretty';
}

/** Format diagnostics in the named format. */
export function formatDiagnostics(name: FormatName, diagnostics: readonly Diagnostic[], options: FormatOptions): string {
  switch (name) {
    case 'pretty':
      return formatPretty(diagnostics, options);
    case 'json':
      return formatJson(diagnostics, options);
    case 'sarif':
      return formatSarif(diagnostics, options);
    case 'github':
      return formatGithub(diagnostics, options);
  }
}
