// Validating a whole repository: load the catalog, find and read every package file, run every rule.
import { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SeverityOverrides } from '../diagnostics/severity-overrides.js';
import { loadCatalog } from '../catalog/load.js';
import type { Catalog } from '../catalog/model.js';
import { discoverSources } from '../source/discover.js';
import { readSourceTextSync } from '../source/read.js';
import type { CheckedPackage } from './context.js';
import { checkFiles, MIN_FILES_FOR_WORKERS, startPool, threadsFor, type CheckPool } from './parallel.js';
import { fromCached } from './plain.js';
import { openResultCache } from './result-cache.js';
import { checkAcrossPackages, checkFile, type CheckedFile } from './run.js';

/** A package file given as text, bypassing the file system (staged content, editor buffers). */
export interface TextSource {
  /** Display path. */
  file: string;
  /** Its content. */
  text: string;
}

/** What to validate. */
export interface RepoCheckOptions {
  /** Folders or files holding packages. */
  paths: readonly string[];
  /** Catalog folder. */
  catalogDir: string;
  /** Working directory: paths are shown relative to it. */
  cwd: string;
  /** Largest file read, in bytes. */
  maxFileSize?: number;
  /** Deepest YAML nesting accepted. */
  maxDepth?: number;
  /** Use these texts instead of reading `paths` from disk. */
  sources?: readonly TextSource[];
  /** Reuse earlier results for files whose text is unchanged (watch mode). */
  cache?: Map<string, CheckedFile>;
  /**
   * Folder of the result cache across runs (the CLI passes `.svcpkg-cache`): files whose path and
   * text are unchanged since a run with the same catalog, options and svcpkg are not checked
   * again, and the cache is rewritten when anything changed. Absent (the default), nothing is
   * read or written: a library call leaves no files behind unasked.
   */
  cacheDir?: string;
  /**
   * Whether results stored in `cacheDir` are used (default true). False still rewrites the cache
   * but checks every file: in CI and with --locked a forged cache must not turn broken YAML into a
   * pass (docs/decisions.md).
   */
  cacheRead?: boolean;
  /** Threads to check files with: 1 = this thread only, 0 or absent = automatic (large repos only). */
  jobs?: number;
  /**
   * Per-code severity overrides (svcpkg.config.yaml `severity:`), applied to the run's diagnostics
   * once, after checking. The caches hold what the rules reported, so they need no key for them.
   */
  severity?: SeverityOverrides;
}

/** The outcome of validating a repository. */
export interface RepoCheck {
  /** The catalog, when it loaded without errors. */
  catalog?: Catalog;
  /** Every file checked, in path order. */
  files: CheckedFile[];
  /** Every package, in file order (results from the result cache read theirs on first access). */
  readonly packages: CheckedPackage[];
  /** How many packages, without reading them. */
  packageCount: number;
  /**
   * Every diagnostic, sorted by file and position. When the input could not be used at all (a
   * missing catalog file or packages folder) some are fatal (`isFatal`): the CLI exits 2.
   */
  diagnostics: Diagnostic[];
  /** Non-YAML files that were skipped. */
  ignored: string[];
  /** How many files' results came from the result cache (`cacheDir`) instead of being checked. */
  fromCache: number;
}

/** Validate every package under `options.paths` against the catalog. */
export async function checkRepo(options: RepoCheckOptions): Promise<RepoCheck> {
  const catalogLoad = await loadCatalog(options.catalogDir, options.cwd);
  // Overrides apply as diagnostics come in; the caches hold what the rules reported, unadjusted.
  const diagnostics = new DiagnosticCollector(options.severity);
  diagnostics.addAll(catalogLoad.diagnostics);
  const catalog = catalogLoad.catalog;
  if (!catalog) return { files: [], packages: [], packageCount: 0, diagnostics: diagnostics.done(), ignored: [], fromCache: 0 };

  const parseOptions = options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth };
  // Files unchanged since the last run are reused — from memory (watch mode) or from the result
  // cache on disk; the rest are checked, in parallel when there are many.
  const stored =
    options.cacheDir !== undefined && catalogLoad.sourceHash !== undefined
      ? openResultCache(options.cacheDir, { catalogHash: catalogLoad.sourceHash, catalogFiles: catalogLoad.files, parseOptions }, options.cacheRead ?? true)
      : undefined;
  // Workers start as soon as the file count says they will pay, so that their start-up overlaps
  // the reading; not when the caches are likely to hold most files.
  const threadsOf = (fileCount: number): number => threadsFor(fileCount, options.jobs ?? 0);
  const startWorkers = (files: readonly string[]): CheckPool | undefined => {
    const workers = threadsOf(files.length) - 1;
    const known = files.filter((file) => options.cache?.has(file) || stored?.knows(file)).length;
    if (workers <= 0 || known >= files.length / 2) return undefined;
    return startPool(workers, { catalogDir: options.catalogDir, cwd: options.cwd, parseOptions });
  };

  let texts: TextSource[];
  let ignored: string[] = [];
  let pool: CheckPool | undefined;
  if (options.sources) {
    texts = [...options.sources];
    pool = startWorkers(texts.map((t) => t.file));
  } else {
    const discovery = await discoverSources(options.paths, options.cwd);
    // A root that does not exist is reported as SP1015, which is fatal: the run is unusable.
    diagnostics.addAll(discovery.diagnostics);
    ignored = discovery.ignored;
    pool = startWorkers(discovery.files.map((f) => f.display));
    texts = [];
    const reads = discovery.files.map((f) => readSourceTextSync(f.absolute, f.display, options.maxFileSize));
    reads.forEach((read, i) => {
      diagnostics.addAll(read.diagnostics);
      const location = discovery.files[i];
      if (read.text !== undefined && location) texts.push({ file: location.display, text: read.text });
    });
  }

  const reused = new Map<string, CheckedFile>();
  const todo: TextSource[] = [];
  let fromCache = 0;
  for (const source of texts) {
    const cached = options.cache?.get(source.file);
    if (cached && cached.text === source.text) {
      reused.set(source.file, cached);
      continue;
    }
    const result = stored?.lookup(source.file, source.text);
    if (stored && result) {
      const { file, text } = source;
      const recheck = (): CheckedPackage[] => checkFile(file, text, catalog, parseOptions).packages;
      reused.set(file, fromCached(result, text, parseOptions, () => stored.packages(file), recheck));
      fromCache++;
    } else {
      todo.push(source);
    }
  }
  let fresh: CheckedFile[];
  if (pool !== undefined && todo.length >= MIN_FILES_FOR_WORKERS / 2) {
    fresh = await pool.check(todo, catalog, parseOptions);
  } else {
    pool?.close();
    fresh = await checkFiles(todo, catalog, { catalogDir: options.catalogDir, cwd: options.cwd, parseOptions, threads: threadsOf(todo.length) });
  }
  const byFile = new Map(fresh.map((f) => [f.file, f]));
  const files: CheckedFile[] = [];
  for (const { file } of texts) {
    const checked = reused.get(file) ?? byFile.get(file);
    if (!checked) continue;
    options.cache?.set(file, checked);
    files.push(checked);
    diagnostics.addAll(checked.diagnostics);
  }
  stored?.save(files);
  // When no file changed, the rules across packages would find what they found last time, and the
  // packages are not read at all unless the caller asks for them (compile does; validate does not).
  let across = stored?.across(files);
  if (across === undefined) {
    across = checkAcrossPackages(files.flatMap((f) => f.packages), catalog);
    stored?.saveAcross(files, across);
  }
  diagnostics.addAll(across);
  let packages: CheckedPackage[] | undefined;
  return {
    catalog,
    files,
    get packages(): CheckedPackage[] {
      return (packages ??= files.flatMap((f) => f.packages));
    },
    packageCount: files.reduce((n, f) => n + f.packageCount, 0),
    diagnostics: diagnostics.done(),
    ignored,
    fromCache,
  };
}
