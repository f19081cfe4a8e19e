// Exact money (docs/revenue.md): decimal text parsing, rounding half away from zero, ISO 4217
// exponents, and the overage models' arithmetic, by hand and as properties (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyExponent, divRound, formatMinor, minorToNumber, numberToMinor, scaled, toMinor } from '../../src/evaluate/money.js';
import { overageCharge, overageRate } from '../../src/evaluate/pricing.js';

/** Units in micro-units. */
const u = (n: number): bigint => scaled(n, 6);
/** A charge (10 decimals) in cents of EUR. */
const eur = (product: bigint): bigint => toMinor(product, 'EUR');

describe('money', () => {
  it('reads a number from its decimal text, exponent form included', () => {
    expect([scaled(0.1, 4), scaled(19.9, 2), scaled(1e21, 0), scaled(1.5e-7, 8), scaled(0, 4)]).toEqual([1000n, 1990n, 10n ** 21n, 15n, 0n]);
    expect(scaled(0.00005, 4)).toBe(1n); // 5e-5: half a ten-thousandth, away from zero
    expect(() => scaled(Infinity, 2)).toThrow(RangeError);
  });

  it('rounds half away from zero', () => {
    expect([divRound(15n, 10n), divRound(14n, 10n), divRound(-15n, 10n), divRound(25n, 10n), divRound(7n, 3n), divRound(-7n, 3n)]).toEqual([2n, 1n, -2n, 3n, 2n, -2n]);
  });

  it('knows the ISO 4217 exponents: EUR 2, JPY 0, KWD 3, none 2', () => {
    expect([currencyExponent('EUR'), currencyExponent('JPY'), currencyExponent('KRW'), currencyExponent('KWD'), currencyExponent(null)]).toEqual([2, 0, 0, 3, 2]);
    expect([formatMinor(123456n, 'EUR'), formatMinor(1200n, 'JPY'), formatMinor(1234n, 'KWD'), formatMinor(5n, 'USD')]).toEqual([
      '1,234.56 EUR',
      '1,200 JPY',
      '1.234 KWD',
      '0.05 USD',
    ]);
  });

  it('shows minor units as the JSON number of the exact decimal', () => {
    expect([minorToNumber(1990n * 3n, 'EUR'), minorToNumber(1n, 'KWD'), minorToNumber(980n, 'JPY')]).toEqual([59.7, 0.001, 980]);
  });

  it('prices per_unit, package, graduated and volume by hand', () => {
    // 136.5 GB above the limit at 0.50: 68.25.
    expect(eur(overageCharge(overageRate({ price: 0.5 }), u(136.5)))).toBe(6825n);
    // 5.00 per started block of 50: 51 units are 2 blocks, 50 are 1.
    const block = overageRate({ model: 'package', price: 5, per: 50 });
    expect([eur(overageCharge(block, u(51))), eur(overageCharge(block, u(50))), eur(overageCharge(block, u(0)))]).toEqual([1000n, 500n, 0n]);
    // Graduated across a boundary: 100 × 0.02 + 50 × 0.015 = 2.75; up_to is inclusive.
    const graduated = overageRate({ model: 'graduated', tiers: [{ up_to: 100, price: 0.02 }, { up_to: 1000, price: 0.015 }, { price: 0.01 }] });
    expect([eur(overageCharge(graduated, u(150))), eur(overageCharge(graduated, u(100))), eur(overageCharge(graduated, u(1200)))]).toEqual([275n, 200n, 1750n]); // 2 + 13.50 + 2
    // Volume: every unit at the tier reached: 10 → 10 × 1, 12 → 12 × 0.5.
    const volume = overageRate({ model: 'volume', tiers: [{ up_to: 10, price: 1 }, { price: 0.5 }] });
    expect([eur(overageCharge(volume, u(10))), eur(overageCharge(volume, u(12)))]).toEqual([1000n, 600n]);
  });

  it('rounds a JPY line to the yen, half away from zero', () => {
    // 3 units at 0.5 JPY = 1.5 JPY → 2; at 0.4999 = 1.4997 → 1.
    expect(toMinor(overageCharge(overageRate({ price: 0.5 }), u(3)), 'JPY')).toBe(2n);
    expect(toMinor(overageCharge(overageRate({ price: 0.4999 }), u(3)), 'JPY')).toBe(1n);
    expect(numberToMinor(980.5, 'JPY')).toBe(981n);
  });
});

/** A price of at most 4 decimals. */
const priceArb = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 10_000);
/** Units of at most 6 decimals, as micro-units. */
const unitsArb = fc.bigInt({ min: 0n, max: 10n ** 12n });

describe('money properties', () => {
  it('parses every 4-decimal price exactly (n / 10^4 reads back as n)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (n) => scaled(n / 10_000, 4) === BigInt(n)));
  });

  it('graduated: the parts of a split add up to the whole (tiers are a partition)', () => {
    fc.assert(
      fc.property(fc.array(priceArb, { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 3, maxLength: 3 }), unitsArb, (prices, steps, units) => {
        let bound = 0;
        const tiers = prices.map((price, i) => (i === prices.length - 1 ? { price } : { up_to: (bound += steps[i % 3]!), price }));
        const rate = overageRate({ model: 'graduated', tiers });
        const flat = prices.map((price) => overageCharge(overageRate({ price }), units));
        const total = overageCharge(rate, units);
        // Bounded by the cheapest and dearest flat prices.
        return flat.every((f) => f >= 0n) && total >= flat.reduce((a, b) => (a < b ? a : b)) && total <= flat.reduce((a, b) => (a > b ? a : b));
      }),
    );
  });

  it('per_unit is linear: units a + b cost what a and b cost', () => {
    fc.assert(fc.property(priceArb, unitsArb, unitsArb, (price, a, b) => {
      const rate = overageRate({ price });
      return overageCharge(rate, a + b) === overageCharge(rate, a) + overageCharge(rate, b);
    }));
  });

  it('rounds half away from zero, to within half a minor unit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 10 }), (value, digits) => {
        const d = 10n ** BigInt(digits);
        const q = divRound(value, d);
        const error = q * d - value; // signed distance from the rounded value
        const twice = 2n * (error < 0n ? -error : error);
        return twice < d || (twice === d && (value >= 0n ? error > 0n : error < 0n));
      }),
    );
  });

  it('JPY amounts are whole yen; shown numbers read back exactly', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.constantFrom('JPY', 'EUR', 'KWD'), (minor, currency) => numberToMinor(minorToNumber(minor, currency), currency) === minor));
  });
});
