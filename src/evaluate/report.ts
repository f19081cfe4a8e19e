// The report data of SPEC §8.8, built from the evaluator's state as of a scenario end. JSON-ready
// (instants as ISO strings) and valid against schemas/simulation-report.schema.json.
import type { RejectionReason } from './admission.js';
import { DENIAL_REASONS, type DenialReason, type ReportedLimit } from './decision.js';
import type { FeatureRule } from './feature-rule.js';
import {
  chargesOf,
  lifecycleNotices,
  noCharges,
  phaseAt,
  phasesOf,
  type Charges,
  type Phase,
  type PhaseSpan,
} from './lifecycle.js';
import type { NotificationChannel, NotificationEvent } from './model.js';
import type { FeaturePlan } from './overrides.js';
import type { FeatureState, SubscriptionState } from './state.js';

/** Version of the report format. */
export const REPORT_FORMAT_VERSION = 1;

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

/** The simulation report (SPEC §8.8). */
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

/** Build the report as of `end` (exclusive, ms) without changing any state. */
export function buildReport(
  subscriptions: readonly SubscriptionState[],
  rules: readonly FeatureRule[],
  tally: Tally,
  end: number,
): SimulationReport {
  const byReason = {} as Record<DenialReason, number>;
  for (const reason of DENIAL_REASONS) byReason[reason] = tally.byReason[reason];
  return {
    format_version: REPORT_FORMAT_VERSION,
    end: isoOf(end),
    totals: { events: tally.events, accepted: tally.accepted, overage: tally.overage, denied: tally.denied, by_reason: byReason },
    subscriptions: subscriptions.map((sub) => subscriptionReport(sub, rules, end)),
  };
}

/** The report of one subscription. */
function subscriptionReport(sub: SubscriptionState, rules: readonly FeatureRule[], end: number): SubscriptionReport {
  const { timeline, pkg } = sub;
  const last = end - 1;
  let status: Phase;
  let phases: PhaseSpan[];
  let charges: Charges;
  const notifications: { at: number; report: NotificationReport }[] = [];
  if (sub.rejected !== undefined) {
    status = last < timeline.startsAt ? 'pending' : 'rejected';
    phases = timeline.startsAt < end ? [{ phase: 'rejected', start: timeline.startsAt, end }] : [];
    charges = noCharges(pkg);
  } else {
    status = phaseAt(timeline, last);
    phases = phasesOf(timeline, end);
    charges = chargesOf(pkg, timeline, end);
    for (const notice of lifecycleNotices(pkg, timeline, end)) {
      for (const pref of pkg.notification_preferences) {
        if (pref.event !== notice.event) continue;
        notifications.push({ at: notice.at, report: { event: notice.event, at: isoOf(notice.at), channels: [...pref.channels] } });
      }
    }
  }
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
  for (const plan of sub.plans.values()) features.push(featureReport(plan, sub.features[plan.rule.index], end));
  for (const rule of rules) {
    const state = sub.features[rule.index];
    if (state !== undefined && !state.listed) features.push(featureReport(state.plan, state, end));
  }

  return {
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
}

/** The report of one feature; `state` is undefined when no event named it. */
function featureReport(plan: FeaturePlan, state: FeatureState | undefined, end: number): FeatureReport {
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
    overage_amount: state?.overageAmount ?? 0,
  };
}
