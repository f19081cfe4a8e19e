// Compiling without writing anything: for the simulator's scenarios that name a packages folder
// instead of a manifest (docs/simulation.md#running-a-scenario-svcpkg-simulate). Ids of packages the lockfile lacks are minted for this run only.
import path from 'node:path';
import { LOCKFILE } from '../config/load.js';
import { checkRepo, type RepoCheckOptions } from '../check/repo.js';
import { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Manifest } from '../generated/manifest.js';
import { buildFromPackages } from './build.js';
import { readLockfile } from './lockfile/read.js';

/** What to compile in memory. */
export interface InMemoryCompileOptions extends RepoCheckOptions {
  /** The lockfile to take ids from (absolute, or relative to `cwd`); default: svcpkg.lock.json beside the first of `paths`. It is only read. */
  lockfile?: string;
}

/** The outcome of an in-memory compile. */
export interface InMemoryCompile {
  /** The manifest, when there are no errors. */
  manifest?: Manifest;
  /**
   * Every diagnostic (validation, lockfile, resolution), sorted. When the input could not be used
   * at all (missing catalog or folder), some are fatal (`isFatal`).
   */
  diagnostics: Diagnostic[];
}

/** Validate and resolve `paths` into a manifest without writing any file. */
export async function compileInMemory(options: InMemoryCompileOptions): Promise<InMemoryCompile> {
  const lockPath = path.resolve(options.cwd, options.lockfile ?? path.join(path.dirname(path.resolve(options.cwd, options.paths[0] ?? '.')), LOCKFILE));
  const [check, lock] = await Promise.all([checkRepo(options), readLockfile(lockPath, options.cwd)]);
  const diagnostics = new DiagnosticCollector();
  diagnostics.addAll(check.diagnostics);
  diagnostics.addAll(lock.diagnostics);
  if (!check.catalog || diagnostics.hasErrors()) return { diagnostics: diagnostics.done() };
  const build = buildFromPackages(check.catalog, check.packages, lock, { mintedNote: 'minted for this run only (not in the lockfile)' });
  diagnostics.addAll(build.diagnostics);
  return { ...(build.manifest ? { manifest: build.manifest } : {}), diagnostics: diagnostics.done() };
}
