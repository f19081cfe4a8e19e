// The watch engine (docs/workflow.md#svcpkg-watch): an initial build, then a debounced rebuild on every change under the
// packages folder, the catalog, the lockfile or the config. Files whose text is unchanged are not
// parsed again (the check cache); cross-package rules always run; nothing is emitted with errors.
import { watch, type FSWatcher } from 'chokidar';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { CheckedFile } from '../check/run.js';
import { checkRepo, type RepoCheck } from '../check/repo.js';
import type { ConfigLoad, ResolvedConfig } from '../config/load.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticCollector, diagnosticOf } from '../diagnostics/collector.js';
import { FILE_START } from '../diagnostics/diagnostic.js';
import { SOURCE_CODES } from '../source/codes.js';
import { MAX_MACHINE_FILE_SIZE, readFileSafely } from '../source/safe-file.js';
import { displayPath } from '../source/discover.js';
import { WORKFLOW_CODES } from '../workflow/codes.js';
import { Debounce } from './debounce.js';
import { PackageSources } from './sources.js';
import { classifyChange, ignoredByWatch, watchTargets, type ChangeKind } from './targets.js';

/** What a build writes, given the checked repository without errors (and the check cache to reuse). */
export type EmitStep = (check: RepoCheck, config: ResolvedConfig, cwd: string, cache: Map<string, CheckedFile>) => Promise<EmitOutcome>;

/** What an emit did. */
export interface EmitOutcome {
  /** Problems found while building (lockfile, resolution). */
  diagnostics: Diagnostic[];
  /** True when they stopped the emit: nothing was written. */
  failed: boolean;
  /** Files written because their content changed. */
  written: string[];
  /** Files left alone because their content was already right. */
  unchanged: string[];
}

/** The check of one build: what `svcpkg watch` prints as soon as it is known, before emitting. */
export interface WatchCheck {
  /** `initial` for the first build, `change` for the rebuilds. */
  trigger: 'initial' | 'change';
  /** Display paths whose changes started this build (empty for the initial build). */
  changed: string[];
  /** When the build started (after the debounce). */
  startedAt: Date;
  /** Milliseconds from the start of the build to the diagnostics. */
  checkMs: number;
  /** Every diagnostic of the check (configuration, packages); a WatchResult adds the build's. */
  diagnostics: Diagnostic[];
  /** Number of package files checked. */
  files: number;
  /** Number of packages checked. */
  packages: number;
  /** Package files parsed again by this build (the others came from the cache). */
  reparsed: number;
  /** The checked texts by display path, for code frames. */
  texts: ReadonlyMap<string, string>;
  /** True when the check failed (errors, or warnings under strict): nothing will be emitted. */
  failed: boolean;
}

/** One whole build: the check, then the emit. */
export interface WatchResult extends WatchCheck {
  /** Milliseconds from the start of the build to the end of the emit. */
  durationMs: number;
  /** Problems found by the emit step (lockfile, resolution), in addition to the check's. */
  emitDiagnostics: Diagnostic[];
  /** `emitted`; `failed` (errors: nothing written, the last good output stays); `checked` (no emit step). */
  outcome: 'emitted' | 'failed' | 'checked';
  /** What was written, when emitted. */
  emitted?: EmitOutcome;
}

/** How to watch. */
export interface WatchOptions {
  /** Working directory: display paths are relative to it. */
  cwd: string;
  /** The configuration to start with. */
  config: ResolvedConfig;
  /** Load the configuration again when its file changes (with the command line's overrides). */
  reloadConfig?: () => Promise<ConfigLoad>;
  /** Writes the output of a build without errors; absent: check only. */
  emit?: EmitStep;
  /** Milliseconds of quiet after the last change before rebuilding (default 50). */
  debounceMs?: number;
  /** Called as soon as a build's check is done, before anything is written (latency matters here). */
  onCheck?: (check: WatchCheck) => void;
  /** Called after every build, emit included. */
  onResult: (result: WatchResult) => void;
  /** Called when the file watcher itself fails (a diagnostic with code SP8002). */
  onWatchError?: (diagnostic: Diagnostic) => void;
  /** Called when a watched folder was deleted and created again, and is watched afresh (display paths). */
  onRearm?: (folders: string[]) => void;
  /** Called when a rebuild fails outright (an IoError writing an output); the session goes on. */
  onBuildError?: (error: Error) => void;
}

/** Default quiet time before a rebuild. */
export const DEFAULT_DEBOUNCE_MS = 50;

/** A running watch session. Create it with `PackageWatcher.start`; stop it with `close`. */
export class PackageWatcher {
  private config: ResolvedConfig;
  private readonly cache = new Map<string, CheckedFile>();
  private readonly sources = new PackageSources();
  private readonly debounce: Debounce;
  private readonly pending = new Map<string, ChangeKind>();
  private watchers: FSWatcher[] = [];
  private running: Promise<void> | undefined;
  private closed = false;
  /** Links refused in the packages folder: their removal is a change though their names are not `.yaml`. */
  private readonly links = new Set<string>();
  /** A watched folder was created again: the next rebuild watches it afresh first. */
  private rearm = false;
  /** The lockfile text after our last build: its own rewrite of the lockfile is not a change. */
  private knownLockText: string | undefined;

  private constructor(private readonly options: WatchOptions) {
    this.config = options.config;
    this.debounce = new Debounce(options.debounceMs ?? DEFAULT_DEBOUNCE_MS, () => this.schedule());
  }

  /** Run the initial build, then start watching; resolves once both are done. */
  static async start(options: WatchOptions): Promise<PackageWatcher> {
    const watcher = new PackageWatcher(options);
    await watcher.build('initial', []);
    await watcher.watchAll();
    return watcher;
  }

  /** Stop watching and wait for a build in progress to finish (so no temporary file is left). */
  async close(): Promise<void> {
    this.closed = true;
    this.debounce.cancel();
    await Promise.all(this.watchers.map((w) => w.close()));
    this.watchers = [];
    await this.running;
  }

  private async watchAll(): Promise<void> {
    const { folders, files } = watchTargets(this.config, this.options.cwd);
    // One watcher per single file: chokidar watches a missing file through its parent folder, and
    // two missing files in one folder sharing a watcher can lose each other's events.
    const parents = rearmWatches(folders, this.options.cwd);
    const created = [
      watch(folders, {
        ignoreInitial: true,
        // A link is never followed: validate refuses links leaving the folder, and a link to /usr
        // must not cost 100,000 inotify watches (docs/workflow.md).
        followSymlinks: false,
        ignored: (file, stats) => ignoredByWatch(file, this.config, stats?.isDirectory() ?? false),
      }),
      ...files.map((file) => watch(file, { ignoreInitial: true, followSymlinks: false })),
      // The folder's own entry in its parent, depth 0: a deleted and recreated folder is a new
      // inode that the folder watcher above never sees, so its reappearance re-arms the watchers.
      ...[...parents].map(([parent, roots]) =>
        watch(parent, { ignoreInitial: true, depth: 0, followSymlinks: false, ignored: (file) => path.resolve(file) !== parent && !roots.has(path.resolve(file)) }),
      ),
    ];
    this.watchers = created;
    const roots = new Set(folders.map((f) => path.resolve(this.options.cwd, f)));
    for (const w of created) {
      w.on('all', (event, file) => {
        if (event === 'addDir' && roots.has(path.resolve(this.options.cwd, file))) this.rearm = true;
        if (event === 'add' || event === 'unlink') this.onLinkEvent(event, file);
        this.onEvent(file, event === 'addDir' || event === 'unlinkDir');
      });
      // chokidar drops a second `change` of one file within 50 ms of the first (and never sends it
      // later): with a shorter debounce, a quick second save would go unseen. Its raw events are
      // not throttled, so content changes are taken from them too.
      w.on('raw', (event, file, details) => {
        const watchedPath = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
        if (event === 'change' && typeof file === 'string' && typeof watchedPath === 'string') {
          this.onEvent(rawEventPath(file, watchedPath), false);
        }
      });
      w.on('error', (error) => this.onError(error));
    }
    await Promise.all(created.map((w) => new Promise<void>((resolve) => w.once('ready', () => resolve()))));
  }

  private onEvent(file: string, isFolder: boolean): void {
    if (this.closed) return;
    const kind = classifyChange(file, this.config, this.options.cwd, isFolder);
    if (kind === undefined) return;
    const absolute = path.resolve(this.options.cwd, file);
    if (kind === 'package') this.sources.markDirty(absolute);
    this.pending.set(absolute, kind);
    this.debounce.trigger();
  }

  /**
   * A link (not followed) appearing or going away changes what discovery reports (a refused link is
   * an error), whatever its name: rebuild as for a folder.
   */
  private onLinkEvent(event: 'add' | 'unlink', file: string): void {
    const absolute = path.resolve(this.options.cwd, file);
    if (classifyChange(file, this.config, this.options.cwd, false) !== undefined) return; // a package file: seen anyway
    if (classifyChange(file, this.config, this.options.cwd, true) !== 'package') return;
    if (event === 'unlink') {
      if (this.links.delete(absolute)) this.onEvent(file, true);
      return;
    }
    lstat(absolute).then(
      (info) => {
        if (!info.isSymbolicLink()) return;
        this.links.add(absolute);
        this.onEvent(file, true);
      },
      () => undefined, // gone already: its unlink follows
    );
  }

  private onError(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const place = { ...FILE_START, file: displayPath(this.config.packages, this.options.cwd), path: '' };
    this.options.onWatchError?.(
      diagnosticOf(WORKFLOW_CODES.watchFailed, place, `the file watcher failed: ${reason}`, {
        // The system limit on watched files: the one cause the user can fix.
        hint: code === 'ENOSPC' || code === 'EMFILE' ? 'the system limit on watched files is reached: raise it (Linux: sysctl fs.inotify.max_user_watches=524288)' : undefined,
      }),
    );
  }

  /** Start a build for the pending changes, or run one after the build in progress. */
  private schedule(): void {
    if (this.closed || this.pending.size === 0) return;
    if (this.running) return; // the build in progress reschedules when it ends
    const changes = new Map(this.pending);
    this.pending.clear();
    this.running = this.rebuild(changes)
      // A rebuild that throws (an output that cannot be written) is reported; watching goes on.
      .catch((error: unknown) => this.options.onBuildError?.(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        this.running = undefined;
        if (this.pending.size > 0 && !this.debounce.pending) this.schedule();
      });
  }

  private async rebuild(changes: ReadonlyMap<string, ChangeKind>): Promise<void> {
    if (this.rearm) {
      // The packages folder (or catalog) came back: watch the new one before reading it, so no save
      // between the two is lost.
      this.rearm = false;
      await this.rewatch();
      if (this.closed) return;
      this.sources.clear();
      this.options.onRearm?.(watchTargets(this.config, this.options.cwd).folders.map((f) => displayPath(f, this.options.cwd)));
    }
    const kinds = new Set(changes.values());
    if (kinds.size === 1 && kinds.has('lockfile') && (await this.lockfileUnchanged())) return;
    if (kinds.has('config') && this.options.reloadConfig) {
      const startedAt = new Date();
      const start = performance.now();
      const loaded = await this.options.reloadConfig();
      if (!loaded.config) {
        this.reportConfigFailure([...changes.keys()], loaded.diagnostics, startedAt, performance.now() - start);
        return;
      }
      const before = watchTargets(this.config, this.options.cwd);
      this.config = loaded.config;
      const after = watchTargets(this.config, this.options.cwd);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await this.rewatch();
        if (this.closed) return;
      }
      // Parse options and the size cap may have changed.
      this.cache.clear();
      this.sources.clear();
    }
    // Checked files depend on the catalog: a catalog change invalidates them all.
    if (kinds.has('catalog')) this.cache.clear();
    await this.build('change', [...changes.keys()]);
  }

  /** Close every watcher and watch the targets afresh. */
  private async rewatch(): Promise<void> {
    await Promise.all(this.watchers.map((w) => w.close()));
    this.watchers = [];
    if (this.closed) return;
    await this.watchAll();
  }

  /** One build: check (re-parsing changed files only), then emit when there are no errors. */
  private async build(trigger: WatchCheck['trigger'], changed: readonly string[]): Promise<void> {
    const startedAt = new Date();
    const start = performance.now();
    const cachedTexts = new Map([...this.cache].map(([file, checked]) => [file, checked.text]));
    const snapshot = await this.sources.snapshot([this.config.packages], this.options.cwd, this.config.maxFileSize);
    const checked = await checkRepo({
      paths: [this.config.packages],
      catalogDir: this.config.catalog,
      cwd: this.options.cwd,
      maxFileSize: this.config.maxFileSize,
      maxDepth: this.config.maxDepth,
      severity: this.config.severity,
      sources: snapshot.sources,
      cache: this.cache,
    });
    for (const d of snapshot.diagnostics) if (d.code === SOURCE_CODES.symlinkOutside.code) this.links.add(path.resolve(this.options.cwd, d.file));
    const collected = new DiagnosticCollector();
    collected.addAll(snapshot.diagnostics);
    collected.addAll(checked.diagnostics);
    const check: RepoCheck = { ...checked, diagnostics: snapshot.diagnostics.length > 0 ? collected.done() : checked.diagnostics };
    // Forget deleted files, so a file that comes back is parsed afresh.
    const present = new Set(check.files.map((f) => f.file));
    for (const file of this.cache.keys()) if (!present.has(file)) this.cache.delete(file);
    // A root that does not exist is a fatal SP1015: an error, so nothing is written either.
    const failed = collected.hasErrors() || (this.config.strict && check.diagnostics.some((d) => d.severity === 'warning'));
    const result: WatchCheck = {
      trigger,
      changed: changed.map((p) => displayPath(p, this.options.cwd)).sort(),
      startedAt,
      checkMs: performance.now() - start,
      diagnostics: check.diagnostics,
      files: check.files.length,
      packages: check.packages.length,
      reparsed: check.files.filter((f) => cachedTexts.get(f.file) !== f.text).length,
      texts: new Map(check.files.map((f) => [f.file, f.text])),
      failed,
    };
    this.options.onCheck?.(result);

    let emitted: EmitOutcome | undefined;
    let emitDiagnostics: Diagnostic[] = [];
    let outcome: WatchResult['outcome'] = failed ? 'failed' : 'checked';
    if (!failed && this.options.emit && !this.closed) {
      const done = await this.options.emit(check, this.config, this.options.cwd, this.cache);
      emitDiagnostics = done.diagnostics;
      outcome = done.failed ? 'failed' : 'emitted';
      if (!done.failed) emitted = done;
    }
    this.knownLockText = await readText(this.config.lockfile);
    this.options.onResult({ ...result, durationMs: performance.now() - start, emitDiagnostics, outcome, ...(emitted ? { emitted } : {}) });
  }

  /** A configuration that cannot be loaded: report it, keep everything else as it was. */
  private reportConfigFailure(changed: readonly string[], diagnostics: Diagnostic[], startedAt: Date, checkMs: number): void {
    const checked: WatchCheck = {
      trigger: 'change',
      changed: changed.map((p) => displayPath(p, this.options.cwd)).sort(),
      startedAt,
      checkMs,
      diagnostics,
      files: 0,
      packages: 0,
      reparsed: 0,
      texts: new Map(),
      failed: true,
    };
    this.options.onCheck?.(checked);
    this.options.onResult({ ...checked, durationMs: checkMs, emitDiagnostics: [], outcome: 'failed' });
  }

  private async lockfileUnchanged(): Promise<boolean> {
    return (await readText(this.config.lockfile)) === this.knownLockText;
  }
}

/**
 * The parents to watch (depth 0) for the folders' own entries, by parent: only parents inside the
 * working directory, so nothing outside the repository is watched (a folder that is the working
 * directory itself, or lies outside it, is not re-armed).
 */
function rearmWatches(folders: readonly string[], cwd: string): Map<string, Set<string>> {
  const parents = new Map<string, Set<string>>();
  const base = path.resolve(cwd);
  for (const folder of folders) {
    const absolute = path.resolve(cwd, folder);
    const parent = path.dirname(absolute);
    const relative = path.relative(base, parent);
    if (absolute === base || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    parents.set(parent, (parents.get(parent) ?? new Set()).add(absolute));
  }
  return parents;
}

/** The path a raw fs.watch event is about: the watched file itself, or an entry of the watched folder. */
function rawEventPath(name: string, watchedPath: string): string {
  return path.basename(watchedPath) === name ? watchedPath : path.join(watchedPath, name);
}

/** The lockfile's text through the safe path (a FIFO or a link out of its folder is never read or waited on). */
function readText(file: string): string | undefined {
  const read = readFileSafely(file, { maxBytes: MAX_MACHINE_FILE_SIZE, root: path.dirname(file) });
  return read.ok ? read.bytes.toString('utf8') : undefined;
}
