// A subscription's lifecycle (SPEC §8.7): trial, paid periods, end of access, grace, suspension.
// Everything here follows from the package and the subscription alone — never from events — so
// it is computed once, up front, and the hot loop only compares an instant with two numbers.
import { DAY_MS, addInterval, intervalIndex, windowAt } from './calendar.js';
import type { EvaluatorPackage, Subscription } from './model.js';

/** The phase a subscription is in at an instant. */
export type Phase = 'pending' | 'trial' | 'active' | 'grace' | 'suspended' | 'rejected';

/** The key instants of an admitted subscription, in epoch milliseconds. */
export interface Timeline {
  /** Start of the subscription (and of its trial, if any). */
  readonly startsAt: number;
  /** End of the trial as the package defines it; `startsAt` when there is no trial. */
  readonly trialEnd: number;
  /** Anchor of the billing periods: the trial's end for an `outside` trial, else `startsAt`. */
  readonly periodAnchor: number;
  /** End of access (fixed term or cancellation); Infinity when the subscription runs on. */
  readonly accessEnd: number;
  /** End of the grace that follows the end of access; Infinity when access never ends. */
  readonly graceEnd: number;
}

/** The timeline of a subscription to a package. */
export function timelineOf(pkg: EvaluatorPackage, sub: Subscription): Timeline {
  const startsAt = sub.starts_at;
  const trialEnd = pkg.trial_period > 0 ? addInterval(startsAt, pkg.trial_interval, pkg.trial_period) : startsAt;
  const periodAnchor = pkg.trial_mode === 'outside' ? trialEnd : startsAt;
  let accessEnd = sub.ends_at ?? Infinity;
  if (sub.cancel) {
    // A cancellation requested before the start acts at the start.
    const at = Math.max(sub.cancel.at, startsAt);
    let cancelEnd: number;
    if (sub.cancel.mode === 'immediate') cancelEnd = at;
    else if (at < periodAnchor) cancelEnd = periodAnchor; // during an `outside` trial: when the trial ends
    else cancelEnd = windowAt(periodAnchor, pkg.periodicity_type, pkg.periodicity, at).end;
    accessEnd = Math.min(accessEnd, cancelEnd);
  }
  accessEnd = Math.max(accessEnd, startsAt);
  const graceEnd =
    accessEnd === Infinity ? Infinity : addInterval(accessEnd, pkg.grace_interval, pkg.grace_period);
  return { startsAt, trialEnd, periodAnchor, accessEnd, graceEnd };
}

/** The phase of an admitted subscription at instant `t`. */
export function phaseAt(timeline: Timeline, t: number): Phase {
  if (t < timeline.startsAt) return 'pending';
  if (t < Math.min(timeline.trialEnd, timeline.accessEnd)) return 'trial';
  if (t < timeline.accessEnd) return 'active';
  if (t < timeline.graceEnd) return 'grace';
  return 'suspended';
}

/** A stretch of time spent in one phase, in epoch milliseconds. */
export interface PhaseSpan {
  /** The phase. */
  phase: Exclude<Phase, 'pending'>;
  /** First instant of the phase. */
  start: number;
  /** First instant after the phase, cut at the scenario's end. */
  end: number;
}

/** The phases of an admitted subscription from its start, cut at the scenario's `end`. */
export function phasesOf(timeline: Timeline, end: number): PhaseSpan[] {
  const trialUntil = Math.min(timeline.trialEnd, timeline.accessEnd);
  const candidates: PhaseSpan[] = [
    { phase: 'trial', start: timeline.startsAt, end: trialUntil },
    { phase: 'active', start: trialUntil, end: timeline.accessEnd },
    { phase: 'grace', start: timeline.accessEnd, end: timeline.graceEnd },
    { phase: 'suspended', start: timeline.graceEnd, end: Infinity },
  ];
  const spans: PhaseSpan[] = [];
  for (const span of candidates) {
    if (span.end > span.start && span.start < end) spans.push({ ...span, end: Math.min(span.end, end) });
  }
  return spans;
}

/** What a subscription is charged up to the scenario's end (SPEC §8.7). */
export interface Charges {
  /** The package's currency (null when it has none). */
  currency: string | null;
  /** The signup fee charged at the start (0 if not charged). */
  signup_fee: number;
  /** How many billing periods were charged. */
  periods: number;
  /** `periods` × price. */
  recurring: number;
  /** `signup_fee` + `recurring`. */
  total: number;
}

/** Money keeps 4 decimals (prices have at most 4): products and sums must not show binary noise. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 10_000) / 10_000;
}

/** No charge at all, in the package's currency (for rejected subscriptions). */
export function noCharges(pkg: EvaluatorPackage): Charges {
  return { currency: pkg.currency, signup_fee: 0, periods: 0, recurring: 0, total: 0 };
}

/**
 * Charges of an admitted subscription up to `end`. The signup fee is due at the start; the price
 * once per billing period not entirely covered by the trial, due at the later of the period's
 * start and the trial's end. A charge counts when it is due before the end of access and before
 * `end`. Periods are counted, not enumerated, so a long daily scenario costs nothing more.
 */
export function chargesOf(pkg: EvaluatorPackage, timeline: Timeline, end: number): Charges {
  const until = Math.min(timeline.accessEnd, end);
  const signupFee = timeline.startsAt < until ? pkg.signup_fee : 0;
  const { periodAnchor, trialEnd } = timeline;
  // The first period not entirely covered by the trial: for an `inside` trial, the one holding the
  // trial's end; an `outside` trial precedes every period, so it is the first.
  const first = trialEnd > periodAnchor ? intervalIndex(periodAnchor, pkg.periodicity_type, pkg.periodicity, trialEnd) : 0;
  const firstDue = Math.max(addInterval(periodAnchor, pkg.periodicity_type, first * pkg.periodicity), trialEnd);
  let periods = 0;
  if (firstDue < until) {
    // Periods after the first are due at their start; instants are whole milliseconds, so "starts
    // before `until`" is "the period holding `until - 1`".
    const last = intervalIndex(periodAnchor, pkg.periodicity_type, pkg.periodicity, until - 1);
    periods = last - first + 1;
  }
  const recurring = roundMoney(periods * pkg.price);
  return {
    currency: pkg.currency,
    signup_fee: signupFee,
    periods,
    recurring,
    total: roundMoney(signupFee + recurring),
  };
}

/** A lifecycle notification due at an instant (trial ending, grace started, suspended). */
export interface LifecycleNotice {
  /** Which lifecycle event. */
  event: 'trial_ending' | 'grace_started' | 'suspended';
  /** When it fires (ms). */
  at: number;
}

/** How long before the trial's end `trial_ending` fires. */
const TRIAL_ENDING_NOTICE_MS = 3 * DAY_MS;

/**
 * Lifecycle notices of an admitted subscription before `end`. `trial_ending` fires 3 days before
 * the trial ends (at the start for a shorter trial) unless access ended first; `grace_started`
 * when a non-empty grace begins; `suspended` when the subscription becomes suspended.
 */
export function lifecycleNotices(pkg: EvaluatorPackage, timeline: Timeline, end: number): LifecycleNotice[] {
  const notices: LifecycleNotice[] = [];
  if (pkg.trial_period > 0) {
    const at = Math.max(timeline.startsAt, timeline.trialEnd - TRIAL_ENDING_NOTICE_MS);
    if (at < Math.min(timeline.trialEnd, timeline.accessEnd) && at < end) notices.push({ event: 'trial_ending', at });
  }
  if (timeline.graceEnd > timeline.accessEnd && timeline.accessEnd < end) {
    notices.push({ event: 'grace_started', at: timeline.accessEnd });
  }
  if (timeline.graceEnd < end) notices.push({ event: 'suspended', at: timeline.graceEnd });
  return notices;
}
