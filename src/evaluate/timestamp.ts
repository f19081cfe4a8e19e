// Event timestamps (docs/simulation.md#running-a-scenario-svcpkg-simulate): an ISO 8601 string with a zone, or Unix seconds (a number or a
// numeric string, possibly fractional). Parsed by hand because this runs once per event: no
// regular expression, no `Date`, no allocation; a bad timestamp yields NaN rather than throwing.
import { DAY_MS, daysFromCivil, daysInMonth } from './calendar.js';

/** The largest distance from the epoch an ECMAScript time value may have (±100,000,000 days). */
const MAX_TIME_MS = 8.64e15;

/** Code of the character `0`. */
const ZERO = 48;

/**
 * The last valid date parsed (as `year · 10⁴ + month · 10² + day`) and its day number: events come
 * in time order, so most share their date with the one before, and a date needs a calendar check
 * and a division-heavy day count. Module state, but a pure cache: same inputs, same outputs.
 */
let lastDate = -1;
let lastDays = 0;

/** The day number of a date, or NaN when there is no such date (`2023-02-29`). */
function dayNumber(year: number, month: number, day: number): number {
  const date = year * 10_000 + month * 100 + day;
  if (date === lastDate) return lastDays;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  lastDate = date;
  return (lastDays = daysFromCivil(year, month, day));
}

/** The value of the two decimal digits at `i`, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - ZERO;
  const b = s.charCodeAt(i + 1) - ZERO;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

/**
 * Epoch milliseconds of `YYYY-MM-DDTHH:MM[:SS[.fff…]](Z|±HH[:MM])`, or NaN. `T` may be `t` or a
 * space (RFC 3339); digits beyond milliseconds are truncated. A zone is required: an instant
 * without one is ambiguous.
 */
export function parseIsoInstant(s: string): number {
  const length = s.length;
  if (length < 17) return NaN;
  const century = twoDigits(s, 0);
  const yearOfCentury = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const separator = s.charCodeAt(10);
  if (
    century < 0 ||
    yearOfCentury < 0 ||
    s.charCodeAt(4) !== 45 /* - */ ||
    s.charCodeAt(7) !== 45 /* - */ ||
    (separator !== 84 /* T */ && separator !== 116 /* t */ && separator !== 32) /* space */ ||
    s.charCodeAt(13) !== 58 /* : */
  ) {
    return NaN;
  }
  // twoDigits gives -1 for a non-digit: `hour < 0` and `minute < 0` refuse `T1x:00`.
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  const days = dayNumber(century * 100 + yearOfCentury, month, day);
  if (days !== days) return NaN;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (s.charCodeAt(i) === 58 /* : */) {
    second = twoDigits(s, i + 1);
    if (second < 0 || second > 59) return NaN;
    i += 3;
    const mark = s.charCodeAt(i);
    if (mark === 46 /* . */ || mark === 44 /* , */) {
      i++;
      const first = i;
      let scale = 100;
      for (let c = s.charCodeAt(i) - ZERO; c >= 0 && c <= 9; c = s.charCodeAt(i) - ZERO) {
        millis += c * scale;
        scale /= 10;
        i++;
      }
      if (i === first) return NaN;
      millis = Math.floor(millis);
    }
  }
  let offsetMinutes = 0;
  const zone = s.charCodeAt(i);
  if (zone === 90 /* Z */ || zone === 122 /* z */) {
    i++;
  } else if (zone === 43 /* + */ || zone === 45 /* - */) {
    const offsetHour = twoDigits(s, i + 1);
    if (offsetHour < 0 || offsetHour > 23) return NaN;
    i += 3;
    let offsetMinute = 0;
    if (i < length) {
      if (s.charCodeAt(i) === 58 /* : */) i++;
      offsetMinute = twoDigits(s, i);
      if (offsetMinute < 0 || offsetMinute > 59) return NaN;
      i += 2;
    }
    offsetMinutes = (offsetHour * 60 + offsetMinute) * (zone === 43 ? 1 : -1);
  } else {
    return NaN;
  }
  if (i !== length) return NaN;
  return (
    days * DAY_MS +
    hour * 3_600_000 +
    (minute - offsetMinutes) * 60_000 +
    second * 1000 +
    millis
  );
}

/** Whether `s` is a plain decimal number: optional minus, digits, optional fraction. */
function isDecimal(s: string): boolean {
  const length = s.length;
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const first = i;
  while (i < length && s.charCodeAt(i) >= ZERO && s.charCodeAt(i) <= ZERO + 9) i++;
  if (i === first) return false;
  if (i === length) return true;
  if (s.charCodeAt(i) !== 46 /* . */) return false;
  const fraction = ++i;
  while (i < length && s.charCodeAt(i) >= ZERO && s.charCodeAt(i) <= ZERO + 9) i++;
  return i > fraction && i === length;
}

/** Epoch milliseconds of Unix seconds, rounded to the millisecond (binary fractions are inexact). */
function fromUnixSeconds(seconds: number): number {
  const ms = Math.round(seconds * 1000);
  return ms >= -MAX_TIME_MS && ms <= MAX_TIME_MS ? ms : NaN;
}

/**
 * Epoch milliseconds of an event's `timestamp`, or NaN when it is missing or malformed.
 * Accepted: a finite number of Unix seconds, a decimal string of Unix seconds (Lago sends both),
 * or an ISO 8601 / RFC 3339 date-time with a zone.
 */
export function parseTimestamp(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? fromUnixSeconds(value) : NaN;
  if (typeof value !== 'string') return NaN;
  if (value.length >= 17 && value.charCodeAt(4) === 45 /* - */) {
    const ms = parseIsoInstant(value);
    return ms >= -MAX_TIME_MS && ms <= MAX_TIME_MS ? ms : NaN;
  }
  return value.length > 0 && value.length <= 24 && isDecimal(value) ? fromUnixSeconds(Number(value)) : NaN;
}
