// Ordering lengths of time written in different units: billing cycles, trials, grace, reset windows.
import type { IntervalUnit, ResetUnit } from './model.js';

/** A length of time as a package writes it. */
export interface Duration {
  /** How many units; for reset windows 0 means "never resets" (endless). */
  readonly count: number;
  /** The unit. */
  readonly unit: IntervalUnit;
}

// The Gregorian average, so 12 months and 1 year compare equal.
const DAYS_PER_MONTH = 365.2425 / 12;

/** Days and months in a duration: exact as long as both sides use the same kind of unit. */
function parts(d: Duration): { days: number; months: number } {
  switch (d.unit) {
    case 'day':
      return { days: d.count, months: 0 };
    case 'week':
      return { days: 7 * d.count, months: 0 };
    case 'month':
      return { days: 0, months: d.count };
    case 'year':
      return { days: 0, months: 12 * d.count };
  }
}

/** Approximate length in days (months at their Gregorian average). */
export function approximateDays(d: Duration): number {
  const { days, months } = parts(d);
  return days + months * DAYS_PER_MONTH;
}

/**
 * -1, 0 or 1 as `a` is shorter than, as long as, or longer than `b`. Day/week against day/week and
 * month/year against month/year compare exactly; mixed units compare by the average month.
 */
export function compareDurations(a: Duration, b: Duration): -1 | 0 | 1 {
  const pa = parts(a);
  const pb = parts(b);
  const exact = (pa.months === 0 && pb.months === 0) || (pa.days === 0 && pb.days === 0);
  const x = exact ? pa.days + pa.months : approximateDays(a);
  const y = exact ? pb.days + pb.months : approximateDays(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const RESET_TO_INTERVAL: Readonly<Record<ResetUnit, IntervalUnit>> = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  yearly: 'year',
};

/** A feature's reset window as a duration, or null when it never resets (periodicity 0). */
export function resetWindow(periodicity: number, unit: ResetUnit): Duration | null {
  return periodicity === 0 ? null : { count: periodicity, unit: RESET_TO_INTERVAL[unit] };
}

/** Compare reset windows, where null (never resets) is longer than any window. */
export function compareResetWindows(a: Duration | null, b: Duration | null): -1 | 0 | 1 {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareDurations(a, b);
}
