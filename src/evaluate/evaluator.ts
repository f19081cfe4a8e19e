// The evaluator (docs/simulation.md): replays usage events against a compiled manifest and a set of
// subscriptions, one decision per event. Pure — no I/O, no clock (time comes with the events),
// no global state — and deterministic. `record` is the hot loop: it reads a few fields of typed
// records and allocates only the returned Decision.
import { admit } from './admission.js';
import { fireAlerts } from './alerts.js';
import { DAY_MS } from './calendar.js';
import { accepted, denied, deniedAt, overage } from './decide.js';
import type { Window } from './calendar.js';
import type { Decision, DenialReason, ReportedLimit, UsageEvent } from './decision.js';
import { SUM, UNIQUE, featureRule, type FeatureRule } from './feature-rule.js';
import { Landing } from './landing.js';
import { Payload } from './payload.js';
import { phaseAt, type Phase } from './lifecycle.js';
import type { EvaluatorManifest, EvaluatorOptions, EvaluatorPackage, Subscription } from './model.js';
import { resolveFeatures, type OverrideWarning } from './overrides.js';
import { buildReport, type SimulationReport, type Tally } from './report.js';
import { FeatureState, SubscriptionState } from './state.js';
import { RecentTransactions } from './recent-transactions.js';
import { chargeLines, type ChargeLine } from './ledger.js';
import { Stream } from './stream.js';
import { termsOf } from './terms.js';
import { parseTimestamp } from './timestamp.js';

/** Default dedupe window (docs/simulation.md#what-each-event-gets). */
export const DEFAULT_DEDUPE_WINDOW_DAYS = 35;

/** Default idle time after which a non-consumable use is over. */
export const DEFAULT_USE_IDLE_DAYS = 35;

/** Thrown by `createEvaluator` for inputs a scenario loader should have refused. */
export class EvaluatorInputError extends Error {
  override readonly name = 'EvaluatorInputError';
}

/** Where to read a bucket's usage: an account's or room's bucket, or a use. */
export interface UsageScope {
  /** An account with its own value (consumables). */
  account?: string;
  /** A room with its own value (consumables). */
  room?: string;
  /** A use key (non-consumables). */
  use?: string;
}

/** A running evaluation. */
export interface Evaluator {
  /** Decide one event and apply it when accepted or overage. Anything but an object is an invalid event. */
  record(event: UsageEvent): Decision;
  /** The report as of `end` (exclusive, ms): phases, charges and status are cut there. Does not change state. */
  report(end: number): SimulationReport;
  /** Every charge line due before `end` (exclusive, ms), subscription by subscription: what the report's charges sum. */
  chargeLines(end: number): ChargeLine[];
  /** The phase of a subscription at `t`; undefined for an unknown id. */
  statusAt(subscriptionId: string, t: number): Phase | undefined;
  /** Current usage of a bucket (consumables: the window of the latest event); undefined when there is none. */
  usage(subscriptionId: string, feature: string, scope?: UsageScope): number | undefined;
  /** Overrides that were ignored (above their parent, not allowed at their level, …). */
  readonly warnings: readonly OverrideWarning[];
  /** Latest valid event instant seen (ms), for a default scenario end; undefined before any. */
  readonly lastEventAt: number | undefined;
}

/** Micro-units per unit: usage keeps 6 decimals (bucket.ts). */
const MICRO = 1_000_000;

/** A limit as decisions and reports show it. */
function reported(rule: FeatureRule, limit: number): ReportedLimit {
  if (rule.isSwitch) return limit > 0;
  return limit === Infinity ? 'unlimited' : limit;
}

/** Implementation of `Evaluator`; see `createEvaluator`. */
class EvaluatorImpl implements Evaluator {
  readonly warnings: OverrideWarning[] = [];
  /**
   * Latest valid event instant; -Infinity before any. A number field, not `number | undefined`:
   * V8 keeps a number-only field's double in place, where a mixed one boxes each new instant.
   */
  private latestAt = -Infinity;
  /** Every feature events may name, by code. */
  private readonly rules = new Map<string, FeatureRule>();
  /**
   * The same rules by the length of their code (see `ruleOf`); a length no code has is a hole.
   */
  private readonly rulesByLength: (FeatureRule[] | undefined)[] = [];
  /** Feature rules in index order (catalog order, then codes only packages know). */
  private readonly ruleList: FeatureRule[] = [];
  /** Subscriptions in scenario order. */
  private readonly subscriptions: SubscriptionState[] = [];
  /** Subscriptions by id. */
  private readonly subscriptionById = new Map<string, SubscriptionState>();
  /** Stream state by `external_subscription_id`, known or not. */
  private readonly streams = new Map<string, Stream<SubscriptionState>>();
  /** The same streams by index. */
  private readonly streamList: Stream<SubscriptionState>[] = [];
  /** Dedupe window in ms; 0 = no dedupe. */
  private readonly dedupeWindowMs: number;
  /** First instants of recent transaction ids (check 2). */
  private readonly recent: RecentTransactions;
  /** Idle time after which a use is over, in ms. */
  private readonly useIdleMs: number;
  /** The payload of the event being decided (refilled for each: no allocation per event). */
  private readonly payload = new Payload();
  /** Its buckets and what an add does there. */
  private readonly landing = new Landing();
  /** Decision counts. */
  private readonly tally: Tally = {
    events: 0,
    accepted: 0,
    overage: 0,
    denied: 0,
    byReason: {
      invalid: 0,
      duplicate: 0,
      out_of_order: 0,
      unknown_subscription: 0,
      unknown_feature: 0,
      inactive: 0,
      not_included: 0,
      over_limit: 0,
    },
  };

  constructor(manifest: EvaluatorManifest, subscriptions: readonly Subscription[], options: EvaluatorOptions) {
    const days = options.dedupeWindowDays ?? DEFAULT_DEDUPE_WINDOW_DAYS;
    if (!(days >= 0 && days < Infinity)) throw new EvaluatorInputError(`dedupeWindowDays must be a non-negative number, got ${days}`);
    this.dedupeWindowMs = days * DAY_MS;
    this.recent = new RecentTransactions(this.dedupeWindowMs);
    const idleDays = options.useIdleDays ?? DEFAULT_USE_IDLE_DAYS;
    if (!(idleDays > 0)) throw new EvaluatorInputError(`useIdleDays must be a positive number, got ${idleDays}`);
    this.useIdleMs = idleDays * DAY_MS;

    for (const def of manifest.catalog.features) this.addRule(featureRule(def, this.ruleList.length));
    const packages = new Map<string, EvaluatorPackage>();
    for (const pkg of manifest.packages) {
      packages.set(pkg.code, pkg);
      // A manifest is consistent with its catalog; this only keeps a hand-made one from crashing.
      for (const code of Object.keys(pkg.features)) {
        if (!this.rules.has(code)) this.addRule(featureRule(pkg.features[code]!, this.ruleList.length));
      }
    }

    const ids = new Set<string>();
    for (const sub of subscriptions) {
      if (ids.has(sub.id)) throw new EvaluatorInputError(`subscription \`${sub.id}\` is listed twice`);
      ids.add(sub.id);
      const moves = sub.migration?.at !== undefined;
      if ((sub.migration === undefined || moves) && !packages.has(sub.package)) {
        throw new EvaluatorInputError(`subscription \`${sub.id}\`: unknown package \`${sub.package}\``);
      }
      if (sub.migration !== undefined) {
        for (const code of Object.keys(sub.migration.from.features)) {
          if (!this.rules.has(code)) this.addRule(featureRule(sub.migration.from.features[code]!, this.ruleList.length));
        }
      }
      if (sub.seats !== undefined && !(Number.isInteger(sub.seats) && sub.seats >= 1)) {
        throw new EvaluatorInputError(`subscription \`${sub.id}\`: seats must be a positive integer, got ${sub.seats}`);
      }
      for (const [name, t] of [['starts_at', sub.starts_at], ['ends_at', sub.ends_at], ['cancel.at', sub.cancel?.at]] as const) {
        if (t !== undefined && !Number.isFinite(t)) throw new EvaluatorInputError(`subscription \`${sub.id}\`: ${name} is not a valid instant`);
      }
    }
    // The package a subscription starts on: its migration's, else the manifest's.
    const packageOf = (sub: Subscription): EvaluatorPackage => sub.migration?.from ?? packages.get(sub.package)!;
    const admissions = admit(subscriptions, packageOf);
    subscriptions.forEach((sub, i) => {
      const pkg = packageOf(sub);
      const seats = sub.seats ?? pkg.min_seats ?? 1;
      const { plans, warnings } = resolveFeatures(pkg, sub, this.rules, seats);
      this.warnings.push(...warnings);
      const terms = [termsOf(sub.starts_at, pkg, plans)];
      const at = sub.migration?.at;
      if (at !== undefined) {
        // Overrides were already checked against the first terms: warnings come once.
        const moved = resolveFeatures(packages.get(sub.package)!, sub, this.rules, seats);
        terms.push(termsOf(at, packages.get(sub.package)!, moved.plans));
      }
      const state = new SubscriptionState(sub.id, terms, admissions[i]!, seats);
      this.subscriptions.push(state);
      this.subscriptionById.set(sub.id, state);
    });
  }

  private addRule(rule: FeatureRule): void {
    this.rules.set(rule.code, rule);
    (this.rulesByLength[rule.code.length] ??= []).push(rule);
    this.ruleList.push(rule);
  }

  /**
   * The rule of an event's feature code. An event's code is a string `JSON.parse` has just made,
   * whose hash V8 computes on its first `Map` lookup (codes longer than 10 characters are not
   * internalised), so comparing it with the one or few codes of its length costs less; the map
   * when many codes share a length.
   */
  private ruleOf(code: string): FeatureRule | undefined {
    const rules = this.rulesByLength[code.length];
    if (rules === undefined) return undefined;
    if (rules.length > 4) return this.rules.get(code);
    for (let i = 0; i < rules.length; i++) if (rules[i]!.code === code) return rules[i];
    return undefined;
  }

  /**
   * Checks 1 to 4 (docs/simulation.md#what-each-event-gets), the envelope: its ids and instant,
   * a duplicate, out of order, an unknown subscription or feature. Then `evaluate`.
   */
  record(event: UsageEvent): Decision {
    this.tally.events++;
    // Events come from untrusted JSON: a line holding `5` or `null` is an invalid event.
    if (typeof event !== 'object' || event === null) return this.deny(undefined, 'invalid', undefined);
    const transactionId = event.transaction_id;
    const subscriptionId = event.external_subscription_id;
    const code = event.code;
    // Check 1: a malformed envelope.
    if (
      typeof transactionId !== 'string' ||
      transactionId === '' ||
      typeof subscriptionId !== 'string' ||
      subscriptionId === '' ||
      typeof code !== 'string' ||
      code === ''
    ) {
      return this.deny(this.featureOf(subscriptionId, code), 'invalid', undefined);
    }
    const t = parseTimestamp(event.timestamp);
    if (t !== t) return this.deny(this.featureOf(subscriptionId, code), 'invalid', undefined);
    if (t > this.latestAt) this.latestAt = t;

    let stream = this.streams.get(subscriptionId);
    if (stream === undefined) {
      stream = new Stream(this.streamList.length, this.subscriptionById.get(subscriptionId) ?? null);
      this.streams.set(subscriptionId, stream);
      this.streamList.push(stream);
    }
    // Check 2: a duplicate transaction.
    if (this.dedupeWindowMs > 0 && this.recent.isDuplicate(stream.index, transactionId, t, stream.latest)) {
      return this.deny(this.featureOf(subscriptionId, code), 'duplicate', t);
    }
    // Check 3: older than the subscription's latest event.
    if (t < stream.latest) return this.deny(this.featureOf(subscriptionId, code), 'out_of_order', t);
    stream.latest = t;
    // Check 4: unknown subscription, then unknown feature.
    const sub = stream.subscription;
    if (sub === null) return this.deny(undefined, 'unknown_subscription', t);
    const rule = this.ruleOf(code);
    if (rule === undefined) return this.deny(undefined, 'unknown_feature', t);
    return this.evaluate(sub, sub.feature(rule), event.properties, t);
  }

  /**
   * Checks 5 to 9 for an event of a known subscription and feature: the payload, the buckets it
   * lands in and the bounds it must keep there, the subscription's phase and the feature's
   * inclusion, then a remove or an add.
   */
  private evaluate(sub: SubscriptionState, f: FeatureState, rawProperties: unknown, t: number): Decision {
    // A migration's move (docs/simulation.md): from its instant on, the new terms' values apply.
    if (t >= sub.moveAt) sub.move();
    const rule = f.rule;
    const plan = f.plan;
    const payload = this.payload;
    const landing = this.landing;
    // Check 5: a malformed payload.
    const properties = payload.read(rule, plan, rawProperties);
    if (properties === null) return this.deny(f, 'invalid', t);
    landing.land(f, payload, properties, t, this.useIdleMs);
    const window = rule.consumable ? f.window : undefined;
    // Check 5, continued: a remove may not take count or sum usage below 0 in any bucket.
    if (payload.removing && rule.aggregation !== UNIQUE) {
      const underflow = landing.underflow(rule, payload);
      if (underflow !== null) {
        const level = underflow === landing.bucket ? 'subscription' : underflow === landing.accountBucket ? 'account' : 'room';
        const after = underflow.usageAfterRemove(rule.aggregation, payload.amount, payload.identity);
        return this.refuse(f, 'invalid', deniedAt('invalid', level, underflow.usage, after, undefined, window, t));
      }
    }
    // Check 5, continued: an add may not take a sum to Infinity in any bucket.
    if (!payload.removing && rule.aggregation === SUM && landing.overflows(payload)) return this.deny(f, 'invalid', t);
    // Check 6: the subscription is not in trial, active or grace (or was rejected).
    if (t < sub.activeFrom || t >= sub.activeUntil) return this.deny(f, 'inactive', t);
    // Check 7: not included, or a switch turned off at the event's account or room.
    if (!plan.included) return this.deny(f, 'not_included', t);
    if (rule.isSwitch && (payload.accountLimit === 0 || payload.roomLimit === 0)) {
      const level = payload.accountLimit === 0 ? 'account' : 'room';
      return this.refuse(f, 'not_included', deniedAt('not_included', level, undefined, undefined, false, undefined, t));
    }
    return payload.removing ? this.remove(f, window, t) : this.add(sub, f, window, t);
  }

  /** Check 9 for a remove that passed checks 5 to 7: apply it to every bucket it lands in. */
  private remove(f: FeatureState, window: Window | undefined, t: number): Decision {
    const rule = f.rule;
    const landing = this.landing;
    const before = landing.bucket.usage;
    landing.remove(rule.aggregation, this.payload);
    f.settleUse();
    f.accepted++;
    this.tally.accepted++;
    return accepted('subscription', before, landing.bucket.usage, reported(rule, f.plan.limit), window, t);
  }

  /**
   * Checks 8 and 9 for an add that passed checks 5 to 7: above a limit it is refused, or applied
   * as overage when the package allows it; within the limits it is applied. Alerts fire on the way.
   */
  private add(sub: SubscriptionState, f: FeatureState, window: Window | undefined, t: number): Decision {
    const rule = f.rule;
    const landing = this.landing;
    landing.measure(rule, f.plan, this.payload);
    const { after, exceeded, level, shownBefore, shownAfter } = landing;
    const limit = reported(rule, landing.limit);
    // What a subscription-level bucket is measured against for overage amounts and alerts: a
    // consumable's window against the subscription's limit, a use against its narrowest limit.
    const cap = rule.consumable ? f.plan.limit : landing.limit;
    if (exceeded && !sub.pkg.overages_enabled) {
      if (f.alerts.length > 0) fireAlerts(sub, f, t, after, cap, false, true);
      return this.refuse(f, 'over_limit', deniedAt('over_limit', level, shownBefore, shownAfter, limit, window, t));
    }

    // Check 9 (or overage): apply to every bucket the event lands in.
    const bucket = landing.bucket;
    landing.add(rule.aggregation, this.payload);
    if (after > f.peak) f.peak = after;
    // Overage units (docs/revenue.md): the rise of the subscription-level bucket's excess
    // high-water mark, in integer micro-units so that per-period sums add up exactly.
    let units = 0;
    if (after > cap && rule.quota && !rule.isSwitch) {
      const excess = Math.round(after * MICRO) - Math.round(cap * MICRO);
      if (excess > bucket.excess) {
        units = excess - bucket.excess;
        bucket.excess = excess;
        f.overageUnits += units;
        sub.accrue(f, t, units);
      }
    }
    if (!rule.consumable) f.settleUse();
    if ((exceeded || after * 100 >= f.alertPercent * cap) && f.alerts.length > 0) fireAlerts(sub, f, t, after, cap, true, exceeded);
    if (exceeded) {
      f.overage++;
      this.tally.overage++;
      return overage(level, shownBefore, shownAfter, limit, window, t, units / MICRO);
    }
    f.accepted++;
    this.tally.accepted++;
    return accepted(level, shownBefore, shownAfter, limit, window, t);
  }

  /** The feature state an early denial is counted against, when both ids are known. */
  private featureOf(subscriptionId: unknown, code: unknown): FeatureState | undefined {
    if (typeof subscriptionId !== 'string' || typeof code !== 'string') return undefined;
    const sub = this.subscriptionById.get(subscriptionId);
    const rule = this.rules.get(code);
    return sub === undefined || rule === undefined ? undefined : sub.feature(rule);
  }

  /** A denial without bucket details, counted against its feature when known. */
  private deny(f: FeatureState | undefined, reason: DenialReason, at: number | undefined): Decision {
    if (f !== undefined) f.denied++;
    this.count(reason);
    return denied(reason, at);
  }

  /** A denial with bucket details, counted against its feature. */
  private refuse(f: FeatureState, reason: DenialReason, decision: Decision): Decision {
    f.denied++;
    this.count(reason);
    return decision;
  }

  /** Count a denial in the totals. */
  private count(reason: DenialReason): void {
    this.tally.denied++;
    this.tally.byReason[reason]++;
  }

  get lastEventAt(): number | undefined {
    return this.latestAt === -Infinity ? undefined : this.latestAt;
  }

  report(end: number): SimulationReport {
    if (!Number.isFinite(end)) throw new RangeError(`report end must be a finite instant, got ${end}`);
    return buildReport(this.subscriptions, this.ruleList, this.tally, end);
  }

  chargeLines(end: number): ChargeLine[] {
    return this.subscriptions.flatMap((sub) => chargeLines(sub, end));
  }

  statusAt(subscriptionId: string, t: number): Phase | undefined {
    const sub = this.subscriptionById.get(subscriptionId);
    if (sub === undefined) return undefined;
    if (sub.rejected !== undefined) return t < sub.timeline.startsAt ? 'pending' : 'rejected';
    return phaseAt(sub.timeline, t);
  }

  usage(subscriptionId: string, feature: string, scope: UsageScope = {}): number | undefined {
    const sub = this.subscriptionById.get(subscriptionId);
    const rule = this.rules.get(feature);
    const f = sub !== undefined && rule !== undefined ? sub.features[rule.index] : undefined;
    if (f === undefined) return undefined;
    if (!f.rule.consumable) return scope.use === undefined ? undefined : f.useUsage(scope.use);
    if (scope.account !== undefined) return f.accountBuckets?.get(scope.account)?.usage;
    if (scope.room !== undefined) return f.roomBuckets?.get(scope.room)?.usage;
    return f.bucket.usage;
  }
}

/**
 * Create an evaluator over a compiled manifest and the subscriptions of a scenario. Admission,
 * timelines and feature values are settled here; events then arrive through `record`.
 * Throws `EvaluatorInputError` for an unknown package, a repeated subscription id or a bad instant.
 */
export function createEvaluator(
  manifest: EvaluatorManifest,
  subscriptions: readonly Subscription[],
  options: EvaluatorOptions = {},
): Evaluator {
  return new EvaluatorImpl(manifest, subscriptions, options);
}
