// Printing diagnostics in the chosen format (docs/diagnostics.md#diagnostics); the exit code they mean is ./exit-code.ts's.
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
  options: { files: number; packages: number; texts?: ReadonlyMap<string, string>; verbose?: boolean; root?: string },
): void {
  const shown = options.root === undefined ? (file: string) => file : userPath(options.root, io.cwd);
  const originals = new Map<string, string>();
  const located = diagnostics.map((d) => {
    const file = shown(d.file);
    originals.set(file, d.file);
    const related = d.related?.map((r) => ({ ...r, file: shown(r.file) }));
    return { ...d, file, ...(related ? { related } : {}) };
  });
  const readSource = (file: string): string | undefined => {
    const known = options.texts?.get(originals.get(file) ?? file);
    if (known !== undefined) return known;
    // Not a plain second read: a link, device, FIFO or oversize file gets no frame.
    return readFrameText(path.resolve(io.cwd, file));
  };
  const text = formatDiagnostics(format, located, {
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

/**
 * How a file the stages name is shown to someone standing in `cwd` below the project `root`: the
 * stages show a path outside the working directory as absolute; inside the project it reads
 * better relative, as git shows it (`../other.yaml`). Paths outside the project stay absolute.
 */
export function userPath(root: string, cwd: string): (file: string) => string {
  return (file) => {
    if (!path.isAbsolute(file)) return file;
    const inProject = path.relative(root, file);
    if (inProject.startsWith('..') || path.isAbsolute(inProject)) return file;
    return path.relative(cwd, file).split(path.sep).join('/') || file;
  };
}
