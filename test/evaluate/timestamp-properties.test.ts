// The hand-rolled timestamp parser against `Date.parse` on generated timestamps: the same instant
// for every valid ISO 8601 form it accepts, and NaN for the forms it must refuse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant, parseTimestamp } from '../../src/evaluate/index.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A valid date-time with its parts; years where `Date.parse` reads four digits as they are. */
const parts = fc.record({
  year: fc.integer({ min: 1000, max: 9999 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 31 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
  fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
  zone: fc.oneof(
    fc.constant('Z'),
    fc.record({ sign: fc.constantFrom('+', '-'), hours: fc.integer({ min: 0, max: 23 }), minutes: fc.integer({ min: 0, max: 59 }) }),
  ),
});

type Parts = typeof parts extends fc.Arbitrary<infer T> ? T : never;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The canonical form `Date.parse` is specified to read: fraction cut to 3 digits, zone `±HH:MM`. */
function canonical(p: Parts): string {
  const fraction = p.fraction === undefined ? '' : `.${p.fraction.slice(0, 3).padEnd(3, '0')}`;
  const zone = p.zone === 'Z' ? 'Z' : `${p.zone.sign}${pad(p.zone.hours)}:${pad(p.zone.minutes)}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${fraction}${zone}`;
}

describe('parseIsoInstant against Date.parse', () => {
  it('agrees on valid timestamps: fractions of any length (cut to milliseconds), offsets, Z', () => {
    fc.assert(
      fc.property(parts, (p) => {
        fc.pre(p.day <= daysIn(p.year, p.month));
        const text = canonical(p).replace(/\.\d{3}/, p.fraction === undefined ? '' : `.${p.fraction}`);
        expect(parseIsoInstant(text)).toBe(Date.parse(canonical(p)));
        expect(parseTimestamp(text)).toBe(Date.parse(canonical(p)));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the RFC 3339 and ISO variants as the canonical form: t, space, z, ±HHMM, ±HH, no seconds', () => {
    fc.assert(
      fc.property(parts, fc.constantFrom('T', 't', ' '), (p, separator) => {
        fc.pre(p.day <= daysIn(p.year, p.month));
        const expected = Date.parse(canonical(p));
        const text = canonical(p).replace('T', separator);
        expect(parseIsoInstant(text)).toBe(expected);
        if (p.zone === 'Z') {
          expect(parseIsoInstant(text.replace(/Z$/, 'z'))).toBe(expected);
        } else {
          expect(parseIsoInstant(text.replace(/(\d\d):(\d\d)$/, '$1$2'))).toBe(expected);
          if (p.zone.minutes === 0) expect(parseIsoInstant(text.replace(/:00$/, ''))).toBe(expected);
        }
        if (p.second === 0 && p.fraction === undefined) {
          expect(parseIsoInstant(text.replace(/(T|t| )(\d\d:\d\d):00/, '$1$2'))).toBe(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses what is not an instant: no zone, a date alone, days and times that do not exist', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const text = canonical(p);
        // No zone: ambiguous, even where Date.parse would read local time.
        expect(parseIsoInstant(text.replace(/(Z|[+-]\d\d:\d\d)$/, ''))).toBeNaN();
        // A date alone.
        expect(parseIsoInstant(text.slice(0, 10))).toBeNaN();
        // A day past the month's end, hour 24, minute or second 60 (leap seconds are refused too).
        if (p.day > daysIn(p.year, p.month)) expect(parseIsoInstant(text)).toBeNaN();
        expect(parseIsoInstant(text.replace(/T\d\d/, 'T24'))).toBeNaN();
        expect(parseIsoInstant(text.replace(/T(\d\d):\d\d/, 'T$1:60'))).toBeNaN();
        expect(parseIsoInstant(text.replace(/T(\d\d:\d\d):\d\d/, 'T$1:60'))).toBeNaN();
        // Trailing text, a dot without digits, a non-digit anywhere in the fixed part.
        expect(parseIsoInstant(`${text}x`)).toBeNaN();
        expect(parseIsoInstant(text.replace(/(:\d\d)(\.\d+)?(Z|[+-])/, '$1.$3'))).toBeNaN();
        for (const at of [0, 3, 5, 8, 11, 14]) expect(parseIsoInstant(`${text.slice(0, at)}x${text.slice(at + 1)}`)).toBeNaN();
      }),
      { numRuns: 1000 },
    );
  });
});
