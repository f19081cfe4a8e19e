// A worker thread of a partitioned replay (partition-run.ts): it is sent the raw lines of its
// partition in batches, parses and replays them, and sends back its result once asked, as of the
// end the main thread chose from every partition's latest instant.
import { parentPort, workerData } from 'node:worker_threads';
import { parseOrUndefined } from './ndjson.js';
import { PartitionReplay } from './partition-replay.js';
import type { ToWorker, FromWorker, WorkerSetup } from './partition-run.js';

const { setup, index } = workerData as WorkerSetup;
const replay = new PartitionReplay(setup, index);
const post = (message: FromWorker): void => parentPort!.postMessage(message);

parentPort!.on('message', (message: ToWorker) => {
  switch (message.kind) {
    case 'lines': {
      const { text } = message;
      // Lines hold no line break: the batch is split on them again here.
      let start = 0;
      for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', start)) {
        replay.record(parseOrUndefined(end === -1 ? text.slice(start) : text.slice(start, end)));
        if (end === -1) break;
        start = end + 1;
      }
      post({ kind: 'ack' });
      break;
    }
    case 'finish':
      post({ kind: 'finished', lastEventAt: replay.lastEventAt, eventsAfterEnd: replay.eventsAfterEnd });
      break;
    case 'result':
      post({ kind: 'result', result: replay.result(message.end) });
      break;
  }
});
