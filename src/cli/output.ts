// Printing diagnostics in the chosen format, and the exit code they mean (SPEC §4).
import path from 'node:path';
import { lookupCode } from '../codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../diagnostics/errors.js';
import { formatDiagnostics, pickFormat, shouldUseColor, UnknownFormatError, type FormatName } from '../diagnostics/format/index.js';
import type { CommandIO } from './io.js';
import { readFrameText } from '../source/read.js';
import { VERSION } from '../version.js';

/** The format to print in, as a usage error when unknown. */
export function chooseFormat(requested: string | undefined, io: CommandIO): FormatName {
  try {
    return pickFormat(requested, io.env);
  } catch (error) {
    if (error instanceof UnknownFormatError) throw new UsageError(error.message);
    throw error;
  }
}

/** Print diagnostics to stdout in the format; source texts come from `texts` or the disk. */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: FormatName,
  io: CommandIO,
  options: { files: number; packages: number; texts?: ReadonlyMap<string, string>; verbose?: boolean },
): void {
  const readSource = (file: string): string | undefined => {
    const known = options.texts?.get(file);
    if (known !== undefined) return known;
    // Not a plain second read: a link, device, FIFO or oversize file gets no frame.
    return readFrameText(path.resolve(io.cwd, file));
  };
  const text = formatDiagnostics(format, diagnostics, {
    color: shouldUseColor(io.stdout, io.env),
    cwd: io.cwd,
    readSource,
    verbose: options.verbose ?? false,
    stats: { files: options.files, packages: options.packages },
    toolVersion: VERSION,
    lookupCode,
  });
  if (text.length > 0) io.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

/** 1 when there are errors (or warnings under --strict), else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], strict: boolean): number {
  const failing = diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
  return failing ? 1 : 0;
}
