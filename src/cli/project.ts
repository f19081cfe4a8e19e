// What most commands do first: read svcpkg.config.yaml with the flags that override it, and say
// why when it is unusable (its diagnostics are then fatal: exit 2); then describe the repository for the check stage.
import path from 'node:path';
import type { RepoCheckOptions } from '../check/repo.js';
import { CACHE_DIR } from '../compile/stamp.js';
import { loadConfig, type ConfigLoad, type ConfigOverrides, type ResolvedConfig } from '../config/load.js';
import type { FormatName } from '../diagnostics/format/index.js';
import type { CommandIO } from './io.js';
import { printDiagnostics } from './output.js';
import { findProjectRoot } from './root.js';

/** The configuration-related flags commands share. */
export interface ProjectFlags {
  /** --config FILE. */
  config?: string | undefined;
  /** --catalog DIR. */
  catalog?: string | undefined;
  /** --out DIR. */
  out?: string | undefined;
  /** --emit json,ts (already parsed). */
  emit?: ConfigOverrides['emit'] | undefined;
  /** --strict. */
  strict?: boolean | undefined;
  /** --max-file-size BYTES (already parsed). */
  maxFileSize?: number | undefined;
}

/**
 * The resolved configuration; without one, its diagnostics have been printed, and they are fatal
 * (the command returns `exitCodeFor` them: 2, docs/architecture.md#diagnostics-and-exit-codes).
 */
export async function loadProject(io: CommandIO, flags: ProjectFlags, format: FormatName): Promise<ConfigLoad> {
  const overrides: ConfigOverrides = {
    ...(flags.catalog !== undefined ? { catalog: flags.catalog } : {}),
    ...(flags.out !== undefined ? { out: flags.out } : {}),
    ...(flags.emit !== undefined ? { emit: flags.emit } : {}),
    ...(flags.strict ? { strict: true } : {}),
    ...(flags.maxFileSize !== undefined ? { maxFileSize: flags.maxFileSize } : {}),
  };
  const loaded = await loadProjectConfig(io, overrides, flags.config);
  if (!loaded.config) printDiagnostics(loaded.diagnostics, format, io, { files: 1, packages: 0 });
  return loaded;
}

/**
 * Load the configuration of the project the user stands in, which may be a folder above the
 * working directory (./root.ts). Paths given on the command line (overrides, `explicitFile`) stay
 * relative to the working directory; the config file's paths, the packages folder, the lockfile,
 * the cache and the outputs are the root's. Diagnostics name the config file as seen from the
 * working directory.
 */
export async function loadProjectConfig(io: CommandIO, overrides: ConfigOverrides = {}, explicitFile?: string): Promise<ConfigLoad> {
  const root = explicitFile === undefined ? ((await findProjectRoot(io.cwd)) ?? io.cwd) : io.cwd;
  const fromCwd = (p: string | undefined) => (p === undefined ? undefined : path.resolve(io.cwd, p));
  const absolute: ConfigOverrides = { ...overrides };
  for (const key of ['packages', 'catalog', 'out'] as const) {
    const value = fromCwd(overrides[key]);
    if (value !== undefined) absolute[key] = value;
  }
  const loaded = await loadConfig(root, absolute, fromCwd(explicitFile));
  if (root === io.cwd) return loaded;
  const shown = (file: string) => (file === '' || path.isAbsolute(file) ? file : path.relative(io.cwd, path.resolve(root, file)).split(path.sep).join('/'));
  return { ...loaded, diagnostics: loaded.diagnostics.map((d) => ({ ...d, file: shown(d.file) })) };
}

/** The check stage's view of a configured repository. */
export function repoOptions(config: ResolvedConfig, io: CommandIO, paths: readonly string[] = [config.packages]): RepoCheckOptions {
  return { paths, catalogDir: config.catalog, cwd: io.cwd, maxFileSize: config.maxFileSize, maxDepth: config.maxDepth, severity: config.severity };
}

/**
 * Where validate and compile keep the result cache: the project's `.svcpkg-cache`, beside the
 * lockfile, where the compile stamp lives too. Undefined with --no-cache.
 */
export function resultCacheDir(config: ResolvedConfig, noCache: boolean | undefined): string | undefined {
  return noCache ? undefined : path.join(path.dirname(config.lockfile), CACHE_DIR);
}

/**
 * Whether validate and compile use the results stored in the result cache. Not in CI (`CI` set,
 * other than `false` or `0`) nor with --locked unless --cache asks for it: there the verdict must
 * not rest on a file anyone could have forged. The cache is written either way.
 */
export function readsResultCache(io: CommandIO, flags: { cache?: boolean | undefined; locked?: boolean | undefined }): boolean {
  if (flags.cache) return true;
  const ci = io.env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
  return !inCi && !flags.locked;
}

/** Print a command's usage for --help; returns the exit code 0. */
export function printUsage(io: CommandIO, usage: string): number {
  io.stdout.write(usage + '\n');
  return 0;
}
