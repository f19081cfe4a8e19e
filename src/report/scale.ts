// Axes of the charts: "nice" usage ticks (1, 2, 2.5, 5 × 10^k) and calendar time ticks (hours,
// days, weeks from Monday, months, years — all UTC, like every instant in svcpkg).
import { DAY_MS } from '../evaluate/index.js';

const HOUR_MS = 3_600_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A number for an axis or a label: digits grouped by thousands, at most 4 decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  const [whole = '0', fraction] = String(Math.round(Math.abs(n) * 1e4) / 1e4).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Ticks from 0 to at least `max`, about `count` of them, on a 1-2-2.5-5 progression. */
export function usageTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const value = Math.round(i * step * 1e6) / 1e6;
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}

/** A time tick: its instant and label. */
export interface TimeTick {
  /** Instant (ms). */
  t: number;
  /** Label: `Jan 5`, `Mar 2026`, `Jan 5 09:00`. */
  label: string;
}

/** Date parts of an instant (UTC). */
function parts(t: number): { y: number; m: number; d: number; h: number; min: number } {
  const date = new Date(t);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate(), h: date.getUTCHours(), min: date.getUTCMinutes() };
}

/** `Jan 5`, with the year when asked. */
export function dayLabel(t: number, withYear = false): string {
  const p = parts(t);
  return `${MONTHS[p.m]} ${p.d}${withYear ? `, ${p.y}` : ''}`;
}

/** `2026-03-02 16:04:10` (UTC), for tooltips; midnight shows the date alone. */
export function instantLabel(t: number): string {
  const iso = new Date(t).toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, iso.endsWith('.000Z') ? 19 : 23)} UTC`;
}

/** Steps tried, smallest first: fixed lengths, then months. */
const FIXED_STEPS = [HOUR_MS, 3 * HOUR_MS, 6 * HOUR_MS, 12 * HOUR_MS, DAY_MS, 2 * DAY_MS, 7 * DAY_MS, 14 * DAY_MS];
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120];

/** Ticks inside [start, end] at a calendar step giving at most `max` of them. */
export function timeTicks(start: number, end: number, max = 8): TimeTick[] {
  const span = end - start;
  const fixed = FIXED_STEPS.find((step) => span / step <= max);
  const multiYear = parts(start).y !== parts(end).y;
  if (fixed !== undefined) {
    // Days and hours from midnight UTC; weeks from Monday (1970-01-05 was one).
    const origin = fixed >= 7 * DAY_MS ? 4 * DAY_MS : 0;
    const ticks: TimeTick[] = [];
    for (let t = Math.ceil((start - origin) / fixed) * fixed + origin; t <= end; t += fixed) {
      const p = parts(t);
      const label = fixed < DAY_MS ? `${dayLabel(t)} ${String(p.h).padStart(2, '0')}:${String(p.min).padStart(2, '0')}` : dayLabel(t, multiYear && ticks.length === 0);
      ticks.push({ t, label });
    }
    return ticks;
  }
  const months = MONTH_STEPS.find((n) => span / (n * 30.44 * DAY_MS) <= max) ?? 120;
  const first = parts(start);
  let index = first.y * 12 + first.m;
  if (Date.UTC(first.y, first.m, 1) < start) index++;
  index = Math.ceil(index / months) * months;
  const ticks: TimeTick[] = [];
  for (; ; index += months) {
    const t = Date.UTC(Math.floor(index / 12), index % 12, 1);
    if (t > end) break;
    const m = index % 12;
    ticks.push({ t, label: months >= 12 ? String(Math.floor(index / 12)) : `${MONTHS[m]}${m === 0 || ticks.length === 0 ? ` ${Math.floor(index / 12)}` : ''}` });
  }
  return ticks;
}
