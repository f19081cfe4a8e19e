// Checking many files on several cores (docs/architecture.md#performance-budgets): per-file work is independent, so worker
// threads check files alongside the main thread. Workers are started as soon as the file count is
// known (`startPool`), so their start-up (thread, modules, catalog, schema: ~180 ms) overlaps the
// reading of the files. Every thread then claims the next batch of files from a shared counter
// until none are left: the threads finish together however fast each started or runs (another
// process may hold a core). Results are plain data, sent back batch by batch; positions for the
// workers' packages are recomputed here only if a later rule needs one.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../catalog/model.js';
import type { ParseOptions } from '../source/parse.js';
import { fromPlain, type PlainFile } from './plain.js';
import { checkFile, type CheckedFile } from './run.js';

/** Below this many files a worker's start-up (~180 ms: thread, modules, schemas) is not repaid. */
export const MIN_FILES_FOR_WORKERS = 400;

/** Files a thread claims at a time: enough to make a message worth sending, few enough to balance. */
export const BATCH = 32;

/** One file to check. */
export interface FileTask {
  /** Display path. */
  file: string;
  /** Its text. */
  text: string;
}

/** What a worker is started with. */
export interface WorkerSetup {
  /** Catalog folder (each worker loads it: a Catalog does not cross threads). */
  catalogDir: string;
  /** Working directory. */
  cwd: string;
  /** Parser options. */
  parseOptions: ParseOptions;
}

/** The files of a run, sent to every worker once they are read. */
export interface WorkerTasks {
  /** Every file of the run; each thread checks the batches it claims. */
  tasks: FileTask[];
  /** One Int32: the index of the next unclaimed file, shared by all threads. */
  next: SharedArrayBuffer;
}

/** What a worker sends back: a claimed batch, when it could not start, or that it is done. */
export type WorkerMessage = { kind: 'batch'; first: number; files: PlainFile[] } | { kind: 'failed' } | { kind: 'done' };

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** How many threads to use for `fileCount` files when `jobs` were asked for (0: automatic). */
export function threadsFor(fileCount: number, jobs: number): number {
  // Only the compiled build ships worker.js (tests running TypeScript sources stay sequential).
  if (!existsSync(fileURLToPath(WORKER_URL))) return 1;
  const wanted = jobs > 0 ? jobs : Math.min(4, availableParallelism());
  return Math.max(1, Math.min(wanted, Math.floor(fileCount / (MIN_FILES_FOR_WORKERS / 2))));
}

/** Worker threads started ahead of the files they will check. */
export interface CheckPool {
  /** Check files here and on the workers: the same result as `checkFile` on each, in order. Once. */
  check(tasks: readonly FileTask[], catalog: Catalog, parseOptions: ParseOptions): Promise<CheckedFile[]>;
  /** Stop the workers unused (there turned out to be little to check). */
  close(): void;
}

/** Start `workers` worker threads for checking files later. */
export function startPool(workers: number, setup: WorkerSetup): CheckPool {
  const threads = Array.from({ length: workers }, () => new Worker(WORKER_URL, { workerData: setup }));
  const exited = new Set<Worker>();
  for (const worker of threads) {
    // Until they are given files, idle workers must not keep the process alive (if an error
    // between here and `check` or `close` ended the run, the process would otherwise hang). A
    // worker that fails before then is noted, not thrown: its files are checked here.
    worker.unref();
    worker.on('error', () => {});
    worker.once('exit', () => exited.add(worker));
  }
  return {
    async check(tasks, catalog, parseOptions) {
      const next = new SharedArrayBuffer(4);
      const counter = new Int32Array(next);
      const results: (CheckedFile | undefined)[] = new Array(tasks.length);
      const running = threads.filter((worker) => !exited.has(worker));
      const finished = running.map((worker) => collect(worker, tasks, results, parseOptions));
      const message: WorkerTasks = { tasks: [...tasks], next };
      for (const worker of running) {
        worker.ref();
        worker.postMessage(message);
      }
      for (let first = Atomics.add(counter, 0, BATCH); first < tasks.length; first = Atomics.add(counter, 0, BATCH)) {
        for (let i = first; i < Math.min(first + BATCH, tasks.length); i++) results[i] = checkFile(tasks[i]!.file, tasks[i]!.text, catalog, parseOptions);
      }
      await Promise.all(finished);
      // A worker that failed part-way leaves holes: those files are checked here.
      return tasks.map((t, i) => results[i] ?? checkFile(t.file, t.text, catalog, parseOptions));
    },
    close() {
      for (const worker of threads) void worker.terminate();
    },
  };
}

/** Store a worker's batches in `results` until it is done, fails or exits. */
function collect(worker: Worker, tasks: readonly FileTask[], results: (CheckedFile | undefined)[], parseOptions: ParseOptions): Promise<void> {
  return new Promise((resolve) => {
    const finish = (): void => {
      worker.removeAllListeners();
      worker.on('error', () => {}); // nothing more is wanted from it
      void worker.terminate();
      resolve();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind !== 'batch') return finish();
      message.files.forEach((plain, k) => {
        const i = message.first + k;
        results[i] = fromPlain(plain, tasks[i]!.text, parseOptions);
      });
    });
    worker.once('error', finish);
    worker.once('exit', finish);
  });
}

/**
 * Check files, using `threads` threads (the main one included). The result is the same as
 * checking each file in order with `checkFile`.
 */
export async function checkFiles(
  tasks: readonly FileTask[],
  catalog: Catalog,
  context: WorkerSetup & { threads: number },
): Promise<CheckedFile[]> {
  const threads = Math.min(context.threads, tasks.length);
  if (threads <= 1) return tasks.map((t) => checkFile(t.file, t.text, catalog, context.parseOptions));
  return startPool(threads - 1, context).check(tasks, catalog, context.parseOptions);
}
