// Checking many files on several cores (SPEC §11): per-file work is independent, so a worker
// thread takes a share of the files while the main thread checks the rest. Results are plain
// data; positions for the worker's packages are recomputed here only if a later rule needs one.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Catalog } from '../catalog/model.js';
import type { ParseOptions } from '../source/parse.js';
import { fromPlain, type PlainFile } from './plain.js';
import { checkFile, type CheckedFile } from './run.js';

/** Below this many files a worker's start-up (~150 ms: thread, modules, schemas) is not repaid. */
export const MIN_FILES_FOR_WORKERS = 400;

/** One file to check. */
export interface FileTask {
  /** Display path. */
  file: string;
  /** Its text. */
  text: string;
}

/** What a worker receives. */
export interface WorkerInput {
  /** Its files. */
  tasks: FileTask[];
  /** Catalog folder (each worker loads it: a Catalog does not cross threads). */
  catalogDir: string;
  /** Working directory. */
  cwd: string;
  /** Parser options. */
  parseOptions: ParseOptions;
}

/** What a worker sends back: its files' results in task order. */
export type WorkerOutput = { ok: true; files: PlainFile[] } | { ok: false };

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** How many threads to use for `fileCount` files when `jobs` were asked for (0: automatic). */
export function threadsFor(fileCount: number, jobs: number): number {
  // Only the compiled build ships worker.js (tests running TypeScript sources stay sequential).
  if (!existsSync(fileURLToPath(WORKER_URL))) return 1;
  const wanted = jobs > 0 ? jobs : Math.min(4, availableParallelism());
  return Math.max(1, Math.min(wanted, Math.floor(fileCount / (MIN_FILES_FOR_WORKERS / 2))));
}

/**
 * Check files, using `threads` threads (the main one included). The result is the same as
 * checking each file in order with `checkFile`.
 */
export async function checkFiles(
  tasks: readonly FileTask[],
  catalog: Catalog,
  context: { catalogDir: string; cwd: string; parseOptions: ParseOptions; threads: number },
): Promise<CheckedFile[]> {
  const threads = Math.min(context.threads, tasks.length);
  if (threads <= 1) return tasks.map((t) => checkFile(t.file, t.text, catalog, context.parseOptions));

  // Workers start late (thread, modules, catalog): give them a little less than an equal share.
  const workerShare = 0.85 / threads;
  const perWorker = Math.floor(tasks.length * workerShare);
  const chunks: FileTask[][] = [];
  for (let w = 0; w < threads - 1; w++) chunks.push(tasks.slice(w * perWorker, (w + 1) * perWorker));
  const mainTasks = tasks.slice((threads - 1) * perWorker);

  const pending = chunks.map((chunk) => runWorker({ tasks: chunk, catalogDir: context.catalogDir, cwd: context.cwd, parseOptions: context.parseOptions }));
  const mainResults = mainTasks.map((t) => checkFile(t.file, t.text, catalog, context.parseOptions));
  const workerResults = await Promise.all(pending);

  const out: CheckedFile[] = [];
  workerResults.forEach((result, w) => {
    const chunk = chunks[w] ?? [];
    if (!result.ok) {
      // The worker could not run (it never should): check its share here instead.
      for (const t of chunk) out.push(checkFile(t.file, t.text, catalog, context.parseOptions));
      return;
    }
    result.files.forEach((f, i) => out.push(fromPlain(f, chunk[i]?.text ?? '', context.parseOptions)));
  });
  out.push(...mainResults);
  return out;
}

function runWorker(input: WorkerInput): Promise<WorkerOutput> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_URL, { workerData: input });
    worker.once('message', (output: WorkerOutput) => resolve(output));
    worker.once('error', () => resolve({ ok: false }));
    worker.once('exit', (code) => {
      if (code !== 0) resolve({ ok: false });
    });
  });
}
