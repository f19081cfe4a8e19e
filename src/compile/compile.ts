// `compile` (docs/compile.md): validate, then — only when nothing fails — reconcile the lockfile, resolve,
// and write svcpkg.lock.json, out/manifest.json and out/manifest.ts atomically.
import path from 'node:path';
import { checkRepo, type RepoCheck, type RepoCheckOptions } from '../check/repo.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Manifest } from '../generated/manifest.js';
import { displayPath } from '../source/discover.js';
import { buildFromPackages } from './build.js';
import { renderManifestJson } from './emit/json.js';
import { renderManifestTs } from './emit/typescript.js';
import { nodeWriterFs, writeFilesAtomically, type OutputFile, type WriterFs, type WrittenFile } from './emit/write.js';
import { acquireCompileLock, type HeldLock } from './lockfile/advisory-lock.js';
import type { IdMinter } from './lockfile/mint.js';
import type { LockChange } from './lockfile/plan.js';
import { readLockfile } from './lockfile/read.js';
import { serializeLockfile } from './lockfile/serialize.js';
import { manifestFile } from './manifest.js';
import { removeStaleTemps } from './stale-temps.js';
import { outputsUpToDate, stampPath, writeStamp } from './stamp.js';

/** An artifact compile can write. */
export type EmitKind = 'json' | 'ts';

/** The file name of each artifact inside the output folder. */
export const EMIT_FILES: Readonly<Record<EmitKind, string>> = { json: 'manifest.json', ts: 'manifest.ts' };

/** What to compile and where to write it. */
export interface CompileOptions extends RepoCheckOptions {
  /** The lockfile (absolute, or relative to `cwd`). */
  lockfile: string;
  /** Output folder (absolute, or relative to `cwd`). */
  out: string;
  /** Artifacts to write (default: both). */
  emit?: readonly EmitKind[];
  /** Fail instead of changing the lockfile (CI, pre-commit). */
  locked?: boolean;
  /** Warnings fail the compile too: nothing is written. */
  strict?: boolean;
  /** Where fresh ids come from (tests). */
  minter?: IdMinter;
  /** File operations of the writer (tests). */
  fs?: WriterFs;
  /** Trust and refresh the compile stamp in `.svcpkg-cache/` (default true; false with --no-cache). */
  stamp?: boolean;
}

/** The outcome of a compile. */
export interface CompileResult {
  /** The validation run. */
  check: RepoCheck;
  /**
   * Every diagnostic (validation, lockfile, resolution), sorted. When the input could not be used
   * at all (missing catalog or folder), some are fatal (`isFatal`).
   */
  diagnostics: Diagnostic[];
  /** The manifest, when the compile succeeded. */
  manifest?: Manifest;
  /** Whether outputs were emitted (written or already up to date). */
  emitted: boolean;
  /** The output files, in the order written. */
  outputs: WrittenFile[];
  /** The lockfile: its display path, whether it was rewritten, and what changed in it. */
  lockfile: { path: string; display: string; changed: boolean; changes: LockChange[] };
}

/**
 * Compile a repository. Throws IoError when an output cannot be written (nothing partial is left),
 * or when another svcpkg holds the repository's compile lock for longer than the wait.
 */
export async function compileProject(options: CompileOptions): Promise<CompileResult> {
  const lockPath = path.resolve(options.cwd, options.lockfile);
  // The lockfile is read, planned and written — and the manifests carrying its ids written — under
  // one advisory lock, so two compiles never mint ids at once (docs/decisions.md). Validation runs
  // meanwhile: only the lockfile read waits for the lock.
  const locking = acquireCompileLock(lockPath);
  let held: HeldLock | undefined;
  try {
    return await compileLocked(options, lockPath, locking.then((lock) => (held = lock)));
  } finally {
    // The lock may still be on its way when validation failed first: release it whenever it comes.
    if (held) await held.release();
    else await locking.then((lock) => lock.release(), () => undefined);
  }
}

async function compileLocked(options: CompileOptions, lockPath: string, locked: Promise<HeldLock>): Promise<CompileResult> {
  const outDir = path.resolve(options.cwd, options.out);
  const [check, lock] = await Promise.all([checkRepo(options), locked.then(() => readLockfile(lockPath, options.cwd))]);
  const lockfile = { path: lockPath, display: lock.file, changed: false, changes: [] as LockChange[] };
  const diagnostics = new DiagnosticCollector();
  diagnostics.addAll(check.diagnostics);
  diagnostics.addAll(lock.diagnostics);
  const stop = (): CompileResult => ({ check, diagnostics: diagnostics.done(), emitted: false, outputs: [], lockfile });

  // Warnings alone do not stop here, so that --strict still reports the lockfile's problems too.
  if (!check.catalog || diagnostics.hasErrors()) return stop();
  const build = buildFromPackages(check.catalog, check.packages, lock, {
    ...(options.locked ? { locked: true } : {}),
    ...(options.minter ? { minter: options.minter } : {}),
  });
  diagnostics.addAll(build.diagnostics);
  const done = diagnostics.done();
  const warned = options.strict === true && done.some((d) => d.severity === 'warning');
  if (!build.manifest || !build.plan || diagnostics.hasErrors() || warned) return stop();
  const { manifest, plan } = build;
  lockfile.changes = plan.changes;

  const files: OutputFile[] = [];
  // The lockfile goes first: if a later rename fails, the ids already in the manifest are kept.
  const lockText = serializeLockfile(plan.next);
  const lockNeeded = !options.locked && lockText !== lock.text && (lock.exists || Object.keys(plan.next.packages).length > 0);
  if (lockNeeded) files.push({ path: lockPath, display: lock.file, content: lockText });
  const emit = options.emit ?? ['json', 'ts'];
  const kinds = (['json', 'ts'] as const).filter((k) => emit.includes(k));
  const targets = kinds.map((kind) => path.join(outDir, EMIT_FILES[kind]));
  // Temporaries of a compile that was killed mid-write: nothing else removes them.
  if (!options.fs) await removeStaleTemps([lockPath, ...Object.values(EMIT_FILES).map((name) => path.join(outDir, name))]);
  // Nothing changed since the last compile (same inputs, same svcpkg, outputs untouched on disk):
  // skip rendering and comparing them. Only with the real file system: tests inject failures.
  const stamp = options.fs || options.stamp === false ? undefined : stampPath(lockPath);
  if (stamp && !lockNeeded && outputsUpToDate(stamp, manifest.inputs_hash, targets)) {
    const outputs = targets.map((file) => ({ path: file, display: displayPath(file, options.cwd), changed: false }));
    return { check, diagnostics: done, manifest, emitted: true, outputs, lockfile };
  }
  // Both files hold the same data: the format 3 shape is made once.
  const data = manifestFile(manifest);
  const json = renderManifestJson(data);
  for (const [i, kind] of kinds.entries()) {
    const file = targets[i] as string;
    const content = kind === 'json' ? json : await renderManifestTs(data, json);
    files.push({ path: file, display: displayPath(file, options.cwd), content });
  }
  const written = await writeFilesAtomically(files, options.fs ?? nodeWriterFs);
  const outputs = lockNeeded ? written.slice(1) : written;
  lockfile.changed = lockNeeded && written[0]?.changed === true;
  if (stamp) writeStamp(stamp, manifest.inputs_hash, targets);
  return { check, diagnostics: done, manifest, emitted: true, outputs, lockfile };
}
