// One partition of a replay (docs/simulation.md#replay-on-every-core): an evaluator over every
// subscription of the scenario — admission, stock and recurring charges depend on the scenario
// alone, so each partition computes them alike — fed only the events of its own subscriptions.
// What it hands back holds only what it owns, so that partitions merge by picking, not by
// reconciling. Runs on a worker thread or on the main one; all it holds is plain data.
import {
  createEvaluator,
  NO_CURRENCY,
  numberToMinor,
  type ChargeLine,
  type Decision,
  type DenialReason,
  type Evaluator,
  type EvaluatorManifest,
  type Subscription,
  type SubscriptionReport,
  type UsageEvent,
} from '../evaluate/index.js';
import { fromCloudEvent, type EventForm } from './event-form.js';
import { partitionOf } from './partition-route.js';
import { UsageHistoryRecorder, type FeatureHistory } from './usage-history.js';

/** What every partition of a replay is set up with (structured-cloneable). */
export interface PartitionSetup {
  /** The packages. */
  manifest: EvaluatorManifest;
  /** Every subscription of the scenario, in scenario order. */
  subscriptions: Subscription[];
  /** Dedupe window in days (default 35). */
  dedupeWindowDays?: number;
  /** The form of the events. */
  form: EventForm;
  /** The scenario's explicit end (ms), to count events at or after it. */
  explicitEnd?: number;
  /** Record the HTML page's usage histories. */
  histories: boolean;
  /** List the charge lines (for the HTML page's revenue view). */
  chargeLines: boolean;
  /** How many partitions there are. */
  count: number;
}

/** Decision counts of a partition (the report's totals without revenue). */
export interface PartitionTally {
  /** Events recorded. */
  events: number;
  /** Events applied within the limits. */
  accepted: number;
  /** Events applied above a limit. */
  overage: number;
  /** Events not applied. */
  denied: number;
  /** Denied events by reason. */
  by_reason: Record<DenialReason, number>;
}

/** What a partition hands back once replayed, as of the run's end. */
export interface PartitionResult {
  /** Which partition (0-based). */
  index: number;
  /** Its decision counts. */
  totals: PartitionTally;
  /** The report sections of the subscriptions it owns, in scenario order. */
  subscriptions: SubscriptionReport[];
  /** With `histories`: the usage histories of the subscriptions it owns, in the recorder's order. */
  histories?: FeatureHistory[];
  /** With `chargeLines`: the charge lines of the subscriptions it owns, in scenario order. */
  chargeLines?: ChargeLine[];
  /** Money its subscriptions were charged, exact, by revenue key (currency, or `XXX`). */
  revenue: Record<string, ExactRevenue>;
}

/** Money charged in one currency, exact: minor units as decimal integer text (JSON has no bigint). */
export interface ExactRevenue {
  /** Signup fees. */
  signup_fees: string;
  /** Recurring prices. */
  recurring: string;
  /** Overage charged. */
  overage: string;
}

/**
 * Report amounts below this many minor units print as their exact decimal (15 significant digits
 * at most), so they convert back exactly; larger ones are summed from the charge lines instead.
 */
const EXACT_MINOR = 10n ** 15n;

/** A partition being replayed. */
export class PartitionReplay {
  private readonly evaluator: Evaluator;
  private readonly history: UsageHistoryRecorder | undefined;
  private readonly cloudEvents: boolean;
  /** Events at or after the explicit end. */
  eventsAfterEnd = 0;

  constructor(
    private readonly setup: PartitionSetup,
    /** Which partition this is (0-based). */
    readonly index: number,
  ) {
    const options = setup.dedupeWindowDays !== undefined ? { dedupeWindowDays: setup.dedupeWindowDays } : {};
    this.evaluator = createEvaluator(setup.manifest, setup.subscriptions, options);
    this.history = setup.histories ? new UsageHistoryRecorder(setup.manifest, setup.subscriptions.map((s) => s.id)) : undefined;
    this.cloudEvents = setup.form === 'cloudevents';
  }

  /** Replay one event (a parsed line; undefined for a line that is not JSON). */
  record(value: unknown): Decision {
    const event = (this.cloudEvents ? fromCloudEvent(value) : value) as UsageEvent;
    const decision = this.evaluator.record(event);
    const end = this.setup.explicitEnd;
    if (end !== undefined && decision.at !== undefined && decision.at >= end) this.eventsAfterEnd++;
    this.history?.record(event, decision);
    return decision;
  }

  /** The latest valid event instant seen (ms), for the default end: the maximum over partitions. */
  get lastEventAt(): number | undefined {
    return this.evaluator.lastEventAt;
  }

  /** The partition's result as of `end` (ms, exclusive). */
  result(end: number): PartitionResult {
    const { count } = this.setup;
    const owned = (id: string): boolean => partitionOf(id, count) === this.index;
    const report = this.evaluator.report(end);
    const { revenue: _revenue, ...totals } = report.totals;
    const subscriptions = report.subscriptions.filter((s) => owned(s.id));
    return {
      index: this.index,
      totals,
      subscriptions,
      revenue: this.revenue(subscriptions, end),
      ...(this.history ? { histories: this.history.histories().filter((h) => owned(h.subscription)) } : {}),
      ...(this.setup.chargeLines ? { chargeLines: this.evaluator.chargeLines(end).filter((line) => owned(line.subscription)) } : {}),
    };
  }

  /** The exact money of `subscriptions` by revenue key, as the report's totals sum it (docs/revenue.md). */
  private revenue(subscriptions: readonly SubscriptionReport[], end: number): Record<string, ExactRevenue> {
    const sums = new Map<string, [bigint, bigint, bigint]>();
    let lines: Map<string, ChargeLine[]> | undefined;
    for (const sub of subscriptions) {
      const { currency } = sub.charges;
      let amounts = [sub.charges.signup_fee, sub.charges.recurring, sub.charges.overage].map((n) => numberToMinor(n, currency));
      if (amounts.some((m) => m >= EXACT_MINOR || -m >= EXACT_MINOR)) {
        lines ??= groupBySubscription(this.evaluator.chargeLines(end));
        amounts = [0n, 0n, 0n];
        for (const line of lines.get(sub.id) ?? []) amounts[KINDS.indexOf(line.kind)]! += line.minor;
      }
      if (amounts.every((m) => m === 0n)) continue;
      const key = currency ?? NO_CURRENCY;
      const sum = sums.get(key) ?? [0n, 0n, 0n];
      for (let i = 0; i < 3; i++) sum[i]! += amounts[i]!;
      sums.set(key, sum);
    }
    const revenue: Record<string, ExactRevenue> = {};
    for (const [key, [signup, recurring, overage]] of sums) revenue[key] = { signup_fees: String(signup), recurring: String(recurring), overage: String(overage) };
    return revenue;
  }
}

/** Charge line kinds in the order of the report's amounts. */
const KINDS: readonly ChargeLine['kind'][] = ['signup_fee', 'recurring', 'overage'];

/** Charge lines by subscription id. */
function groupBySubscription(lines: readonly ChargeLine[]): Map<string, ChargeLine[]> {
  const groups = new Map<string, ChargeLine[]>();
  for (const line of lines) {
    const group = groups.get(line.subscription);
    if (group) group.push(line);
    else groups.set(line.subscription, [line]);
  }
  return groups;
}
