// A subscription's lifecycle (docs/simulation.md#lifecycle): trial, paid periods, end of access, grace, suspension.
// Everything here follows from the package and the subscription alone — never from events — so
// it is computed once, up front, and the hot loop only compares an instant with two numbers.
import { DAY_MS, addInterval, intervalIndex, windowAt } from './calendar.js';
import type { EvaluatorPackage, Subscription } from './model.js';
import { PRICE_DECIMALS, currencyExponent, numberToMinor, rescale, scaled } from './money.js';
import type { Terms } from './terms.js';

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

/** What a subscription is charged up to the scenario's end (docs/simulation.md#lifecycle, docs/revenue.md), as report numbers. */
export interface Charges {
  /** The package's currency (null when it has none). */
  currency: string | null;
  /** Seats the recurring price is multiplied by (1 unless the price is per seat). */
  seats: number;
  /** The signup fee charged at the start (0 if not charged). */
  signup_fee: number;
  /** How many billing periods were charged. */
  periods: number;
  /** The periods' prices (× seats for a per-seat price), each rounded to the minor unit. */
  recurring: number;
  /** Overage charged before the end: one rounded line per feature and billing period. */
  overage: number;
  /** Overage of periods whose charge falls at or after the end (not in `total`). */
  unbilled_overage: number;
  /** `signup_fee` + `recurring` + `overage`. */
  total: number;
}

/** The recurring and signup part of a subscription's charges, exact, in minor units of `currency`. */
export interface BaseCharges {
  /** The currency of the amounts. */
  currency: string | null;
  /** The signup fee (minor units). */
  signupFee: bigint;
  /** Billing periods charged. */
  periods: number;
  /** Their prices (minor units). */
  recurring: bigint;
}

/** The currency of a subscription's charges: the first of its terms' packages that has one. */
export function currencyOf(terms: readonly Terms[]): string | null {
  for (const t of terms) if (t.pkg.currency !== null) return t.pkg.currency;
  return null;
}

/** The price of one billing period of a package for `seats` seats, rounded to the minor unit. */
export function periodPrice(pkg: EvaluatorPackage, seats: number, currency: string | null): bigint {
  const price = scaled(pkg.price, PRICE_DECIMALS);
  const perSeat = pkg.price_per === 'seat';
  return rescale(perSeat ? price * BigInt(seats) : price, PRICE_DECIMALS, currencyExponent(currency));
}

/**
 * Recurring and signup charges of an admitted subscription up to `end`. The signup fee (of the
 * first terms) is due at the start; the price once per billing period not entirely covered by
 * the trial, due at the later of the period's start and the trial's end, at the price of the
 * terms in force at that instant (a move never prorates). A charge counts when it is due before
 * the end of access and before `end`. Periods are counted, not enumerated, so a long daily
 * scenario costs nothing more.
 */
export function chargesOf(terms: readonly Terms[], timeline: Timeline, end: number, seats: number): BaseCharges {
  const pkg = terms[0]!.pkg;
  const currency = currencyOf(terms);
  const until = Math.min(timeline.accessEnd, end);
  const signupFee = timeline.startsAt < until ? numberToMinor(pkg.signup_fee, currency) : 0n;
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
  /** How many of the charged periods are due before instant `m`. */
  const dueBefore = (m: number): number => {
    if (m === Infinity) return periods;
    if (periods === 0 || m <= firstDue) return 0;
    return Math.min(periods, intervalIndex(periodAnchor, pkg.periodicity_type, pkg.periodicity, m - 1) - first + 1);
  };
  let recurring = 0n;
  for (let i = 0; i < terms.length; i++) {
    const count = dueBefore(terms[i + 1]?.from ?? Infinity) - (i === 0 ? 0 : dueBefore(terms[i]!.from));
    if (count > 0) recurring += BigInt(count) * periodPrice(terms[i]!.pkg, seats, currency);
  }
  return { currency, signupFee, periods, recurring };
}

/**
 * When the overage of billing period `period` is charged: at the period's end, or at the end of
 * access when that comes first; a period that starts after access ended (usage during grace) at its end.
 */
export function overageDueAt(pkg: EvaluatorPackage, timeline: Timeline, period: number): number {
  const start = addInterval(timeline.periodAnchor, pkg.periodicity_type, period * pkg.periodicity);
  const periodEnd = addInterval(timeline.periodAnchor, pkg.periodicity_type, (period + 1) * pkg.periodicity);
  return start >= timeline.accessEnd ? periodEnd : Math.min(periodEnd, timeline.accessEnd);
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
