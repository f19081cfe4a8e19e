// Running a scenario: feed its events, one by one as they are read, to a fresh evaluator and
// report as of the scenario end. Memory holds the evaluator's live state and one input chunk.
// With `against`, the same pass feeds every event to a second evaluator over other packages, so a
// comparison reads the stream once.
import { stat } from 'node:fs/promises';
import type { Decision, UsageEvent } from '../evaluate/decision.js';
import { createEvaluator, type Evaluator } from '../evaluate/evaluator.js';
import type { EvaluatorManifest, Subscription } from '../evaluate/model.js';
import type { OverrideWarning } from '../evaluate/overrides.js';
import type { ChargeLine } from '../evaluate/ledger.js';
import type { SimulationReport } from '../evaluate/report.js';
import { fromCloudEvent, type EventForm } from './event-form.js';
import { nextDayStart } from './instant.js';
import { forEachValue, openTextFile } from './ndjson.js';
import type { Scenario } from './scenario.js';

/** How often (in events) `onProgress` is called: a power of two minus one, as a mask. */
const PROGRESS_MASK = 0x3ff;

/** How far a run is. */
export interface RunProgress {
  /** Events evaluated so far. */
  events: number;
  /** Share of the input read (0..1): bytes of the events file, or events of an inline list. */
  done: number | undefined;
}

/** Options of a run. */
export interface RunOptions {
  /** Dedupe window in days (default 35; 0 turns it off). */
  dedupeWindowDays?: number;
  /** The form of the input events (default `lago`). */
  form?: EventForm;
  /** Other packages to replay the same events against, in the same pass (`--against`). */
  against?: EvaluatorManifest;
  /**
   * The subscriptions of the scenario's own run when they differ from the scenario's: with a
   * migration plan (`--migrate`), those that start on the `against` packages.
   */
  subscriptions?: readonly Subscription[];
  /**
   * Called for each event with its decision and its line (1-based position for inline events);
   * with `against`, also with the decision under those packages.
   */
  onDecision?: (event: UsageEvent | undefined, decision: Decision, line: number, against?: Decision) => void;
  /** Also list every charge line with its instant (for the HTML report's revenue view). */
  chargeLines?: boolean;
  /** Awaited after each chunk of input (to flush output written by `onDecision`). */
  afterChunk?: () => Promise<void> | void;
  /** Called every 1,024 events and after each chunk of input; the caller decides how often to show it. */
  onProgress?: (progress: RunProgress) => void;
}

/** The outcome of a run. */
export interface RunResult {
  /** The report as of `end`. */
  report: SimulationReport;
  /** The scenario end used (ms). */
  end: number;
  /** Events at or after an explicit scenario end. */
  eventsAfterEnd: number;
  /** With `against`: the report under those packages, as of the same end. */
  against?: SimulationReport;
  /** With `against`: the scenario's overrides those packages ignore (above their parent, …). */
  againstWarnings?: readonly OverrideWarning[];
  /** With `chargeLines`: every charge line before `end`. */
  chargeLines?: ChargeLine[];
  /** With `chargeLines` and `against`: those of the run under the `against` packages. */
  againstChargeLines?: ChargeLine[];
}

/**
 * Replay a checked scenario. Rejects only when the events file fails to read. With `against`,
 * every subscription's package must exist in those packages (see `packagesMissingFrom`):
 * `createEvaluator` throws otherwise.
 */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
  const evaluatorOptions = options.dedupeWindowDays !== undefined ? { dedupeWindowDays: options.dedupeWindowDays } : {};
  const evaluator = createEvaluator(scenario.manifest, options.subscriptions ?? scenario.subscriptions, evaluatorOptions);
  const other: Evaluator | undefined = options.against === undefined ? undefined : createEvaluator(options.against, scenario.subscriptions, evaluatorOptions);
  const cloudEvents = options.form === 'cloudevents';
  const explicitEnd = scenario.end;
  const { onDecision, onProgress } = options;
  let count = 0;
  let afterEnd = 0;
  let done: () => number | undefined = () => undefined;
  const progress = (): void => onProgress?.({ events: count, done: done() });

  const handle = (value: unknown, line: number): void => {
    const event = (cloudEvents ? fromCloudEvent(value) : value) as UsageEvent;
    const decision = evaluator.record(event);
    if (explicitEnd !== undefined && decision.at !== undefined && decision.at >= explicitEnd) afterEnd++;
    if (other !== undefined) {
      const againstDecision = other.record(event);
      if (onDecision !== undefined) onDecision(event, decision, line, againstDecision);
    } else if (onDecision !== undefined) {
      onDecision(event, decision, line);
    }
    if ((++count & PROGRESS_MASK) === 0 && onProgress !== undefined) progress();
  };

  if (scenario.events.kind === 'inline') {
    const { events } = scenario.events;
    done = () => (events.length === 0 ? 1 : count / events.length);
    events.forEach((value, i) => handle(value, i + 1));
  } else {
    const file = scenario.events.path;
    const size = onProgress === undefined ? 0 : await stat(file).then((s) => s.size, () => 0);
    const reader = openTextFile(file);
    if (size > 0) done = () => Math.min(1, reader.bytesRead() / size);
    // A line that is not JSON (or too long to keep) is an event without fields: `invalid`.
    await forEachValue(
      reader.chunks,
      handle,
      onProgress === undefined
        ? options.afterChunk
        : async () => {
            progress();
            await options.afterChunk?.();
          },
    );
  }

  const end = explicitEnd ?? defaultEnd(evaluator.lastEventAt, scenario);
  return {
    report: evaluator.report(end),
    end,
    eventsAfterEnd: afterEnd,
    ...(other !== undefined ? { against: other.report(end), againstWarnings: other.warnings } : {}),
    ...(options.chargeLines ? { chargeLines: evaluator.chargeLines(end) } : {}),
    ...(options.chargeLines && other !== undefined ? { againstChargeLines: other.chargeLines(end) } : {}),
  };
}

/** The subscriptions whose package `manifest` does not have, as `[subscription, package]` pairs. */
export function packagesMissingFrom(scenario: Scenario, manifest: EvaluatorManifest): [string, string][] {
  const known = new Set(manifest.packages.map((p) => p.code));
  return scenario.subscriptions.filter((s) => !known.has(s.package)).map((s) => [s.id, s.package]);
}

/** The day after the last event; without events, the day after the last start. */
export function defaultEnd(lastEventAt: number | undefined, scenario: Scenario): number {
  if (lastEventAt !== undefined) return nextDayStart(lastEventAt);
  const starts = scenario.subscriptions.map((s) => s.starts_at);
  return nextDayStart(starts.length > 0 ? Math.max(...starts) : 0);
}
