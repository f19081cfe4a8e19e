// Running the watch engine in-process over a temporary repository, and waiting for its builds.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { emitCompiled } from '../../src/watch/emit.js';
import { PackageWatcher, type WatchResult } from '../../src/watch/engine.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A valid, warning-free package with a code and a room limit. */
export function pkg(code: string, rooms = 5): string {
  return `code: ${code}\nname: ${code}\nservice_type: meet\nstatus: inactive\nfeatures:\n  max_rooms: ${rooms}\n  screen_sharing: true\n`;
}

/** A temporary repository holding `files`, removed after the test. */
export async function repo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'svcpkg-watch-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(files)) await put(dir, file, text);
  return dir;
}

/** Write a file, creating its folders. */
export async function put(dir: string, file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), text);
}

/** Every file below `dir`, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (sub: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) await walk(rel);
      else out.push(rel);
    }
  };
  await walk('');
  return out.sort();
}

/** A watch session with a queue of its results. */
export interface Session {
  watcher: PackageWatcher;
  results: WatchResult[];
  /** Rebuilds that threw (an output that could not be written). */
  errors: Error[];
  /** The next result (after those already consumed) that satisfies `test`; rejects after `timeoutMs`. */
  next(test?: (r: WatchResult) => boolean, timeoutMs?: number): Promise<WatchResult>;
}

/** Start the engine on `dir` (its svcpkg.config.yaml, if any), emitting like `svcpkg watch`. */
export async function startWatch(dir: string, options: { debounceMs?: number } = {}): Promise<Session> {
  const { config } = await loadConfig(dir);
  if (!config) throw new Error('bad test config');
  const results: WatchResult[] = [];
  const errors: Error[] = [];
  let consumed = 0;
  const waiters: (() => void)[] = [];
  const watcher = await PackageWatcher.start({
    cwd: dir,
    config,
    reloadConfig: () => loadConfig(dir),
    emit: emitCompiled,
    debounceMs: options.debounceMs ?? 30,
    onResult: (result) => {
      results.push(result);
      for (const wake of waiters.splice(0)) wake();
    },
    onBuildError: (error) => {
      errors.push(error);
      for (const wake of waiters.splice(0)) wake();
    },
  });
  cleanups.push(() => watcher.close());
  const next = async (test: (r: WatchResult) => boolean = () => true, timeoutMs = 15_000): Promise<WatchResult> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (consumed < results.length) {
        const result = results[consumed++]!;
        if (test(result)) return result;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching watch result within ${timeoutMs} ms; got ${JSON.stringify(results.map(summary))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  return { watcher, results, errors, next };
}

function summary(r: WatchResult): unknown {
  return { trigger: r.trigger, changed: r.changed, outcome: r.outcome, codes: r.diagnostics.map((d) => d.code), packages: r.packages };
}
