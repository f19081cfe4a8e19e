// A worker thread of a check pool (parallel.ts): load the catalog and compile the package schema
// while the main thread reads the files, then claim batches of files from the shared counter and
// send back each batch's results as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../catalog/load.js';
import { getValidator } from '../schema/ajv.js';
import { BATCH, type WorkerMessage, type WorkerSetup, type WorkerTasks } from './parallel.js';
import { toPlain } from './plain.js';
import { checkFile } from './run.js';

const setup = workerData as WorkerSetup;
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);
const { catalog } = await loadCatalog(setup.catalogDir, setup.cwd);
getValidator('service-package'); // compiled now, not on the first file
parentPort?.once('message', ({ tasks, next }: WorkerTasks) => {
  if (!catalog) return post({ kind: 'failed' });
  const counter = new Int32Array(next);
  for (let first = Atomics.add(counter, 0, BATCH); first < tasks.length; first = Atomics.add(counter, 0, BATCH)) {
    const files = tasks.slice(first, first + BATCH).map(({ file, text }) => toPlain(checkFile(file, text, catalog, setup.parseOptions)));
    post({ kind: 'batch', first, files });
  }
  post({ kind: 'done' });
});
