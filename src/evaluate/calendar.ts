// UTC calendar arithmetic for recurring intervals (docs/simulation.md#time). Every boundary is computed from the
// anchor (`A + k·n units`), never chained from the previous one, so month clamping cannot drift:
// Jan 31 → Feb 28/29 → Mar 31. Pure integer arithmetic on epoch milliseconds, no `Date` objects,
// so years 0–99 are not remapped to the 1900s as `Date.UTC` would.
import type { IntervalUnit, ResetUnit } from './model.js';

/** Milliseconds in one UTC day (UTC has no daylight saving). */
export const DAY_MS = 86_400_000;

/** A half-open span of time `[start, end)` in epoch milliseconds. */
export interface Window {
  /** First instant inside the window. */
  readonly start: number;
  /** First instant after the window (`Infinity` for a window that never ends). */
  readonly end: number;
}

/** A window of a recurring interval, with its position relative to the anchor. */
export interface IndexedWindow extends Window {
  /** k in `[A + k·n, A + (k+1)·n)`; negative before the anchor. */
  readonly index: number;
}

/** The calendar date of a day number (days since 1970-01-01). */
interface CivilDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The proleptic Gregorian date of a day number (H. Hinnant's `civil_from_days`). */
function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Whether a year of the proleptic Gregorian calendar has a Feb 29. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1..12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `anchor` plus `months` calendar months, clamping to the month's last day, keeping the time of day. */
function addMonths(anchor: number, months: number): number {
  const dayNumber = Math.floor(anchor / DAY_MS);
  const timeOfDay = anchor - dayNumber * DAY_MS;
  const { year, month, day } = civilFromDays(dayNumber);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = total - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return daysFromCivil(targetYear, targetMonth, targetDay) * DAY_MS + timeOfDay;
}

/** Months between the calendar months of two instants, ignoring the day (for a first guess). */
function monthDistance(from: number, to: number): number {
  const a = civilFromDays(Math.floor(from / DAY_MS));
  const b = civilFromDays(Math.floor(to / DAY_MS));
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** Length of one unit in months, or 0 for units of fixed length. */
function monthsPerUnit(unit: IntervalUnit): number {
  return unit === 'month' ? 1 : unit === 'year' ? 12 : 0;
}

/** Length of one unit in milliseconds, for units of fixed length. */
function fixedUnitMs(unit: IntervalUnit): number {
  return unit === 'week' ? 7 * DAY_MS : DAY_MS;
}

/** `anchor + count` units: the k-th boundary of an interval is `addInterval(A, unit, k·n)`. */
export function addInterval(anchor: number, unit: IntervalUnit, count: number): number {
  const months = monthsPerUnit(unit);
  if (months > 0) return addMonths(anchor, count * months);
  return anchor + count * fixedUnitMs(unit);
}

/**
 * The k with `A + k·n ≤ t < A + (k+1)·n` (negative before the anchor). Computed directly, then
 * corrected by at most a step or two for month clamping, so it costs the same for any distance.
 */
export function intervalIndex(anchor: number, unit: IntervalUnit, every: number, t: number): number {
  const months = monthsPerUnit(unit);
  if (months === 0) return Math.floor((t - anchor) / (every * fixedUnitMs(unit)));
  const step = every * months;
  let k = Math.floor(monthDistance(anchor, t) / step);
  while (addMonths(anchor, k * step) > t) k--;
  while (addMonths(anchor, (k + 1) * step) <= t) k++;
  return k;
}

/**
 * The window `[A + k·n, A + (k+1)·n)` that contains `t`. With `every` 0 the interval never
 * recurs: one window `[A, ∞)` from the anchor on (and `(-∞, A)` before it), so windows still tile.
 */
export function windowAt(anchor: number, unit: IntervalUnit, every: number, t: number): IndexedWindow {
  if (every === 0) {
    return t >= anchor
      ? { start: anchor, end: Infinity, index: 0 }
      : { start: -Infinity, end: anchor, index: -1 };
  }
  const index = intervalIndex(anchor, unit, every, t);
  return {
    start: addInterval(anchor, unit, index * every),
    end: addInterval(anchor, unit, (index + 1) * every),
    index,
  };
}

/** The interval unit of a feature's reset unit (`monthly` → `month`). */
export function resetUnit(unit: ResetUnit): IntervalUnit {
  switch (unit) {
    case 'daily':
      return 'day';
    case 'weekly':
      return 'week';
    case 'monthly':
      return 'month';
    case 'yearly':
      return 'year';
  }
}
