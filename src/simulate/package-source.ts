// The packages a scenario is evaluated against: a compiled manifest read from disk, or a packages
// folder compiled in memory (docs/simulation.md#running-a-scenario-svcpkg-simulate). Problems are located at the scenario's `manifest` or
// `packages` value.
import path from 'node:path';
import { compileInMemory } from '../compile/in-memory.js';
import { readManifestFile } from '../compile/manifest-read.js';
import { diagnosticOf } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EvaluatorManifest } from '../evaluate/model.js';
import type { SourceDocument } from '../source/parse.js';
import { SIMULATE_CODES } from './codes.js';

/** The outcome of loading a scenario's packages. */
export interface PackageSourceLoad {
  /** The manifest, when it could be had. */
  manifest?: EvaluatorManifest;
  /** What went wrong (for `packages`: every diagnostic of the packages themselves). */
  diagnostics: Diagnostic[];
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
  return { ...(compiled.manifest ? { manifest: compiled.manifest } : {}), diagnostics: compiled.diagnostics };
}

/** Read and check a compiled manifest. */
async function readManifest(doc: SourceDocument, relative: string, options: PackageSourceOptions): Promise<PackageSourceLoad> {
  const file = path.resolve(options.dir, relative);
  // A manifest that cannot be read at all is an I/O failure: fatal (exit 2), not a scenario error.
  const problem = (message: string, hint: string, fatal: boolean): PackageSourceLoad => ({
    diagnostics: [diagnosticOf(SIMULATE_CODES.badManifest, { ...doc.locate('/manifest'), file: doc.file, path: '/manifest' }, message, { hint, fatal })],
  });
  // The safe path (docs/decisions.md, "untrusted input"): regular files only, and a link found in the
  // repository is followed only when it stays inside it (a scenario may name a file outside on purpose).
  const read = readManifestFile(file, options.cwd);
  if (read.ok) return { manifest: read.manifest, diagnostics: [] };
  const { failure } = read;
  if (failure.kind === 'unreadable') {
    return problem(`cannot read the manifest ${path.relative(options.cwd, file) || file} (${failure.reason})`, 'run `svcpkg compile` first, or fix the path (relative to the scenario file)', true);
  }
  if (failure.kind === 'not-json') return problem(`the manifest is not JSON (${failure.message})`, 'recompile it with `svcpkg compile`', false);
  const problems = failure.problems;
  const first = problems[0];
  const what = first === undefined ? `/format_version: ${JSON.stringify(failure.kind === 'version' ? (failure.found ?? null) : null)} is not a readable version` : `${first.pointer || '/'}: ${first.message}`;
  return problem(
    `this is not a svcpkg manifest of this version: ${what}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`,
    'recompile it with this version of `svcpkg compile`',
    false,
  );
}
