// The comparison of two runs over the same events (`svcpkg simulate --against OLD`): per
// subscription and feature the decisions that change, the change in charges, and totals per
// package. A pure function of the two reports and the changed decisions; valid against
// schemas/simulation-comparison.schema.json.
import type { Charges, FeatureReport, Phase, ReportedLimit, ReportTotals, Revenue, SimulationReport, SubscriptionReport } from '../evaluate/index.js';
import { minorToNumber, numberToMinor } from '../evaluate/money.js';
import { NO_CURRENCY } from '../evaluate/report.js';
import { CHANGE_KINDS, compareGroups, type ChangeGroup, type ChangeKind, type Verdict } from './decision-changes.js';

/** Version of the comparison format. */
export const COMPARISON_FORMAT_VERSION = 2;

/** A value under the old packages and under the new ones. */
export interface Compared<T> {
  /** Under the old packages (`--against`). */
  old: T;
  /** Under the scenario's packages. */
  new: T;
}

/** Changed decisions by kind. */
export type ChangeCounts = { events: number } & Record<ChangeKind, number>;

/** A group of events whose verdict changed the same way. */
export interface DecisionChange {
  /** The kind of change. */
  change: ChangeKind;
  /** Verdict under the old packages: `accepted`, `overage` or a denial reason. */
  old: Verdict;
  /** Verdict under the new packages. */
  new: Verdict;
  /** How many events. */
  count: number;
  /** Transaction ids of the first few, in input order. */
  examples: string[];
}

/** One feature of one subscription whose decisions, limit or usage differ. */
export interface FeatureComparison {
  /** Feature code. */
  code: string;
  /** The limit under each package set. */
  limit: Compared<ReportedLimit>;
  /** Events applied within the limit. */
  accepted: Compared<number>;
  /** Events applied above the limit. */
  overage: Compared<number>;
  /** Events not applied. */
  denied: Compared<number>;
  /** Highest usage of a subscription-level bucket. */
  peak: Compared<number>;
  /** Usage above the limit, summed over subscription-level buckets. */
  overage_amount: Compared<number>;
  /** Overage charged for the feature before the end. */
  overage_charge: Compared<number>;
  /** The changed decisions, by kind then verdicts. */
  changes: DecisionChange[];
}

/** What was charged under each package set, and the difference when the currency is the same. */
export interface ChargesComparison {
  /** Under the old packages. */
  old: Charges;
  /** Under the new packages. */
  new: Charges;
  /** new − old total; null when the currencies differ. */
  change: number | null;
}

/** How a migration policy applies to one subscription (docs/simulation.md). */
export interface SubscriptionTerms {
  /** The package set it starts on in the new run. */
  start: 'old' | 'new';
  /** When it moves from OLD to NEW (ISO 8601), or null. */
  moved_at: string | null;
  /** Its package code is absent from NEW: it stays on OLD whatever the policy. */
  kept_on_old: boolean;
}

/** The migration policy of a comparison. */
export interface MigrationPolicy {
  /** `all`, `new`, `renewal` or `immediate`. */
  policy: 'all' | 'new' | 'renewal' | 'immediate';
  /** The effective date (ISO 8601), or null with `all`. */
  effective: string | null;
}

/** The new − old change of each part of a revenue. */
export type RevenueChange = Revenue;

/** A package's revenue in one currency under both runs. */
export interface CurrencyRevenue {
  /** ISO 4217 code (`XXX`: no currency). */
  currency: string;
  /** Under OLD. */
  old: Revenue;
  /** Under the terms the policy gives. */
  new: Revenue;
  /** new − old, part by part. */
  change: RevenueChange;
}

/** One subscription under both package sets. */
export interface SubscriptionComparison {
  /** Subscription id. */
  id: string;
  /** Package code (the same name in both package sets). */
  package: string;
  /** The terms it is on in the new run. */
  terms: SubscriptionTerms;
  /** Phase at the last instant before the end. */
  status_at_end: Compared<Phase>;
  /** Charges before the end. */
  charges: ChargesComparison;
  /** Changed decisions of this subscription by kind. */
  changes: ChangeCounts;
  /** The features that differ, in report order. */
  features: FeatureComparison[];
}

/** Charges of a package's subscriptions in one currency. */
export interface CurrencyTotal {
  /** ISO 4217 code. */
  currency: string;
  /** Sum under the old packages. */
  old: number;
  /** Sum under the new packages. */
  new: number;
  /** new − old. */
  change: number;
}

/** Totals over the subscriptions of one package. */
export interface PackageComparison {
  /** Package code. */
  package: string;
  /** Subscriptions to it in the scenario. */
  subscriptions: number;
  /** Charges by currency (a package may change currency between versions). */
  charges: CurrencyTotal[];
  /** Revenue by currency, part by part, under both runs. */
  revenue: CurrencyRevenue[];
  /** Events applied within the limits. */
  accepted: Compared<number>;
  /** Events applied above a limit. */
  overage: Compared<number>;
  /** Events not applied (counted against a feature of these subscriptions). */
  denied: Compared<number>;
  /** Changed decisions by kind. */
  changes: ChangeCounts;
}

/** Changed decisions of events that name no subscription or feature of the scenario. */
export interface UnattributedChange extends DecisionChange {
  /** The subscription, when it is one of the scenario's. */
  subscription: string | null;
  /** The feature, when known. */
  feature: string | null;
}

/** One side of the comparison. */
export interface ComparedRun {
  /** Where its packages come from, as given. */
  packages: string;
  /** Its totals. */
  totals: ReportTotals;
}

/** The comparison of a scenario's run under two package sets. */
export interface SimulationComparison {
  /** Version of this format. */
  format_version: typeof COMPARISON_FORMAT_VERSION;
  /** The scenario file. */
  scenario: string;
  /** The scenario end (exclusive), ISO 8601. */
  end: string;
  /** Which terms the new run gives each subscription. */
  migration: MigrationPolicy;
  /** The run under the old packages (`--against`). */
  old: ComparedRun;
  /** The run under the scenario's own packages. */
  new: ComparedRun;
  /** Changed decisions over every event, by kind. */
  changes: ChangeCounts;
  /** Every subscription, in scenario order. */
  subscriptions: SubscriptionComparison[];
  /** Totals per package, by package code. */
  packages: PackageComparison[];
  /** Changed decisions that name no subscription or feature of the scenario. */
  other_changes: UnattributedChange[];
}

/** What a comparison is built from. */
export interface ComparisonInput {
  /** The scenario file as shown. */
  scenario: string;
  /** The old run: its packages' label and report. */
  old: { packages: string; report: SimulationReport };
  /** The new run. */
  new: { packages: string; report: SimulationReport };
  /** The changed decisions (`DecisionChanges.list()`). */
  changes: readonly ChangeGroup[];
  /** The migration policy; absent = `all`. */
  migration?: MigrationPolicy;
  /** The terms of each subscription by id; absent = every subscription on NEW for its whole life. */
  terms?: ReadonlyMap<string, SubscriptionTerms>;
}

/** The terms of a subscription on NEW for its whole life. */
const ALL_NEW: SubscriptionTerms = { start: 'new', moved_at: null, kept_on_old: false };

/** No changes. */
function noChanges(): ChangeCounts {
  return { events: 0, newly_denied: 0, newly_accepted: 0, new_overage: 0, overage_gone: 0, reason_changed: 0 };
}

/** Add a group to counts. */
function count(counts: ChangeCounts, group: { change: ChangeKind; count: number }): void {
  counts.events += group.count;
  counts[group.change] += group.count;
}

/** Money and amounts keep 4 decimals, as in the report: differences must not show binary noise. */
function round4(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}

/** The decision change as reported (without its subscription and feature). */
function decisionChange(group: ChangeGroup): DecisionChange {
  return { change: group.change, old: group.old, new: group.new, count: group.count, examples: [...group.examples] };
}

/** A feature that received nothing and is not included, for a side that does not list it. */
function absentFeature(code: string): FeatureReport {
  return { code, limit: false, usage: null, peak: 0, accepted: 0, overage: 0, denied: 0, overage_amount: 0, overage_charge: 0 };
}

/** Exact new − old of two amounts of one currency. */
function moneyChange(now: number, old: number, currency: string | null): number {
  return minorToNumber(numberToMinor(now, currency) - numberToMinor(old, currency), currency);
}

/** Compare the two runs. */
export function buildComparison(input: ComparisonInput): SimulationComparison {
  const oldReport = input.old.report;
  const newReport = input.new.report;
  const totals = noChanges();
  // Groups by subscription id, then feature code.
  const grouped = new Map<string, Map<string, ChangeGroup[]>>();
  const other: UnattributedChange[] = [];
  for (const group of input.changes) {
    count(totals, group);
    if (group.subscription === null || group.feature === null) {
      other.push({ subscription: group.subscription, feature: group.feature, ...decisionChange(group) });
      continue;
    }
    let byFeature = grouped.get(group.subscription);
    if (byFeature === undefined) grouped.set(group.subscription, (byFeature = new Map()));
    const list = byFeature.get(group.feature) ?? [];
    list.push(group);
    byFeature.set(group.feature, list);
  }

  const oldById = new Map(oldReport.subscriptions.map((s) => [s.id, s]));
  const subscriptions = newReport.subscriptions.map((sub) =>
    compareSubscription(oldById.get(sub.id) ?? sub, sub, grouped.get(sub.id) ?? new Map<string, ChangeGroup[]>(), input.terms?.get(sub.id) ?? ALL_NEW),
  );
  return {
    format_version: COMPARISON_FORMAT_VERSION,
    scenario: input.scenario,
    end: newReport.end,
    migration: input.migration ?? { policy: 'all', effective: null },
    old: { packages: input.old.packages, totals: oldReport.totals },
    new: { packages: input.new.packages, totals: newReport.totals },
    changes: totals,
    subscriptions,
    packages: comparePackages(subscriptions, oldById, newReport.subscriptions),
    other_changes: other.sort((a, b) => compareText(a.subscription, b.subscription) || compareText(a.feature, b.feature) || compareGroups(a, b)),
  };
}

/** Order of nullable texts: null last. */
function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** One subscription under both package sets. */
function compareSubscription(
  old: SubscriptionReport,
  now: SubscriptionReport,
  groups: ReadonlyMap<string, ChangeGroup[]>,
  terms: SubscriptionTerms,
): SubscriptionComparison {
  const changes = noChanges();
  for (const list of groups.values()) for (const group of list) count(changes, group);
  const oldFeatures = new Map(old.features.map((f) => [f.code, f]));
  const codes = [...now.features.map((f) => f.code), ...old.features.map((f) => f.code).filter((c) => !now.features.some((f) => f.code === c))];
  const newFeatures = new Map(now.features.map((f) => [f.code, f]));
  const features: FeatureComparison[] = [];
  for (const code of codes) {
    const before = oldFeatures.get(code) ?? absentFeature(code);
    const after = newFeatures.get(code) ?? absentFeature(code);
    const list = [...(groups.get(code) ?? [])].sort(compareGroups).map(decisionChange);
    const compared: FeatureComparison = {
      code,
      limit: { old: before.limit, new: after.limit },
      accepted: { old: before.accepted, new: after.accepted },
      overage: { old: before.overage, new: after.overage },
      denied: { old: before.denied, new: after.denied },
      peak: { old: before.peak, new: after.peak },
      overage_amount: { old: before.overage_amount, new: after.overage_amount },
      overage_charge: { old: before.overage_charge, new: after.overage_charge },
      changes: list,
    };
    const differs =
      list.length > 0 ||
      before.limit !== after.limit ||
      before.accepted !== after.accepted ||
      before.overage !== after.overage ||
      before.denied !== after.denied ||
      before.peak !== after.peak ||
      before.overage_amount !== after.overage_amount ||
      before.overage_charge !== after.overage_charge;
    if (differs) features.push(compared);
  }
  return {
    id: now.id,
    package: now.package,
    terms: { ...terms },
    status_at_end: { old: old.status_at_end, new: now.status_at_end },
    charges: {
      old: { ...old.charges },
      new: { ...now.charges },
      change: old.charges.currency === now.charges.currency ? moneyChange(now.charges.total, old.charges.total, now.charges.currency) : null,
    },
    changes,
    features,
  };
}

/** Totals per package, sorted by code. */
function comparePackages(
  subscriptions: readonly SubscriptionComparison[],
  oldById: ReadonlyMap<string, SubscriptionReport>,
  newSubscriptions: readonly SubscriptionReport[],
): PackageComparison[] {
  const newById = new Map(newSubscriptions.map((s) => [s.id, s]));
  const byPackage = new Map<string, PackageComparison>();
  const money = new Map<string, Map<string, CurrencyTotal>>();
  // Revenue in exact minor units: by package, then currency key, then side.
  const revenue = new Map<string, Map<string, { old: bigint[]; new: bigint[] }>>();
  for (const sub of subscriptions) {
    let pkg = byPackage.get(sub.package);
    if (pkg === undefined) {
      pkg = {
        package: sub.package,
        subscriptions: 0,
        charges: [],
        revenue: [],
        accepted: { old: 0, new: 0 },
        overage: { old: 0, new: 0 },
        denied: { old: 0, new: 0 },
        changes: noChanges(),
      };
      byPackage.set(sub.package, pkg);
      money.set(sub.package, new Map());
      revenue.set(sub.package, new Map());
    }
    pkg.subscriptions++;
    for (const kind of ['events', ...CHANGE_KINDS] as const) pkg.changes[kind] += sub.changes[kind];
    const sides = [
      ['old', oldById.get(sub.id)],
      ['new', newById.get(sub.id)],
    ] as const;
    for (const [side, report] of sides) {
      if (report === undefined) continue;
      for (const f of report.features) {
        pkg.accepted[side] += f.accepted;
        pkg.overage[side] += f.overage;
        pkg.denied[side] += f.denied;
      }
    }
    const currencies = money.get(sub.package)!;
    for (const side of ['old', 'new'] as const) {
      const charges = sub.charges[side];
      if (charges.currency === null) continue;
      let total = currencies.get(charges.currency);
      if (total === undefined) currencies.set(charges.currency, (total = { currency: charges.currency, old: 0, new: 0, change: 0 }));
      total[side] = round4(total[side] + charges.total);
    }
    const parts = revenue.get(sub.package)!;
    for (const side of ['old', 'new'] as const) {
      const charges = sub.charges[side];
      if (charges.total === 0) continue;
      const key = charges.currency ?? NO_CURRENCY;
      let sums = parts.get(key);
      if (sums === undefined) parts.set(key, (sums = { old: [0n, 0n, 0n], new: [0n, 0n, 0n] }));
      const add = [charges.signup_fee, charges.recurring, charges.overage].map((n) => numberToMinor(n, charges.currency));
      for (let i = 0; i < 3; i++) sums[side][i]! += add[i]!;
    }
  }
  for (const [code, pkg] of byPackage) {
    pkg.charges = [...money.get(code)!.values()]
      .map((t) => ({ ...t, change: round4(t.new - t.old) }))
      .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
    pkg.revenue = [...revenue.get(code)!.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, sums]) => {
        const currency = key === NO_CURRENCY ? null : key;
        const show = (parts: readonly bigint[]): Revenue => ({
          signup_fees: minorToNumber(parts[0]!, currency),
          recurring: minorToNumber(parts[1]!, currency),
          overage: minorToNumber(parts[2]!, currency),
          total: minorToNumber(parts[0]! + parts[1]! + parts[2]!, currency),
        });
        const change = sums.new.map((n, i) => n - sums.old[i]!);
        return { currency: key, old: show(sums.old), new: show(sums.new), change: show(change) };
      });
  }
  return [...byPackage.values()].sort((a, b) => (a.package < b.package ? -1 : a.package > b.package ? 1 : 0));
}
