// Replaying a scenario in partitions (docs/simulation.md#replay-on-every-core): the main thread
// reads the events and routes each raw line by its subscription id (partition-route.ts) to one
// partition — a worker thread (`--jobs N`) or a replay on this thread — which parses and
// evaluates it. Once every line is in, the end is chosen (the scenario's, else the day after the
// latest instant of any partition) and each partition reports as of it. `--partition K/N` replays
// only partition K; without an explicit end it still reads every other line's instant, so that
// every partition of the run picks the same end.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createEvaluator, type Evaluator, type UsageEvent } from '../evaluate/index.js';
import { fromCloudEvent, type EventForm } from './event-form.js';
import { forEachLine, openTextFile, parseOrUndefined } from './ndjson.js';
import { mergePartitions, type MergedReplay } from './partition-merge.js';
import { PartitionReplay, type PartitionResult, type PartitionSetup } from './partition-replay.js';
import { partitionOf, subscriptionKeyOfLine, subscriptionKeyOfValue } from './partition-route.js';
import { defaultEnd, type RunProgress } from './run.js';
import type { Scenario } from './scenario.js';

/** What a partition worker is started with. */
export interface WorkerSetup {
  /** The replay's setup. */
  setup: PartitionSetup;
  /** Which partition the worker replays. */
  index: number;
}

/** Messages to a partition worker. */
export type ToWorker =
  /** Raw lines of its partition, joined by line breaks. */
  | { kind: 'lines'; text: string }
  /** Every line was sent: report the latest instant. */
  | { kind: 'finish' }
  /** Send the result as of `end` (ms). */
  | { kind: 'result'; end: number };

/** Messages from a partition worker. */
export type FromWorker =
  | { kind: 'ack' }
  | { kind: 'finished'; lastEventAt: number | undefined; eventsAfterEnd: number }
  | { kind: 'result'; result: PartitionResult };

const WORKER_URL = new URL('./partition-worker.js', import.meta.url);

/** Whether worker threads can be started: only the compiled build ships the worker (tests running TypeScript sources replay partitions on this thread). */
export function partitionWorkersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/** Characters of lines sent to a worker in one message. */
const BATCH_CHARS = 256 * 1024;

/** Batches a worker may have waiting before reading pauses: bounds memory when workers are slower than reading. */
const MAX_OUTSTANDING = 8;

/** How a partitioned replay runs. */
export interface PartitionedRunOptions {
  /** How many partitions the subscriptions are split into. */
  count: number;
  /** Replay only this partition (0-based; `--partition K/N`); default: all. */
  only?: number;
  /** Replay each partition on a worker thread (default: on this thread, one after another per line). */
  threads?: boolean;
  /** Dedupe window in days. */
  dedupeWindowDays?: number;
  /** The form of the events (default `lago`). */
  form?: EventForm;
  /** Record usage histories (HTML page). */
  histories?: boolean;
  /** List charge lines (HTML page). */
  chargeLines?: boolean;
  /** Called after each chunk of input. */
  onProgress?: (progress: RunProgress) => void;
  /** Called with every chunk of raw text read, in order (to fingerprint the input). */
  onText?: (text: string) => void;
}

/** The partitions of a run, replayed. */
export interface PartitionedReplay {
  /** The results of the partitions replayed (one with `only`), as of `end`. */
  results: PartitionResult[];
  /** The run's end (ms). */
  end: number;
  /** Events at or after an explicit end, in the partitions replayed. */
  eventsAfterEnd: number;
  /** Lines read (every partition's). */
  lines: number;
}

/** Where a partition's lines go. */
interface Sink {
  /** A raw line (undefined: over the length cap, an `invalid` event). */
  line(text: string | undefined): void;
  /** An inline event. */
  value(value: unknown): void;
  /** Resolves when the sink can take more. */
  ready(): Promise<void>;
  /** Every line is in: its latest instant and its events after the end. */
  finish(): Promise<{ lastEventAt: number | undefined; eventsAfterEnd: number }>;
  /** Its result as of `end`; undefined for a partition not replayed. */
  result(end: number): Promise<PartitionResult | undefined>;
  /** Stop its thread, if any. */
  close(): void;
}

/** Replay `scenario` in partitions; see the module comment. Rejects when the events file fails to read, or a worker fails. */
export async function replayPartitions(scenario: Scenario, options: PartitionedRunOptions): Promise<PartitionedReplay> {
  const { count, only } = options;
  const setup: PartitionSetup = {
    manifest: scenario.manifest,
    subscriptions: scenario.subscriptions,
    ...(options.dedupeWindowDays !== undefined ? { dedupeWindowDays: options.dedupeWindowDays } : {}),
    form: options.form ?? 'lago',
    ...(scenario.end !== undefined ? { explicitEnd: scenario.end } : {}),
    histories: options.histories ?? false,
    chargeLines: options.chargeLines ?? false,
    count,
  };
  const threads = (options.threads ?? false) && scenario.events.kind === 'file';
  const sinks: Sink[] = [];
  for (let k = 0; k < count; k++) {
    if (only === undefined || only === k) sinks.push(threads ? workerSink(setup, k) : replaySink(setup, k));
    else sinks.push(scenario.end === undefined ? instantSink(setup) : droppingSink());
  }
  try {
    let lines = 0;
    let routed = 0;
    if (scenario.events.kind === 'inline') {
      for (const value of scenario.events.events) {
        lines++;
        sinks[partitionOf(subscriptionKeyOfValue(value, setup.form), count)]!.value(value);
      }
    } else {
      const file = scenario.events.path;
      const { onProgress, onText } = options;
      const size = onProgress === undefined ? 0 : await stat(file).then((s) => s.size, () => 0);
      const reader = openTextFile(file);
      const chunks = onText === undefined ? reader.chunks : tap(reader.chunks, onText);
      lines = await forEachLine(
        chunks,
        (text) => {
          routed++;
          const key = text === undefined ? undefined : subscriptionKeyOfLine(text, setup.form);
          sinks[partitionOf(key, count)]!.line(text);
        },
        async () => {
          await Promise.all(sinks.map((s) => s.ready()));
          onProgress?.({ events: routed, done: size > 0 ? Math.min(1, reader.bytesRead() / size) : undefined });
        },
      );
    }
    const finished = await Promise.all(sinks.map((s) => s.finish()));
    let latest: number | undefined;
    let eventsAfterEnd = 0;
    for (const f of finished) {
      if (f.lastEventAt !== undefined && (latest === undefined || f.lastEventAt > latest)) latest = f.lastEventAt;
      eventsAfterEnd += f.eventsAfterEnd;
    }
    const end = scenario.end ?? defaultEnd(latest, scenario);
    const results = (await Promise.all(sinks.map((s) => s.result(end)))).filter((r): r is PartitionResult => r !== undefined);
    return { results, end, eventsAfterEnd, lines };
  } finally {
    for (const sink of sinks) sink.close();
  }
}

/** Replay every partition and merge them: the run one thread would have made. */
export async function runPartitioned(scenario: Scenario, options: Omit<PartitionedRunOptions, 'only'>): Promise<MergedReplay & { end: number; eventsAfterEnd: number }> {
  const replayed = await replayPartitions(scenario, options);
  const merged = mergePartitions(
    scenario.subscriptions.map((s) => s.id),
    replayed.end,
    replayed.results,
  );
  return { ...merged, end: replayed.end, eventsAfterEnd: replayed.eventsAfterEnd };
}

/** Text chunks passed on unchanged, each shown to `onText` first. */
async function* tap(chunks: AsyncIterable<string>, onText: (text: string) => void): AsyncIterable<string> {
  for await (const chunk of chunks) {
    onText(chunk);
    yield chunk;
  }
}

/** A partition replayed on this thread. */
function replaySink(setup: PartitionSetup, index: number): Sink {
  const replay = new PartitionReplay(setup, index);
  return {
    line: (text) => void replay.record(parseOrUndefined(text)),
    value: (value) => void replay.record(value),
    ready: () => Promise.resolve(),
    finish: () => Promise.resolve({ lastEventAt: replay.lastEventAt, eventsAfterEnd: replay.eventsAfterEnd }),
    result: (end) => Promise.resolve(replay.result(end)),
    close: () => {},
  };
}

/**
 * A partition another job replays (`--partition`), when the run's end depends on every event:
 * an evaluator with no subscriptions reads each event's envelope and instant exactly as the
 * partition's own would (an event with a bad envelope does not count), and keeps one small
 * record per subscription id, no usage.
 */
function instantSink(setup: PartitionSetup): Sink {
  const evaluator: Evaluator = createEvaluator(setup.manifest, [], { dedupeWindowDays: 0 });
  const cloudEvents = setup.form === 'cloudevents';
  const record = (value: unknown): void => void evaluator.record((cloudEvents ? fromCloudEvent(value) : value) as UsageEvent);
  return {
    line: (text) => record(parseOrUndefined(text)),
    value: record,
    ready: () => Promise.resolve(),
    finish: () => Promise.resolve({ lastEventAt: evaluator.lastEventAt, eventsAfterEnd: 0 }),
    result: () => Promise.resolve(undefined),
    close: () => {},
  };
}

/** A partition another job replays, when the scenario's end is explicit: its lines are not read. */
function droppingSink(): Sink {
  return {
    line: () => {},
    value: () => {},
    ready: () => Promise.resolve(),
    finish: () => Promise.resolve({ lastEventAt: undefined, eventsAfterEnd: 0 }),
    result: () => Promise.resolve(undefined),
    close: () => {},
  };
}

/** A partition replayed on a worker thread. */
function workerSink(setup: PartitionSetup, index: number): Sink {
  const worker = new Worker(WORKER_URL, { workerData: { setup, index } satisfies WorkerSetup });
  let batch: string[] = [];
  let chars = 0;
  let outstanding = 0;
  let failure: Error | undefined;
  /** Reading waits here while the worker has too many batches. */
  const waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  /** The pending `finish` or `result`, failed if the worker fails first. */
  const pending = new Set<(error: Error) => void>();
  let onFinished: ((message: Extract<FromWorker, { kind: 'finished' }>) => void) | undefined;
  let onResult: ((result: PartitionResult) => void) | undefined;
  const fail = (error: Error): void => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(failure);
    for (const reject of pending) reject(failure);
    pending.clear();
  };
  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'ack') {
      outstanding--;
      if (outstanding < MAX_OUTSTANDING) for (const w of waiting.splice(0)) w.resolve();
    } else if (message.kind === 'finished') onFinished?.(message);
    else onResult?.(message.result);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the replay thread of partition ${index + 1} stopped (exit code ${code})`)));
  const send = (): void => {
    if (batch.length === 0) return;
    const message: ToWorker = { kind: 'lines', text: batch.join('\n') };
    batch = [];
    chars = 0;
    outstanding++;
    worker.postMessage(message);
  };
  const settled = <T>(register: (resolve: (value: T) => void) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure);
      pending.add(reject);
      register((value) => {
        pending.delete(reject);
        resolve(value);
      });
    });
  return {
    line(text) {
      // A line over the cap is sent as text that is not JSON: an `invalid` event there too.
      const line = text ?? '!';
      batch.push(line);
      chars += line.length;
      if (chars >= BATCH_CHARS) send();
    },
    value() {
      throw new Error('inline events are replayed on the main thread');
    },
    ready() {
      send();
      if (failure) return Promise.reject(failure);
      if (outstanding < MAX_OUTSTANDING) return Promise.resolve();
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    finish() {
      send();
      const done = settled<Extract<FromWorker, { kind: 'finished' }>>((resolve) => (onFinished = resolve));
      worker.postMessage({ kind: 'finish' } satisfies ToWorker);
      return done.then(({ lastEventAt, eventsAfterEnd }) => ({ lastEventAt, eventsAfterEnd }));
    },
    result(end) {
      const done = settled<PartitionResult>((resolve) => (onResult = resolve));
      worker.postMessage({ kind: 'result', end } satisfies ToWorker);
      return done;
    },
    close() {
      worker.removeAllListeners('exit');
      void worker.terminate();
    },
  };
}
