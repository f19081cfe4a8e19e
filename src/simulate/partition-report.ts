// The partition report (`simulate --partition K/N`, schemas/simulation-partition.schema.json,
// docs/simulation.md#replay-on-every-core): one partition's result with what identifies its run,
// so that `svcpkg merge` can refuse reports of different runs and join the rest into the report
// one thread would have written.
import { createHash } from 'node:crypto';
import { REPORT_FORMAT_VERSION, isoOf, type EvaluatorManifest, type SubscriptionReport } from '../evaluate/index.js';
import type { PartitionRun, SimulationPartitionReport } from '../generated/simulation-partition.js';
import type { EventForm } from './event-form.js';
import type { PartitionResult, PartitionTally } from './partition-replay.js';
import type { Scenario } from './scenario.js';

/** Version of the partition report format. */
export const PARTITION_FORMAT_VERSION = 1;

/** A sha256 digest being computed from text as it is read. */
export class TextDigest {
  private readonly hash = createHash('sha256');
  /** Add text (hashed as UTF-8). */
  update(text: string): void {
    this.hash.update(text, 'utf8');
  }
  /** The digest in hex. */
  hex(): string {
    return this.hash.digest('hex');
  }
}

/** sha256 of text, in hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What identifies a run, from its inputs and settings. */
export function partitionRun(scenario: Scenario, inputs: { scenarioText: string; eventsSha256: string; dedupeWindowDays?: number; form?: EventForm }): PartitionRun {
  return {
    scenario_sha256: sha256(inputs.scenarioText),
    events_sha256: inputs.eventsSha256,
    manifest_sha256: sha256(JSON.stringify(packagesAsReplayed(scenario.manifest))),
    report_format_version: REPORT_FORMAT_VERSION,
    dedupe_window_days: inputs.dedupeWindowDays ?? null,
    input: inputs.form ?? 'lago',
  };
}

/**
 * The packages as the evaluator reads them, for the run's digest: without the lockfile ids and
 * the inputs hash that covers them — a packages folder compiled in memory mints the ids the
 * lockfile lacks afresh in every job, and no decision or report depends on them.
 */
function packagesAsReplayed(manifest: EvaluatorManifest): unknown {
  const { inputs_hash: _hash, ...rest } = manifest as EvaluatorManifest & { inputs_hash?: unknown };
  return {
    ...rest,
    packages: manifest.packages.map((pkg) => {
      const { id: _id, uuid: _uuid, ulid: _ulid, ...kept } = pkg as typeof pkg & { id?: unknown; uuid?: unknown; ulid?: unknown };
      return kept;
    }),
  };
}

/** The partition report of `result` (partition `result.index` of `count`). */
export function partitionReport(
  scenario: Scenario,
  run: PartitionRun,
  count: number,
  end: number,
  eventsAfterEnd: number,
  result: PartitionResult,
): SimulationPartitionReport {
  const position = new Map(scenario.subscriptions.map((s, i) => [s.id, i]));
  return {
    format_version: PARTITION_FORMAT_VERSION,
    partition: result.index + 1,
    partitions: count,
    scenario: scenario.file,
    run,
    end: isoOf(end),
    events_after_end: eventsAfterEnd,
    subscription_count: scenario.subscriptions.length,
    totals: result.totals,
    revenue: result.revenue,
    indexes: result.subscriptions.map((s) => position.get(s.id)!),
    subscriptions: result.subscriptions as unknown as SimulationPartitionReport['subscriptions'],
  };
}

/**
 * A schema-checked partition report as the result `mergePartitions` joins. The sections are the
 * report's own (schemas/simulation-report.schema.json): the merge copies them as they are.
 */
export function resultOf(report: SimulationPartitionReport): PartitionResult {
  return {
    index: report.partition - 1,
    totals: report.totals as PartitionTally,
    subscriptions: report.subscriptions as unknown as SubscriptionReport[],
    revenue: report.revenue,
  };
}
