// Joining the partitions of a replay into the report one thread would have written
// (docs/simulation.md#replay-on-every-core): each subscription's section, history and charge
// lines come from the one partition that owns it, in scenario order; decision counts add up;
// revenue is summed exactly in minor units and shown as the evaluator shows it.
import { DENIAL_REASONS, isoOf, minorToNumber, NO_CURRENCY, REPORT_FORMAT_VERSION, type ChargeLine, type Revenue, type SimulationReport, type SubscriptionReport } from '../evaluate/index.js';
import type { PartitionResult, PartitionTally } from './partition-replay.js';
import { partitionOf } from './partition-route.js';
import type { FeatureHistory } from './usage-history.js';

/** A merged replay. */
export interface MergedReplay {
  /** The report. */
  report: SimulationReport;
  /** The usage histories, when the partitions recorded them. */
  histories?: FeatureHistory[];
  /** The charge lines, when the partitions listed them. */
  chargeLines?: ChargeLine[];
}

/**
 * Merge the results of every partition (any order, one per index 0..count-1) of a replay of the
 * subscriptions `ids` (scenario order) as of `end` (ms). Throws a RangeError when a partition is
 * missing or does not hold the sections its routing gives it: a bug, or partition reports of
 * different runs (`svcpkg merge` checks for those first).
 */
export function mergePartitions(ids: readonly string[], end: number, results: readonly PartitionResult[]): MergedReplay {
  const count = results.length;
  const byIndex: PartitionResult[] = new Array(count);
  for (const result of results) byIndex[result.index] = result;
  for (let k = 0; k < count; k++) if (byIndex[k] === undefined) throw new RangeError(`partition ${k + 1} of ${count} is missing`);

  const cursors = new Array<number>(count).fill(0);
  const subscriptions: SubscriptionReport[] = ids.map((id) => {
    const k = partitionOf(id, count);
    const section = byIndex[k]!.subscriptions[cursors[k]!++];
    if (section?.id !== id) throw new RangeError(`partition ${k + 1} of ${count} lacks subscription \`${id}\``);
    return section;
  });
  cursors.forEach((used, k) => {
    if (used !== byIndex[k]!.subscriptions.length) throw new RangeError(`partition ${k + 1} of ${count} holds subscriptions the scenario does not`);
  });

  const report: SimulationReport = {
    format_version: REPORT_FORMAT_VERSION,
    end: isoOf(end),
    totals: { ...sumTallies(byIndex.map((r) => r.totals)), revenue: sumRevenue(byIndex) },
    subscriptions,
  };
  const merged: MergedReplay = { report };
  if (byIndex.every((r) => r.histories !== undefined)) merged.histories = pick(ids, byIndex, (r) => r.histories!, (h) => h.subscription);
  if (byIndex.every((r) => r.chargeLines !== undefined)) merged.chargeLines = pick(ids, byIndex, (r) => r.chargeLines!, (l) => l.subscription);
  return merged;
}

/** Decision counts added up, in the report's key order. */
function sumTallies(tallies: readonly PartitionTally[]): PartitionTally {
  const sum: PartitionTally = { events: 0, accepted: 0, overage: 0, denied: 0, by_reason: Object.fromEntries(DENIAL_REASONS.map((r) => [r, 0])) as PartitionTally['by_reason'] };
  for (const t of tallies) {
    sum.events += t.events;
    sum.accepted += t.accepted;
    sum.overage += t.overage;
    sum.denied += t.denied;
    for (const reason of DENIAL_REASONS) sum.by_reason[reason] += t.by_reason[reason];
  }
  return sum;
}

/** Revenue by key (sorted, as the report lists it), summed exactly then shown. */
function sumRevenue(results: readonly PartitionResult[]): Record<string, Revenue> {
  const sums = new Map<string, [bigint, bigint, bigint]>();
  for (const result of results) {
    for (const [key, money] of Object.entries(result.revenue)) {
      const sum = sums.get(key) ?? [0n, 0n, 0n];
      sum[0] += BigInt(money.signup_fees);
      sum[1] += BigInt(money.recurring);
      sum[2] += BigInt(money.overage);
      sums.set(key, sum);
    }
  }
  const revenue: Record<string, Revenue> = {};
  for (const key of [...sums.keys()].sort()) {
    const [signup, recurring, overage] = sums.get(key)!;
    const currency = key === NO_CURRENCY ? null : key;
    revenue[key] = {
      signup_fees: minorToNumber(signup, currency),
      recurring: minorToNumber(recurring, currency),
      overage: minorToNumber(overage, currency),
      total: minorToNumber(signup + recurring + overage, currency),
    };
  }
  return revenue;
}

/** Items grouped by subscription, each group from its owner, in scenario order. */
function pick<T>(ids: readonly string[], results: readonly PartitionResult[], items: (r: PartitionResult) => readonly T[], idOf: (item: T) => string): T[] {
  const count = results.length;
  const groups = results.map((r) => {
    const byId = new Map<string, T[]>();
    for (const item of items(r)) {
      const group = byId.get(idOf(item));
      if (group) group.push(item);
      else byId.set(idOf(item), [item]);
    }
    return byId;
  });
  return ids.flatMap((id) => groups[partitionOf(id, count)]!.get(id) ?? []);
}
