// The packages a scenario is evaluated against: a compiled manifest read from disk, or a packages
// folder compiled in memory (docs/simulation.md#running-a-scenario-svcpkg-simulate). Problems are located at the scenario's `manifest` or
// `packages` value.
import path from 'node:path';
import { compileInMemory } from '../compile/in-memory.js';
import { isFatal } from '../diagnostics/collector.js';
import { upgradeManifest } from '../compile/manifest-upgrade.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EvaluatorManifest } from '../evaluate/model.js';
import { checkValue } from '../schema/validate.js';
import type { SourceDocument } from '../source/parse.js';
import { MAX_MACHINE_FILE_SIZE, readFileSafely } from '../source/safe-file.js';
import { SIMULATE_CODES } from './codes.js';

/** The outcome of loading a scenario's packages. */
export interface PackageSourceLoad {
  /** The manifest, when it could be had. */
  manifest?: EvaluatorManifest;
  /** What went wrong (for `packages`: every diagnostic of the packages themselves). */
  diagnostics: Diagnostic[];
  /** A file or folder could not be read at all: an I/O failure (exit 2), not a scenario error. */
  ioFailure: boolean;
}

/** Where to look for things. */
export interface PackageSourceOptions {
  /** Working directory: paths in diagnostics are relative to it. */
  cwd: string;
  /** Folder of the scenario file: the scenario's paths are relative to it. */
  dir: string;
  /** Catalog folder for `packages` when the scenario names none. */
  catalogDir: string;
  /** Largest package file read. */
  maxFileSize?: number;
  /** Deepest YAML nesting accepted. */
  maxDepth?: number;
}

/** Load the manifest named by `manifest:`, or compile the folder named by `packages:`. */
export async function loadPackageSource(
  doc: SourceDocument,
  source: { manifest?: string; packages?: string; catalog?: string },
  options: PackageSourceOptions,
): Promise<PackageSourceLoad> {
  if (source.manifest !== undefined) return readManifest(doc, source.manifest, options);
  const packagesDir = path.resolve(options.dir, source.packages!);
  const catalogDir = source.catalog !== undefined ? path.resolve(options.dir, source.catalog) : options.catalogDir;
  const compiled = await compileInMemory({
    paths: [packagesDir],
    catalogDir,
    cwd: options.cwd,
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
    ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
  });
  return { ...(compiled.manifest ? { manifest: compiled.manifest } : {}), diagnostics: compiled.diagnostics, ioFailure: compiled.diagnostics.some(isFatal) };
}

/** Read and check a compiled manifest. */
async function readManifest(doc: SourceDocument, relative: string, options: PackageSourceOptions): Promise<PackageSourceLoad> {
  const file = path.resolve(options.dir, relative);
  const problem = (message: string, hint: string, ioFailure: boolean): PackageSourceLoad => ({
    diagnostics: [
      {
        ...doc.locate('/manifest'),
        code: SIMULATE_CODES.badManifest.code,
        severity: 'error',
        message,
        file: doc.file,
        path: '/manifest',
        hint,
      },
    ],
    ioFailure,
  });
  // The safe path (docs/decisions.md, "untrusted input"): regular files only, and a link found in the
  // repository is followed only when it stays inside it (a scenario may name a file outside on purpose).
  const read = readFileSafely(file, { maxBytes: MAX_MACHINE_FILE_SIZE, root: options.cwd });
  if (!read.ok) {
    const reason = read.errno ?? read.reason;
    return problem(`cannot read the manifest ${path.relative(options.cwd, file) || file} (${reason})`, 'run `svcpkg compile` first, or fix the path (relative to the scenario file)', true);
  }
  const text = read.bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return problem(`the manifest is not JSON (${error instanceof Error ? error.message : String(error)})`, 'recompile it with `svcpkg compile`', false);
  }
  // A version 1 manifest reads as version 2 with per-package prices and no overage prices.
  value = upgradeManifest(value);
  const problems = checkValue('manifest', value);
  if (problems.length > 0) {
    const first = problems[0]!;
    return problem(
      `this is not a svcpkg manifest of this version: ${first.pointer || '/'}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`,
      'recompile it with this version of `svcpkg compile`',
      false,
    );
  }
  return { manifest: value as EvaluatorManifest, diagnostics: [], ioFailure: false };
}
