// One `svcpkg simulate` run once its scenario is loaded (docs/simulation.md): plan the migration,
// set up what listens to each event (decisions file, chart histories, the comparison), replay,
// and gather the report, the comparison and what to warn about. The command only parses options
// and prints; the HTML page is rendered by the report stage from the data returned here.
import { access, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { constants } from 'node:fs';
import path from 'node:path';
import { diagnosticOf } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { IoError } from '../diagnostics/errors.js';
import { createEvaluator } from '../evaluate/evaluator.js';
import type { Decision, UsageEvent } from '../evaluate/decision.js';
import type { ChargeLine } from '../evaluate/ledger.js';
import type { EvaluatorManifest, Subscription } from '../evaluate/model.js';
import type { SimulationReport } from '../evaluate/report.js';
import { SIMULATE_CODES } from './codes.js';
import { buildComparison, type SimulationComparison } from './comparison.js';
import { DecisionChanges } from './decision-changes.js';
import { decisionLine, DecisionsWriter } from './decisions-file.js';
import type { EventForm } from './event-form.js';
import { freshnessWarning, manifestFreshness, type ProjectSources } from './manifest-freshness.js';
import { planMigration, type MigrationPlan, type MigrationPolicyName } from './migration.js';
import { ProgressLine, type ProgressOutput } from './progress.js';
import type { SimulationPartitionReport } from '../generated/simulation-partition.js';
import { partitionReport, partitionRun, TextDigest } from './partition-report.js';
import { partitionWorkersAvailable, replayPartitions, runPartitioned, type PartitionedReplay } from './partition-run.js';
import { runScenario, type RunProgress, type RunResult } from './run.js';
import type { Scenario } from './scenario.js';
import { groupDigits } from './table.js';
import { featureKinds, UsageHistoryRecorder, type FeatureHistory } from './usage-history.js';

/** The other packages of `--against`, read and compiled. */
export interface AgainstPackages {
  /** The argument as given. */
  label: string;
  /** Its manifest. */
  manifest: EvaluatorManifest;
}

/** What a simulation is asked to do besides the report. */
export interface SimulationOptions {
  /** The form of the input events (default `lago`). */
  form?: EventForm;
  /** Dedupe window in days (default 35; 0: off). */
  dedupeWindowDays?: number;
  /** `--against OLD`: replay against these packages too and compare. */
  against?: AgainstPackages;
  /** With `against`: which terms each subscription gets, and from when (ms; not for `all`). */
  migration?: { policy: MigrationPolicyName; effective: number | undefined };
  /** `--decisions FILE` (absolute): write one NDJSON line per event. */
  decisionsFile?: string;
  /** `--html FILE` (absolute): gather the page's data (the file's folder is checked before the run). */
  htmlFile?: string;
  /** The project's sources, to warn when the scenario's compiled manifest is older than them; omitted: no check. */
  freshness?: ProjectSources;
  /** A terminal to draw progress on. */
  progress?: ProgressOutput;
  /**
   * Threads replaying partitions of the subscriptions (`--jobs N`); default: the available cores
   * for an events file of AUTO_JOBS_MIN_BYTES or more, else 1. The report is the same whatever it
   * is. `--decisions` and `--against` replay on one thread: they follow the events in file order.
   */
  jobs?: number;
}

/** Below this size an events file is replayed on one thread by default: threads would start for longer than they save. */
export const AUTO_JOBS_MIN_BYTES = 8_000_000;

/** One run's data for the HTML page. */
export interface PageRun {
  /** Where its packages come from, as shown. */
  packages: string;
  /** Its report. */
  report: SimulationReport;
  /** Usage over time per charted subscription and feature. */
  histories: FeatureHistory[];
  /** Every charge line before the end. */
  chargeLines: ChargeLine[];
}

/** What the HTML page is made from (`htmlFile` given). */
export interface PageData {
  /** The absolute file to write. */
  file: string;
  /** The scenario's run. */
  run: PageRun;
  /** With `against`: the run under OLD. */
  against?: PageRun & { label: string };
  /** Subscriptions beyond the chart cap. */
  uncharted: readonly string[];
}

/** The outcome of a simulation. */
export interface SimulationOutcome {
  /** The report of the scenario's packages. */
  report: SimulationReport;
  /** With `against`: the comparison of both runs. */
  comparison?: SimulationComparison;
  /** Located problems found while running (events after the scenario end). */
  diagnostics: Diagnostic[];
  /** Warnings without a place, in the order to show them (overrides OLD ignores, a stale manifest). */
  warnings: string[];
  /** With `htmlFile`: the page's data. */
  page?: PageData;
}

/**
 * Run a loaded scenario. With `against`, every package the scenario subscribes to must exist in
 * OLD (`packagesMissingFrom` is empty). Rejects with an IoError when an input or output file
 * fails; anything else thrown is a bug.
 */
export async function runSimulation(scenario: Scenario, options: SimulationOptions = {}): Promise<SimulationOutcome> {
  const { against } = options;
  const plan: MigrationPlan | undefined = against
    ? planMigration(scenario.subscriptions, against.manifest, scenario.manifest, options.migration?.policy ?? 'all', options.migration?.effective)
    : undefined;
  const htmlFile = options.htmlFile === undefined ? undefined : await checkWritable(options.htmlFile);
  const freshness = options.freshness === undefined ? undefined : checkFreshness(scenario, options.freshness);

  // What listens to each event: the decisions file, the charts' histories, the comparison.
  const ids = scenario.subscriptions.map((s) => s.id);
  const history = htmlFile ? new UsageHistoryRecorder(scenario.manifest, ids) : undefined;
  const oldHistory = htmlFile && against ? new UsageHistoryRecorder(against.manifest, ids) : undefined;
  const changes = against
    ? new DecisionChanges(new Set(ids), new Set([...featureKinds(scenario.manifest).keys(), ...featureKinds(against.manifest).keys()]))
    : undefined;
  const writer = options.decisionsFile === undefined ? undefined : await createWriter(options.decisionsFile);
  const listening = writer !== undefined || history !== undefined || changes !== undefined;
  const onDecision = (event: UsageEvent | undefined, decision: Decision, line: number, old?: Decision): void => {
    writer?.add(decisionLine(event, decision, line));
    history?.record(event, decision);
    if (old !== undefined) {
      oldHistory?.record(event, old);
      changes?.record(event, old, decision);
    }
  };

  const progress = options.progress === undefined ? undefined : new ProgressLine(options.progress);
  progress?.update({ events: 0, done: 0 });
  const jobs = against || writer ? 1 : await jobsFor(scenario, options.jobs);
  let result: RunResult & { histories?: FeatureHistory[] };
  try {
    result = jobs > 1 ? await runOnThreads(scenario, jobs, options, htmlFile !== undefined, progress) : await runScenario(scenario, {
      ...(options.form !== undefined ? { form: options.form } : {}),
      ...(options.dedupeWindowDays !== undefined ? { dedupeWindowDays: options.dedupeWindowDays } : {}),
      ...(against ? { against: against.manifest } : {}),
      ...(plan ? { subscriptions: plan.subscriptions } : {}),
      ...(htmlFile ? { chargeLines: true } : {}),
      ...(listening ? { onDecision } : {}),
      ...(writer ? { afterChunk: () => writer.flush() } : {}),
      ...(progress ? { onProgress: (p) => progress.update(p) } : {}),
    });
    await writer?.commit();
  } catch (error) {
    await writer?.abort();
    // File system and zlib failures carry a code (ENOENT, Z_DATA_ERROR): I/O, exit 2. Anything
    // else is a bug and goes to main's handler as one.
    if (typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string') throw error;
    const events = scenario.events.kind === 'file' ? ` reading ${scenario.events.display}` : '';
    throw new IoError(`simulation of ${scenario.file} stopped${events}: ${(error as Error).message}`);
  } finally {
    progress?.clear();
  }

  const diagnostics: Diagnostic[] = [];
  if (result.eventsAfterEnd > 0 && scenario.endSpan) diagnostics.push(eventsAfterEnd(scenario, result.eventsAfterEnd));
  const warnings = against ? againstWarnings(scenario, plan?.subscriptions ?? scenario.subscriptions, against, result) : [];
  const stale = await freshness;
  if (stale) warnings.push(stale);

  const comparison =
    against && result.against && changes
      ? buildComparison({
          scenario: scenario.file,
          old: { packages: against.label, report: result.against },
          new: { packages: scenario.packagesDisplay, report: result.report },
          changes: changes.list(),
          ...(plan ? { migration: plan.policy, terms: plan.terms } : {}),
        })
      : undefined;

  const page: PageData | undefined =
    htmlFile && history
      ? {
          file: htmlFile,
          run: { packages: scenario.packagesDisplay, report: result.report, histories: result.histories ?? history.histories(), chargeLines: result.chargeLines ?? [] },
          ...(against && result.against && oldHistory
            ? {
                against: {
                  label: against.label,
                  packages: against.label,
                  report: result.against,
                  histories: oldHistory.histories(),
                  chargeLines: result.againstChargeLines ?? [],
                },
              }
            : {}),
          uncharted: history.uncharted,
        }
      : undefined;

  return { report: result.report, ...(comparison ? { comparison } : {}), diagnostics, warnings, ...(page ? { page } : {}) };
}

/** How many threads replay the events (see `SimulationOptions.jobs`). */
async function jobsFor(scenario: Scenario, jobs: number | undefined): Promise<number> {
  if (scenario.events.kind !== 'file') return 1;
  if (jobs !== undefined) return jobs;
  const size = await stat(scenario.events.path).then((s) => s.size, () => 0);
  return size >= AUTO_JOBS_MIN_BYTES ? availableParallelism() : 1;
}

/** Replay in `jobs` partitions, on worker threads when the build has them, and merge. */
async function runOnThreads(
  scenario: Scenario,
  jobs: number,
  options: SimulationOptions,
  page: boolean,
  progress: ProgressLine | undefined,
): Promise<RunResult & { histories?: FeatureHistory[] }> {
  const merged = await runPartitioned(scenario, {
    count: jobs,
    threads: partitionWorkersAvailable(),
    ...(options.form !== undefined ? { form: options.form } : {}),
    ...(options.dedupeWindowDays !== undefined ? { dedupeWindowDays: options.dedupeWindowDays } : {}),
    histories: page,
    chargeLines: page,
    ...(progress ? { onProgress: (p: RunProgress) => progress.update(p) } : {}),
  });
  return {
    report: merged.report,
    end: merged.end,
    eventsAfterEnd: merged.eventsAfterEnd,
    ...(merged.chargeLines ? { chargeLines: merged.chargeLines } : {}),
    ...(merged.histories ? { histories: merged.histories } : {}),
  };
}

/** The warning for events at or after an explicit scenario end, located at `end`. */
function eventsAfterEnd(scenario: Scenario, n: number): Diagnostic {
  return diagnosticOf(
    SIMULATE_CODES.eventsAfterEnd,
    { ...scenario.endSpan!, file: scenario.file, path: '/end' },
    `${groupDigits(n)} event${n === 1 ? ' is' : 's are'} at or after the scenario end: evaluated, but phases, charges and status stop at the end`,
    { hint: 'move `end` after the last event, or remove it (default: the day after the last event)' },
  );
}

/** Overrides the old packages ignore that the scenario's own do not: a warning each (the others were shown with the scenario). */
function againstWarnings(scenario: Scenario, subscriptions: readonly Subscription[], against: AgainstPackages, result: RunResult): string[] {
  const own = new Set(createEvaluator(scenario.manifest, subscriptions).warnings.map((w) => `${w.subscription}\u0000${w.message}`));
  const warnings: string[] = [];
  for (const w of result.againstWarnings ?? []) {
    if (own.has(`${w.subscription}\u0000${w.message}`)) continue;
    warnings.push(`with --against ${against.label}, subscription \`${w.subscription}\`: ${w.message}`);
  }
  return warnings;
}

/**
 * Whether the scenario's compiled manifest is older than the project's packages: the warning to
 * print, or undefined. Started before the run and awaited after it; a failure of the check itself
 * says nothing (it must never stop a simulation).
 */
function checkFreshness(scenario: Scenario, project: ProjectSources): Promise<string | undefined> {
  const file = scenario.manifestFile;
  if (file === undefined) return Promise.resolve(undefined);
  return manifestFreshness(file, scenario.manifest, project).then(
    (freshness) => freshnessWarning(freshness, file, project),
    () => undefined,
  );
}

/** Check that an output file's folder exists and is writable before running, as for `--decisions`. */
async function checkWritable(file: string): Promise<string> {
  try {
    await access(path.dirname(file), constants.W_OK);
    return file;
  } catch (error) {
    throw new IoError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Open the decisions file, as an I/O error when that fails. */
async function createWriter(file: string): Promise<DecisionsWriter> {
  try {
    return await DecisionsWriter.create(file);
  } catch (error) {
    throw new IoError(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** What `--partition K/N` is asked to do. */
export interface PartitionRunOptions {
  /** Which partition (0-based). */
  partition: number;
  /** How many partitions. */
  count: number;
  /** The scenario file's text (it identifies the run). */
  scenarioText: string;
  /** The form of the input events (default `lago`). */
  form?: EventForm;
  /** Dedupe window in days (default 35). */
  dedupeWindowDays?: number;
  /** The project's sources, for the stale-manifest warning; omitted: no check. */
  freshness?: ProjectSources;
  /** A terminal to draw progress on. */
  progress?: ProgressOutput;
}

/** The outcome of one partition of a run. */
export interface PartitionOutcome {
  /** The partition report, for `svcpkg merge`. */
  report: SimulationPartitionReport;
  /** Located problems (events after the scenario end, in this partition). */
  diagnostics: Diagnostic[];
  /** Warnings without a place (a stale manifest). */
  warnings: string[];
}

/**
 * Replay one partition of a run (`--partition K/N`) on this thread: the lines of the other
 * partitions are routed away unparsed — unless the scenario has no `end`, whose default depends
 * on every event's instant (docs/simulation.md#replay-on-every-core).
 */
export async function runPartition(scenario: Scenario, options: PartitionRunOptions): Promise<PartitionOutcome> {
  const freshness = options.freshness === undefined ? undefined : checkFreshness(scenario, options.freshness);
  const digest = new TextDigest();
  const progress = options.progress === undefined ? undefined : new ProgressLine(options.progress);
  progress?.update({ events: 0, done: 0 });
  let replayed: PartitionedReplay;
  try {
    replayed = await replayPartitions(scenario, {
      count: options.count,
      only: options.partition,
      ...(options.form !== undefined ? { form: options.form } : {}),
      ...(options.dedupeWindowDays !== undefined ? { dedupeWindowDays: options.dedupeWindowDays } : {}),
      onText: (text) => digest.update(text),
      ...(progress ? { onProgress: (p: RunProgress) => progress.update(p) } : {}),
    });
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string') throw error;
    const events = scenario.events.kind === 'file' ? ` reading ${scenario.events.display}` : '';
    throw new IoError(`simulation of ${scenario.file} stopped${events}: ${(error as Error).message}`);
  } finally {
    progress?.clear();
  }
  const run = partitionRun(scenario, {
    scenarioText: options.scenarioText,
    eventsSha256: digest.hex(),
    ...(options.dedupeWindowDays !== undefined ? { dedupeWindowDays: options.dedupeWindowDays } : {}),
    ...(options.form !== undefined ? { form: options.form } : {}),
  });
  const report = partitionReport(scenario, run, options.count, replayed.end, replayed.eventsAfterEnd, replayed.results[0]!);
  const diagnostics = replayed.eventsAfterEnd > 0 && scenario.endSpan ? [eventsAfterEnd(scenario, replayed.eventsAfterEnd)] : [];
  const stale = await freshness;
  return { report, diagnostics, warnings: stale ? [stale] : [] };
}
