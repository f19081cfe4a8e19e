import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addInterval, intervalIndex, windowAt, type IntervalUnit } from '../../src/evaluate/index.js';
import { ms } from './helpers.js';

const iso = (t: number): string => new Date(t).toISOString();

describe('addInterval', () => {
  it.each([
    // Month clamping keeps the anchor's day: Jan 31 → Feb 29 (leap) → Mar 31 → Apr 30.
    ['2024-01-31', 'month', 1, '2024-02-29'],
    ['2024-01-31', 'month', 2, '2024-03-31'],
    ['2024-01-31', 'month', 3, '2024-04-30'],
    ['2025-01-31', 'month', 1, '2025-02-28'],
    ['2025-01-31', 'month', 13, '2026-02-28'],
    ['2025-01-31', 'month', -2, '2024-11-30'],
    ['2024-02-29', 'year', 1, '2025-02-28'],
    ['2024-02-29', 'year', 4, '2028-02-29'],
    ['2026-01-10', 'week', 2, '2026-01-24'],
    ['2026-02-27', 'day', 3, '2026-03-02'],
    ['2025-12-31', 'day', 1, '2026-01-01'],
  ] as const)('%s + %s×%i = %s', (anchor, unit, count, expected) => {
    expect(iso(addInterval(ms(anchor), unit, count))).toBe(`${expected}T00:00:00.000Z`);
  });

  it('keeps the time of day', () => {
    expect(iso(addInterval(ms('2024-01-31T13:45:10.250Z'), 'month', 1))).toBe('2024-02-29T13:45:10.250Z');
  });

  it('does not remap years 0–99 to the 1900s', () => {
    const anchor = Date.UTC(2000, 0, 31) - 1950 * 365.2425 * 86_400_000; // somewhere in year 50
    const next = new Date(addInterval(anchor, 'year', 1));
    expect(next.getUTCFullYear()).toBe(new Date(anchor).getUTCFullYear() + 1);
  });
});

describe('windowAt', () => {
  const anchor = ms('2024-01-31');
  it('finds the clamped monthly window', () => {
    const w = windowAt(anchor, 'month', 1, ms('2024-03-15'));
    expect([iso(w.start), iso(w.end), w.index]).toEqual(['2024-02-29T00:00:00.000Z', '2024-03-31T00:00:00.000Z', 1]);
  });
  it('is half-open: a boundary starts the next window', () => {
    expect(windowAt(anchor, 'month', 1, ms('2024-02-29')).index).toBe(1);
    expect(windowAt(anchor, 'month', 1, ms('2024-02-29') - 1).index).toBe(0);
  });
  it('counts windows before the anchor negatively', () => {
    const w = windowAt(anchor, 'month', 1, ms('2023-12-31') - 1);
    expect([iso(w.start), w.index]).toEqual(['2023-11-30T00:00:00.000Z', -2]);
  });
  it('handles multi-unit intervals', () => {
    const w = windowAt(ms('2026-01-10'), 'week', 2, ms('2026-02-10'));
    expect([iso(w.start), iso(w.end), w.index]).toEqual(['2026-02-07T00:00:00.000Z', '2026-02-21T00:00:00.000Z', 2]);
  });
  it('treats 0 as one window for life', () => {
    expect(windowAt(anchor, 'month', 0, ms('2090-01-01'))).toEqual({ start: anchor, end: Infinity, index: 0 });
    expect(windowAt(anchor, 'month', 0, anchor - 1)).toEqual({ start: -Infinity, end: anchor, index: -1 });
  });
  it('jumps straight to far windows', () => {
    expect(intervalIndex(ms('2024-01-31'), 'month', 1, ms('9999-12-31'))).toBe((9999 - 2024) * 12 + 11);
    expect(intervalIndex(ms('2024-01-31'), 'day', 1, ms('2024-02-01'))).toBe(1);
  });
});

describe('windows tile (property)', () => {
  const unit = fc.constantFrom<IntervalUnit>('day', 'week', 'month', 'year');
  // Instants between years 1 and 9999, in ms.
  const instant = fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 });
  it('every instant lies in exactly one window, whose neighbours touch it', () => {
    fc.assert(
      fc.property(instant, unit, fc.integer({ min: 1, max: 36 }), instant, (anchor, u, n, t) => {
        const w = windowAt(anchor, u, n, t);
        expect(w.start).toBeLessThanOrEqual(t);
        expect(t).toBeLessThan(w.end);
        // Boundaries are computed from the anchor, not chained.
        expect(w.start).toBe(addInterval(anchor, u, w.index * n));
        expect(w.end).toBe(addInterval(anchor, u, (w.index + 1) * n));
        // No gap, no overlap with the neighbours.
        const next = windowAt(anchor, u, n, w.end);
        expect([next.start, next.index]).toEqual([w.end, w.index + 1]);
        const previous = windowAt(anchor, u, n, w.start - 1);
        expect([previous.end, previous.index]).toEqual([w.start, w.index - 1]);
      }),
      { numRuns: 2000 },
    );
  });
  it('month steps match a reference built from Date (years 100–9999)', () => {
    const modern = fc.integer({ min: -59_011_459_200_000, max: 253_370_764_800_000 });
    fc.assert(
      fc.property(modern, fc.integer({ min: -1200, max: 1200 }), (anchor, k) => {
        const a = new Date(anchor);
        const total = a.getUTCFullYear() * 12 + a.getUTCMonth() + k;
        const year = Math.floor(total / 12);
        const month = total - year * 12;
        if (year < 100 || year > 9999) return;
        const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
        const expected = Date.UTC(year, month, Math.min(a.getUTCDate(), lastDay)) + (anchor - Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate()));
        expect(addInterval(anchor, 'month', k)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
