// The result cache (issue 7; `.svcpkg-cache/`, safe to delete): per-file results of earlier runs,
// reused for a file whose display path and text hash are unchanged; its packages are read only when
// the run needs them (docs/decisions.md). Everything else a per-file
// result depends on — svcpkg's code and schemas, the runtime, the catalog, the parser options — is
// folded into one key; a cache written under another key is ignored whole, then rewritten.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMAS_DIR } from '../assets.js';
import { DEFAULT_MAX_DEPTH, type ParseOptions } from '../source/parse.js';
import { VERSION } from '../version.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import {
  ACROSS_CACHE_FILE,
  LEGACY_CACHE_FILES,
  PACKAGES_CACHE_FILE,
  readAcrossFile,
  readCacheFile,
  readPackagesFile,
  RESULT_CACHE_FILE,
  writeAcrossFile,
  writeCacheFile,
  writePackagesFile,
  type CachedResult,
  type CacheEntry,
  type PackagesEntry,
} from './cache-file.js';
import { toPlain, type PlainPackage } from './plain.js';
import type { CheckedFile } from './run.js';

/** What a per-file result depends on besides the file's display path and text. */
export interface ResultCacheInputs {
  /** sha256 of the catalog files' texts: its entries, and the positions `related` locations show. */
  catalogHash: string;
  /** Display paths of the catalog files (`related` locations name them). */
  catalogFiles: readonly string[];
  /** Parser options of the run. */
  parseOptions: ParseOptions;
}

/** The result cache of one run. */
export interface ResultCache {
  /** Whether a result is stored for this display path (with whatever text). */
  knows(file: string): boolean;
  /** The stored result (without its packages) for this display path, if it was checked with exactly this text. */
  lookup(file: string, text: string): CachedResult | undefined;
  /**
   * The stored packages of a file `lookup` found unchanged, read from the packages file on first
   * need; undefined when that file is missing, damaged or does not hold them for this text.
   */
  packages(file: string): PlainPackage[] | undefined;
  /** Store this run's results — its files and no others — unless they are exactly what was read. */
  save(files: readonly CheckedFile[]): void;
  /**
   * The diagnostics of the rules across packages stored by a run over exactly these files (the same
   * paths, in this order, every one found unchanged by `lookup`), if any.
   */
  across(files: readonly { file: string; text: string }[]): Diagnostic[] | undefined;
  /** Store the diagnostics of the rules across packages for these files, unless they came from `across`. */
  saveAcross(files: readonly { file: string; text: string }[], diagnostics: readonly Diagnostic[]): void;
}

/**
 * Open the result cache in `dir` for a run with these inputs. With `read` false the stored results
 * are not used (every file is checked) but the cache is still rewritten for later runs.
 */
export function openResultCache(dir: string, inputs: ResultCacheInputs, read = true): ResultCache {
  const file = path.join(dir, RESULT_CACHE_FILE);
  const packagesFile = path.join(dir, PACKAGES_CACHE_FILE);
  const key = resultCacheKey(inputs);
  // An unusable file reads as empty: every file misses, so it is rewritten whole.
  const stored = new Map(((read ? readCacheFile(file, key) : undefined) ?? []).map((e): [string, CacheEntry] => [e.result.file, e]));
  const hashes = new Map<string, string>();
  const hits = new Set<string>();
  // The packages file is read at most once, and only when a run needs a stored file's packages.
  let storedPackages: Map<string, PackagesEntry> | undefined;
  const packagesOf = (name: string): PlainPackage[] | undefined => {
    storedPackages ??= new Map((readPackagesFile(packagesFile, key) ?? []).map((e): [string, PackagesEntry] => [e.file, e]));
    const entry = storedPackages.get(name);
    return entry !== undefined && entry.hash === hashes.get(name) && hits.has(name) ? entry.packages : undefined;
  };
  const acrossFile = path.join(dir, ACROSS_CACHE_FILE);
  // The rules across packages read every package: their result is keyed by the run's key and every
  // file's path and text hash, in order. Only a run whose files were all unchanged can use it.
  const acrossKey = (files: readonly { file: string; text: string }[]): string =>
    createHash('sha256')
      .update(JSON.stringify([key, files.map((f) => [f.file, hashes.get(f.file) ?? textHash(f.text)])]))
      .digest('base64');
  let acrossReused = false;
  return {
    knows: (name) => stored.has(name),
    lookup(name, text) {
      const hash = textHash(text);
      hashes.set(name, hash);
      const entry = stored.get(name);
      if (entry?.hash !== hash) return undefined;
      hits.add(name);
      return entry.result;
    },
    packages: (name) => (read ? packagesOf(name) : undefined),
    save(files) {
      const unchanged = stored.size === files.length && files.every((f) => hits.has(f.file));
      if (unchanged) return;
      const entries: CacheEntry[] = [];
      const packages: PackagesEntry[] = [];
      for (const f of files) {
        const hash = hashes.get(f.file) ?? textHash(f.text);
        const hit = hits.has(f.file) ? stored.get(f.file) : undefined;
        entries.push(hit ?? { hash, result: cachedResult(f) });
        // A file found unchanged keeps its stored packages; the others' are this run's.
        packages.push({ file: f.file, hash, packages: (hit ? packagesOf(f.file) : undefined) ?? toPlain(f).packages });
      }
      writePackagesFile(packagesFile, key, packages);
      writeCacheFile(file, key, entries);
      for (const legacy of LEGACY_CACHE_FILES) removeQuietly(path.join(dir, legacy));
    },
    across(files) {
      if (!read || !files.every((f) => hits.has(f.file))) return undefined;
      const diagnostics = readAcrossFile(acrossFile, acrossKey(files));
      acrossReused = diagnostics !== undefined;
      return diagnostics;
    },
    saveAcross(files, diagnostics) {
      if (!acrossReused) writeAcrossFile(acrossFile, acrossKey(files), diagnostics);
    },
  };
}

/** Remove a file if it is there; a cache folder that cannot be changed only costs disk space. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // not a folder, not writable: leave it
  }
}

/** What the cache keeps of a checked file besides its packages. */
function cachedResult(checked: CheckedFile): CachedResult {
  return { file: checked.file, diagnostics: checked.diagnostics, fastPath: checked.fastPath, packageCount: checked.packageCount };
}

/**
 * sha256 of a file's text. Measured on 10,000 files: sha1 and sha256 both take ~20 ms (the
 * per-call overhead dominates small inputs), so the one without known collisions is used.
 */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** The key a cache must have been written under for any of its entries to be used. */
export function resultCacheKey(inputs: ResultCacheInputs): string {
  const parse = { maxDepth: inputs.parseOptions.maxDepth ?? DEFAULT_MAX_DEPTH, root: inputs.parseOptions.root ?? 'mapping' };
  const parts = [VERSION, process.version, codeFingerprint(), inputs.catalogHash, inputs.catalogFiles, parse];
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64');
}

/**
 * The version alone would trust results of an earlier build of the same version (every rebuild
 * of a working copy). A build rewrites every compiled module, so this module's size and mtime
 * stand for the code; the schemas are read from disk at run time, so each one counts too.
 */
function codeFingerprint(): string {
  const files = [fileURLToPath(import.meta.url), ...readdirSync(SCHEMAS_DIR).sort().map((f) => path.join(SCHEMAS_DIR, f))];
  return files
    .map((f) => {
      const info = statSync(f, { throwIfNoEntry: false });
      return `${path.basename(f)}:${info?.size}:${info?.mtimeMs}`;
    })
    .join(',');
}
