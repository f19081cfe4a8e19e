// Running a scenario: feed its events, one by one as they are read, to a fresh evaluator and
// report as of the scenario end. Memory holds the evaluator's live state and one input chunk.
import type { Decision, UsageEvent } from '../evaluate/decision.js';
import { createEvaluator } from '../evaluate/evaluator.js';
import type { SimulationReport } from '../evaluate/report.js';
import { fromCloudEvent, type EventForm } from './event-form.js';
import { nextDayStart } from './instant.js';
import { forEachLine, readTextChunks } from './ndjson.js';
import type { Scenario } from './scenario.js';

/** How often (in events) `onProgress` is called: a power of two minus one, as a mask. */
const PROGRESS_MASK = 0x3ffff;

/** Options of a run. */
export interface RunOptions {
  /** Dedupe window in days (default 35; 0 turns it off). */
  dedupeWindowDays?: number;
  /** The form of the input events (default `lago`). */
  form?: EventForm;
  /** Called for each event with its decision and its line (1-based position for inline events). */
  onDecision?: (event: UsageEvent | undefined, decision: Decision, line: number) => void;
  /** Awaited after each chunk of input (to flush output written by `onDecision`). */
  afterChunk?: () => Promise<void> | void;
  /** Called every 262,144 events with the count so far. */
  onProgress?: (events: number) => void;
}

/** The outcome of a run. */
export interface RunResult {
  /** The report as of `end`. */
  report: SimulationReport;
  /** The scenario end used (ms). */
  end: number;
  /** Events at or after an explicit scenario end. */
  eventsAfterEnd: number;
}

/** Replay a checked scenario. Rejects only when the events file fails to read. */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
  const evaluator = createEvaluator(scenario.manifest, scenario.subscriptions, {
    ...(options.dedupeWindowDays !== undefined ? { dedupeWindowDays: options.dedupeWindowDays } : {}),
  });
  const cloudEvents = options.form === 'cloudevents';
  const explicitEnd = scenario.end;
  const { onDecision, onProgress } = options;
  let count = 0;
  let afterEnd = 0;

  const handle = (value: unknown, line: number): void => {
    const event = (cloudEvents ? fromCloudEvent(value) : value) as UsageEvent;
    const decision = evaluator.record(event);
    if (explicitEnd !== undefined && decision.at !== undefined && decision.at >= explicitEnd) afterEnd++;
    if (onDecision !== undefined) onDecision(event, decision, line);
    if ((++count & PROGRESS_MASK) === 0 && onProgress !== undefined) onProgress(count);
  };

  if (scenario.events.kind === 'inline') {
    scenario.events.events.forEach((value, i) => handle(value, i + 1));
  } else {
    await forEachLine(
      readTextChunks(scenario.events.path),
      (text, line) => {
        // A line that is not JSON (or too long to keep) is an event without fields: `invalid`.
        let value: unknown;
        if (text !== undefined) {
          try {
            value = JSON.parse(text);
          } catch {
            value = undefined;
          }
        }
        handle(value, line);
      },
      options.afterChunk,
    );
  }

  const end = explicitEnd ?? defaultEnd(evaluator.lastEventAt, scenario);
  return { report: evaluator.report(end), end, eventsAfterEnd: afterEnd };
}

/** The day after the last event; without events, the day after the last start. */
function defaultEnd(lastEventAt: number | undefined, scenario: Scenario): number {
  if (lastEventAt !== undefined) return nextDayStart(lastEventAt);
  const starts = scenario.subscriptions.map((s) => s.starts_at);
  return nextDayStart(starts.length > 0 ? Math.max(...starts) : 0);
}
