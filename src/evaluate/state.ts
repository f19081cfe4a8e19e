// The evaluator's live state: one record per subscription and one per (subscription, feature)
// that events touched. Plain classes with fixed fields so the hot loop stays monomorphic; maps
// only where keys come from users (accounts, rooms, uses).
import type { Admission, RejectionReason } from './admission.js';
import { Bucket } from './bucket.js';
import { windowAt, type IndexedWindow } from './calendar.js';
import { UNIQUE, type FeatureRule } from './feature-rule.js';
import type { Timeline } from './lifecycle.js';
import { UseTable } from './use-table.js';
import type { EvaluatorNotificationPreference, EvaluatorPackage, NotificationChannel } from './model.js';
import type { FeaturePlan } from './overrides.js';
import type { Accrual, Terms } from './terms.js';

/** Below this many uses a feature never sweeps idle ones. */
const USE_SWEEP_MIN = 32;

/** A package's quota notification preference, as it applies to one feature. */
export interface QuotaAlert {
  /** `quota_threshold` or `quota_exceeded`. */
  readonly event: 'quota_threshold' | 'quota_exceeded';
  /** Percent of the limit that triggers a threshold alert (compared as integers: 70% of 10 is 7). */
  readonly percent: number;
  /** The threshold in percent, for the report. */
  readonly threshold: number | undefined;
  /** Where it is sent. */
  readonly channels: readonly NotificationChannel[];
}

/** A quota notification that fired. */
export interface QuotaNotice {
  /** Which quota event. */
  event: 'quota_threshold' | 'quota_exceeded';
  /** The feature code. */
  feature: string;
  /** When (the event's instant). */
  at: number;
  /** Percent threshold, for `quota_threshold`. */
  threshold: number | undefined;
  /** Where it is sent. */
  channels: readonly NotificationChannel[];
}

/** Usage and counters of one feature of one subscription. */
export class FeatureState {
  /** Current reset window; starts empty so the first event computes it. */
  window: IndexedWindow = { start: Infinity, end: -Infinity, index: Number.NaN };
  /** Subscription-level bucket of the current window (consumables). */
  readonly bucket: Bucket;
  /** Account buckets of the current window, for accounts with their own value (consumables). */
  accountBuckets: Map<string, Bucket> | null = null;
  /** Room buckets of the current window, for rooms with their own value (consumables). */
  roomBuckets: Map<string, Bucket> | null = null;
  /** One bucket per use, by use key (non-consumable unique_count_agg: each keeps its identities). */
  uses: Map<string, Bucket> | null = null;
  /** The uses of a non-consumable count, sum or max (use-table.ts); null until the first. */
  useTable: UseTable | null = null;
  /** The use an event landed in, as a bucket: loaded from `useTable`, stored back by `settleUse`. */
  private readonly useView: Bucket;
  /** The slot of `useTable` that `useView` was loaded from; -1 when none. */
  private useSlot = -1;
  /** A use of its own: an event of a non-consumable without a use key (emptied before each use). */
  readonly scratch: Bucket;
  /** Events applied within the limit. */
  accepted = 0;
  /** Events applied above the limit. */
  overage = 0;
  /** Events not applied, whatever the reason. */
  denied = 0;
  /** Highest usage of a subscription-level bucket (a window or a use). */
  peak = 0;
  /** Sum over subscription-level buckets of their excess high-water marks, in micro-units. */
  overageUnits = 0;
  /** Overage units by billing period and terms, in time order; null until the first. */
  accruals: Accrual[] | null = null;
  /** Window index in which each alert last fired (NaN: never). */
  readonly firedIn: number[];
  /**
   * The smallest percentage of the limit at which an alert can fire (Infinity: no alert): below
   * it an applied add cannot notify, so the hot loop skips the alerts without looking at them.
   */
  readonly alertPercent: number;
  /** Number of uses at which idle ones are next swept. */
  private sweepUsesAt = USE_SWEEP_MIN;

  /**
   * @param rule how the feature is evaluated
   * @param plan the subscription's values for it (replaced when the subscription changes terms)
   * @param listed whether the report lists it even without events (the subscription has it)
   * @param anchor start of the subscription: windows are anchored there
   * @param alerts quota alerts of the package that apply to this feature (empty for none)
   */
  constructor(
    readonly rule: FeatureRule,
    public plan: FeaturePlan,
    public listed: boolean,
    readonly anchor: number,
    readonly alerts: readonly QuotaAlert[],
  ) {
    this.bucket = new Bucket(rule.aggregation);
    this.scratch = new Bucket(rule.aggregation);
    this.useView = new Bucket(rule.aggregation);
    this.firedIn = alerts.map(() => Number.NaN);
    this.alertPercent = Math.min(...alerts.map((alert) => alert.percent));
  }

  /** Move to the reset window holding `t`, emptying a consumable's buckets. */
  roll(t: number): void {
    this.window = windowAt(this.anchor, this.rule.resetUnit, this.rule.resetEvery, t);
    if (this.rule.consumable) {
      this.bucket.reset();
      this.accountBuckets?.clear();
      this.roomBuckets?.clear();
    }
  }

  /** The current window's bucket of an account. */
  accountBucket(account: string): Bucket {
    const buckets = (this.accountBuckets ??= new Map());
    let bucket = buckets.get(account);
    if (bucket === undefined) buckets.set(account, (bucket = new Bucket(this.rule.aggregation)));
    return bucket;
  }

  /** The current window's bucket of a room. */
  roomBucket(room: string): Bucket {
    const buckets = (this.roomBuckets ??= new Map());
    let bucket = buckets.get(room);
    if (bucket === undefined) buckets.set(room, (bucket = new Bucket(this.rule.aggregation)));
    return bucket;
  }

  /**
   * The bucket of a use at `t`; an event without a use key is a use of its own. A use idle for
   * `idleMs` is over: its bucket starts afresh, exactly as if it had been forgotten — which is what
   * lets the sweep below forget it, so memory follows the live uses rather than every use ever seen.
   */
  useBucket(use: string | undefined, t: number, idleMs: number): Bucket {
    if (use === undefined) {
      this.useSlot = -1;
      this.scratch.reset();
      return this.scratch;
    }
    if (this.rule.aggregation !== UNIQUE) {
      const table = (this.useTable ??= new UseTable());
      const slot = (this.useSlot = table.slot(use, t, idleMs));
      const view = this.useView;
      view.usage = table.usageAt(slot);
      view.excess = table.excessAt(slot);
      return view;
    }
    const uses = (this.uses ??= new Map());
    let bucket = uses.get(use);
    if (bucket === undefined) {
      uses.set(use, (bucket = new Bucket(this.rule.aggregation)));
      // Stamped before sweeping, so the sweep cannot take the bucket just made.
      bucket.lastAt = t;
      if (uses.size > this.sweepUsesAt) this.sweepUses(t, idleMs);
      return bucket;
    }
    if (bucket.lastAt + idleMs <= t) bucket.reset();
    bucket.lastAt = t;
    return bucket;
  }

  /** Store back the use an event was applied to (its usage and excess); no-op for a Map-held use. */
  settleUse(): void {
    if (this.useSlot >= 0) this.useTable!.store(this.useSlot, this.useView.usage, this.useView.excess);
  }

  /** Current usage of a use (non-consumables); undefined when it has none. */
  useUsage(use: string): number | undefined {
    if (this.useTable !== null) {
      const slot = this.useTable.find(use);
      return slot < 0 ? undefined : this.useTable.usageAt(slot);
    }
    return this.uses?.get(use)?.usage;
  }

  /** How many uses are remembered (for tests of the memory bound). */
  get rememberedUses(): number {
    return this.useTable?.size ?? this.uses?.size ?? 0;
  }

  /** Forget idle uses; the next sweep waits until the live uses have doubled (amortised O(1)). */
  private sweepUses(t: number, idleMs: number): void {
    const uses = this.uses!;
    for (const [use, bucket] of uses) if (bucket.lastAt + idleMs <= t) uses.delete(use);
    this.sweepUsesAt = Math.max(USE_SWEEP_MIN, 2 * uses.size);
  }
}

/** One subscription: its admission, timeline and features. */
export class SubscriptionState {
  /** First instant events are allowed (start of trial or access). */
  readonly activeFrom: number;
  /** First instant events are no longer allowed (end of grace); -Infinity when rejected. */
  readonly activeUntil: number;
  /** Feature states by feature index, created when first needed. */
  readonly features: (FeatureState | undefined)[] = [];
  /** The subscription's own features in report order (package, then added by the subscription), under the current terms. */
  plans: ReadonlyMap<string, FeaturePlan>;
  /** The package of the current terms. */
  pkg: EvaluatorPackage;
  /** Index of the current terms in `terms`. */
  termsIndex = 0;
  /** When the next terms start (Infinity: never): the hot loop compares each event with it. */
  moveAt: number;
  /** The billing period that last received overage units (a cache: most units land in the current one). */
  private period: IndexedWindow = { start: Infinity, end: -Infinity, index: Number.NaN };
  /** Quota notifications fired so far. */
  readonly notices: QuotaNotice[] = [];
  /** The timeline of the subscription. */
  readonly timeline: Timeline;
  /** Why it was rejected, if it was. */
  readonly rejected: RejectionReason | undefined;
  /** Admitted beyond the stock. */
  readonly oversold: boolean;

  /**
   * @param id the subscription id
   * @param terms its terms in time order (one, or two when a migration moves it)
   * @param admission how it was admitted
   * @param seats its seats (docs/revenue.md)
   */
  constructor(
    readonly id: string,
    readonly terms: readonly Terms[],
    admission: Admission,
    readonly seats: number,
  ) {
    this.timeline = admission.timeline;
    this.rejected = admission.rejected;
    this.oversold = admission.oversold;
    this.activeFrom = this.timeline.startsAt;
    this.activeUntil = admission.rejected ? -Infinity : this.timeline.graceEnd;
    this.pkg = terms[0]!.pkg;
    this.plans = terms[0]!.plans;
    this.moveAt = terms[1]?.from ?? Infinity;
  }

  /**
   * Move to the next terms: limits, switches and prices change, usage carries over — every
   * feature keeps its rule, buckets and windows (anchored at the start), and only its plan changes.
   */
  move(): void {
    const terms = this.terms[++this.termsIndex]!;
    this.pkg = terms.pkg;
    this.plans = terms.plans;
    this.moveAt = this.terms[this.termsIndex + 1]?.from ?? Infinity;
    for (const state of this.features) {
      if (state === undefined) continue;
      const own = terms.plans.get(state.rule.code);
      state.plan = own === undefined ? { rule: state.rule, included: false, limit: 0, accounts: null, rooms: null } : { ...own, rule: state.rule };
      state.listed = own !== undefined;
    }
  }

  /**
   * Record `units` (micro-units) of overage of a feature at `t`: they accrue to the billing
   * period holding `t` under the current terms, or to the trial (charged 0, no tier) before it ends.
   */
  accrue(state: FeatureState, t: number, units: number): void {
    let period = -1;
    if (t >= this.timeline.trialEnd) {
      if (!(t >= this.period.start && t < this.period.end)) {
        const first = this.terms[0]!.pkg;
        this.period = windowAt(this.timeline.periodAnchor, first.periodicity_type, first.periodicity, t);
      }
      period = this.period.index;
    }
    const list = (state.accruals ??= []);
    const last = list[list.length - 1];
    if (last !== undefined && last.period === period && last.terms === this.termsIndex) last.units += units;
    else list.push({ period, terms: this.termsIndex, units });
  }

  /** The state of a feature, created on first use (a catalog feature the subscription lacks is not included). */
  feature(rule: FeatureRule): FeatureState {
    const existing = this.features[rule.index];
    if (existing !== undefined) return existing;
    // A feature first seen after a move keeps the rule of the terms it starts under.
    const own = this.plans.get(rule.code);
    const plan = own ?? { rule, included: false, limit: 0, accounts: null, rooms: null };
    const state = new FeatureState(plan.rule, plan, own !== undefined, this.timeline.startsAt, this.alertsFor(plan));
    this.features[rule.index] = state;
    return state;
  }

  /** The package's quota alerts that apply to a feature: limit features with a finite limit. */
  private alertsFor(plan: FeaturePlan): QuotaAlert[] {
    const rule = plan.rule;
    if (!rule.quota || rule.isSwitch) return [];
    const alerts: QuotaAlert[] = [];
    for (const pref of this.pkg.notification_preferences) {
      if (pref.event !== 'quota_threshold' && pref.event !== 'quota_exceeded') continue;
      if (pref.features && !pref.features.includes(rule.code)) continue;
      alerts.push(alertOf(pref));
    }
    return alerts;
  }
}

/** A quota alert from a notification preference. */
function alertOf(pref: EvaluatorNotificationPreference): QuotaAlert {
  const threshold = pref.event === 'quota_threshold' ? (pref.threshold ?? 100) : undefined;
  return {
    event: pref.event as QuotaAlert['event'],
    percent: threshold ?? 100,
    threshold,
    channels: pref.channels,
  };
}
