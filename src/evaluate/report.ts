// The report data of docs/simulation.md#report, built from the evaluator's state as of a scenario end. JSON-ready
// (instants as ISO strings) and valid against schemas/simulation-report.schema.json.
import type { RejectionReason } from './admission.js';
import { DENIAL_REASONS, type DenialReason, type ReportedLimit } from './decision.js';
import type { FeatureRule } from './feature-rule.js';
import { chargesOf, currencyOf, lifecycleNotices, phaseAt, phasesOf, type Charges, type Phase, type PhaseSpan } from './lifecycle.js';
import { minorToNumber } from './money.js';
import { featureOverage } from './overage-charges.js';
import type { NotificationChannel, NotificationEvent } from './model.js';
import type { FeaturePlan } from './overrides.js';
import type { FeatureState, SubscriptionState } from './state.js';

/** Version of the report format. */
export const REPORT_FORMAT_VERSION = 2;

/** Decision counts over a whole run. */
export interface Tally {
  /** Events recorded. */
  events: number;
  /** Events applied within the limits. */
  accepted: number;
  /** Events applied above a limit. */
  overage: number;
  /** Events not applied. */
  denied: number;
  /** Denied events by reason. */
  byReason: Record<DenialReason, number>;
}

/** Totals of a report. */
export interface ReportTotals {
  /** Events recorded. */
  events: number;
  /** Events applied within the limits. */
  accepted: number;
  /** Events applied above a limit. */
  overage: number;
  /** Events not applied. */
  denied: number;
  /** Denied events by reason (every reason listed, 0 included). */
  by_reason: Record<DenialReason, number>;
  /** Money charged before the end, by currency code (`XXX`: charges of packages without a currency). */
  revenue: Record<string, Revenue>;
}

/** Money charged in one currency (docs/revenue.md). */
export interface Revenue {
  /** Signup fees. */
  signup_fees: number;
  /** Recurring prices. */
  recurring: number;
  /** Overage charged (unbilled overage excluded). */
  overage: number;
  /** The sum of the three. */
  total: number;
}

/** A phase of a subscription in the report. */
export interface PhaseReport {
  /** The phase. */
  phase: Exclude<Phase, 'pending'>;
  /** First instant (ISO 8601). */
  start: string;
  /** First instant after it, cut at the scenario end (ISO 8601). */
  end: string;
}

/** A notification that fired. */
export interface NotificationReport {
  /** What it is about. */
  event: NotificationEvent;
  /** The feature, for quota notifications. */
  feature?: string;
  /** When it fired (ISO 8601). */
  at: string;
  /** The threshold in percent, for `quota_threshold`. */
  threshold?: number;
  /** Where it is sent. */
  channels: NotificationChannel[];
}

/** Usage of one feature of one subscription. */
export interface FeatureReport {
  /** Feature code. */
  code: string;
  /** A number, `unlimited`, a switch's on/off, or false when not included. */
  limit: ReportedLimit;
  /** Consumables: usage of the window holding the last instant before the end; otherwise null. */
  usage: number | null;
  /** Highest usage of a subscription-level bucket (a window or a use). */
  peak: number;
  /** Events applied within the limit. */
  accepted: number;
  /** Events applied above the limit. */
  overage: number;
  /** Events not applied, whatever the reason. */
  denied: number;
  /** Sum over subscription-level buckets of their peak usage above the limit. */
  overage_amount: number;
  /** Overage charged for this feature before the end (unbilled periods excluded), in the subscription's currency. */
  overage_charge: number;
}

/** One subscription in the report. */
export interface SubscriptionReport {
  /** Subscription id. */
  id: string;
  /** Package code. */
  package: string;
  /** Phase at the last instant before the end. */
  status_at_end: Phase;
  /** Why the subscription was rejected, when it was. */
  rejected_reason?: RejectionReason;
  /** Admitted beyond the package's stock. */
  oversold: boolean;
  /** Phases from the start, cut at the end. */
  phases: PhaseReport[];
  /** What was charged before the end. */
  charges: Charges;
  /** Notifications in time order. */
  notifications: NotificationReport[];
  /** The subscription's features, then other catalog features that received events. */
  features: FeatureReport[];
}

/** The simulation report (docs/simulation.md#report). */
export interface SimulationReport {
  /** Version of this format. */
  format_version: typeof REPORT_FORMAT_VERSION;
  /** The scenario end, exclusive (ISO 8601). */
  end: string;
  /** Counts over every event. */
  totals: ReportTotals;
  /** Every subscription, in scenario order. */
  subscriptions: SubscriptionReport[];
}

/** ISO 8601 form of an instant. */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

/** Money of one subscription or one currency, exact, in minor units. */
interface Money {
  signupFee: bigint;
  recurring: bigint;
  overage: bigint;
}

/** Build the report as of `end` (exclusive, ms) without changing any state. */
export function buildReport(
  subscriptions: readonly SubscriptionState[],
  rules: readonly FeatureRule[],
  tally: Tally,
  end: number,
): SimulationReport {
  const byReason = {} as Record<DenialReason, number>;
  for (const reason of DENIAL_REASONS) byReason[reason] = tally.byReason[reason];
  // Revenue is summed in exact minor units, then shown (docs/revenue.md).
  const money = new Map<string, Money>();
  const reports = subscriptions.map((sub) => {
    const { report, exact } = subscriptionReport(sub, rules, end);
    if (exact.signupFee !== 0n || exact.recurring !== 0n || exact.overage !== 0n) {
      const key = report.charges.currency ?? NO_CURRENCY;
      const sum = money.get(key) ?? { signupFee: 0n, recurring: 0n, overage: 0n };
      sum.signupFee += exact.signupFee;
      sum.recurring += exact.recurring;
      sum.overage += exact.overage;
      money.set(key, sum);
    }
    return report;
  });
  const revenue: Record<string, Revenue> = {};
  for (const key of [...money.keys()].sort()) {
    const sum = money.get(key)!;
    const currency = key === NO_CURRENCY ? null : key;
    revenue[key] = {
      signup_fees: minorToNumber(sum.signupFee, currency),
      recurring: minorToNumber(sum.recurring, currency),
      overage: minorToNumber(sum.overage, currency),
      total: minorToNumber(sum.signupFee + sum.recurring + sum.overage, currency),
    };
  }
  return {
    format_version: REPORT_FORMAT_VERSION,
    end: isoOf(end),
    totals: { events: tally.events, accepted: tally.accepted, overage: tally.overage, denied: tally.denied, by_reason: byReason, revenue },
    subscriptions: reports,
  };
}

/** The revenue key of charges in no currency (ISO 4217 "no currency"). */
export const NO_CURRENCY = 'XXX';

/** The report of one subscription, and its money exact. */
function subscriptionReport(sub: SubscriptionState, rules: readonly FeatureRule[], end: number): { report: SubscriptionReport; exact: Money } {
  const { timeline, terms } = sub;
  const pkg = terms[0]!.pkg;
  const currency = currencyOf(terms);
  const last = end - 1;
  let status: Phase;
  let phases: PhaseSpan[];
  const exact: Money = { signupFee: 0n, recurring: 0n, overage: 0n };
  let periods = 0;
  let unbilled = 0n;
  const overageCharges = new Map<FeatureState, bigint>();
  const notifications: { at: number; report: NotificationReport }[] = [];
  if (sub.rejected !== undefined) {
    status = last < timeline.startsAt ? 'pending' : 'rejected';
    phases = timeline.startsAt < end ? [{ phase: 'rejected', start: timeline.startsAt, end }] : [];
  } else {
    status = phaseAt(timeline, last);
    phases = phasesOf(timeline, end);
    const base = chargesOf(terms, timeline, end, sub.seats);
    exact.signupFee = base.signupFee;
    exact.recurring = base.recurring;
    periods = base.periods;
    for (const state of sub.features) {
      if (state === undefined || state.accruals === null) continue;
      const overage = featureOverage(state.rule.code, state.accruals, terms, timeline, end, currency);
      exact.overage += overage.charged;
      unbilled += overage.unbilled;
      overageCharges.set(state, overage.charged);
    }
    for (const notice of lifecycleNotices(pkg, timeline, end)) {
      for (const pref of pkg.notification_preferences) {
        if (pref.event !== notice.event) continue;
        notifications.push({ at: notice.at, report: { event: notice.event, at: isoOf(notice.at), channels: [...pref.channels] } });
      }
    }
  }
  const charges: Charges = {
    currency,
    seats: pkg.price_per === 'seat' ? sub.seats : 1,
    signup_fee: minorToNumber(exact.signupFee, currency),
    periods,
    recurring: minorToNumber(exact.recurring, currency),
    overage: minorToNumber(exact.overage, currency),
    unbilled_overage: minorToNumber(unbilled, currency),
    total: minorToNumber(exact.signupFee + exact.recurring + exact.overage, currency),
  };
  const charged = (state: FeatureState | undefined): number =>
    state === undefined ? 0 : minorToNumber(overageCharges.get(state) ?? 0n, currency);
  for (const notice of sub.notices) {
    const report: NotificationReport = {
      event: notice.event,
      feature: notice.feature,
      at: isoOf(notice.at),
      ...(notice.threshold === undefined ? {} : { threshold: notice.threshold }),
      channels: [...notice.channels],
    };
    notifications.push({ at: notice.at, report });
  }
  // Stable: same-instant notifications keep lifecycle first, then event order.
  notifications.sort((a, b) => a.at - b.at);

  const features: FeatureReport[] = [];
  for (const plan of sub.plans.values()) {
    const state = sub.features[plan.rule.index];
    features.push(featureReport(state?.plan ?? plan, state, end, charged(state)));
  }
  for (const rule of rules) {
    const state = sub.features[rule.index];
    if (state !== undefined && !state.listed) features.push(featureReport(state.plan, state, end, charged(state)));
  }

  const report: SubscriptionReport = {
    id: sub.id,
    package: pkg.code,
    status_at_end: status,
    ...(sub.rejected === undefined ? {} : { rejected_reason: sub.rejected }),
    oversold: sub.oversold,
    phases: phases.map((span) => ({ phase: span.phase, start: isoOf(span.start), end: isoOf(span.end) })),
    charges,
    notifications: notifications.map((n) => n.report),
    features,
  };
  return { report, exact };
}

/** The report of one feature; `state` is undefined when no event named it. */
function featureReport(plan: FeaturePlan, state: FeatureState | undefined, end: number, overageCharge: number): FeatureReport {
  const rule = plan.rule;
  const limit: ReportedLimit = !plan.included ? false : rule.isSwitch ? true : plan.limit === Infinity ? 'unlimited' : plan.limit;
  let usage: number | null = null;
  if (rule.consumable) {
    const window = state?.window;
    usage = window !== undefined && window.start <= end - 1 && end - 1 < window.end ? state!.bucket.usage : 0;
  }
  return {
    code: rule.code,
    limit,
    usage,
    peak: state?.peak ?? 0,
    accepted: state?.accepted ?? 0,
    overage: state?.overage ?? 0,
    denied: state?.denied ?? 0,
    overage_amount: (state?.overageUnits ?? 0) / 1_000_000,
    overage_charge: overageCharge,
  };
}
