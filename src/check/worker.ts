// A worker thread's share of `checkFiles`: load the catalog, check each file, send back plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../catalog/load.js';
import type { WorkerInput, WorkerOutput } from './parallel.js';
import { toPlain } from './plain.js';
import { checkFile } from './run.js';

const input = workerData as WorkerInput;
const { catalog } = await loadCatalog(input.catalogDir, input.cwd);
let output: WorkerOutput;
if (!catalog) {
  output = { ok: false };
} else {
  output = {
    ok: true,
    files: input.tasks.map(({ file, text }) => toPlain(checkFile(file, text, catalog, input.parseOptions))),
  };
}
parentPort?.postMessage(output);
