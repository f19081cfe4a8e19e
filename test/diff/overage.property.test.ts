// Ordering overage prices (docs/diff.md): exact charges for the worked examples of docs/revenue.md,
// and the ordering's invariants over random prices.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOverage, overageCharge, type DiffOverage } from '../../src/diff/overage.js';

const unit = (price: number): DiffOverage => ({ model: 'per_unit', price, per: null, tiers: null });
const block = (price: number, per: number): DiffOverage => ({ model: 'package', price, per, tiers: null });
const tiered = (model: 'graduated' | 'volume', ...tiers: [number | null, number][]): DiffOverage => ({
  model,
  price: null,
  per: null,
  tiers: tiers.map(([up_to, price]) => ({ up_to, price })),
});

/** Charges in ticks of 1/10,000. */
const eur = (amount: string) => BigInt(amount.replace('.', '')) * 100n;

describe('overageCharge: the worked examples of docs/revenue.md', () => {
  it.each([
    ['per_unit: 30 GB at 0.50', unit(0.5), 30, '15.00'],
    ['package: 12 over, one started block of 50', block(5, 50), 12, '5.00'],
    ['package: 51 over, two blocks', block(5, 50), 51, '10.00'],
    ['graduated: 1,250 minutes over three tiers', tiered('graduated', [100, 0.02], [1000, 0.015], [null, 0.01]), 1250, '18.00'],
    ['graduated: exactly the first bound (up_to is inclusive)', tiered('graduated', [100, 0.02], [1000, 0.015], [null, 0.01]), 100, '2.00'],
    ['volume: 12 reaches the second tier', tiered('volume', [10, 1], [null, 0.5]), 12, '6.00'],
    ['volume: 10 stays in the first', tiered('volume', [10, 1], [null, 0.5]), 10, '10.00'],
    ['nothing over', unit(0.5), 0, '0.00'],
    ['not priced', null, 40, '0.00'],
  ])('%s', (_name, overage, units, expected) => {
    expect(overageCharge(overage, units)).toBe(eur(expected));
  });
});

const price = fc.integer({ min: 0, max: 300 }).map((ticks) => ticks / 100);
const bounds = fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 3 }).map((list) => [...list].sort((a, b) => a - b));
const overageArb: fc.Arbitrary<DiffOverage | null> = fc.oneof(
  fc.constant(null),
  price.map(unit),
  fc.tuple(price, fc.integer({ min: 1, max: 12 })).map(([p, per]) => block(p, per)),
  fc
    .tuple(fc.constantFrom('graduated' as const, 'volume' as const), bounds, fc.array(price, { minLength: 4, maxLength: 4 }))
    .map(([model, ups, prices]) => tiered(model, ...ups.map((up, i): [number, number] => [up, prices[i]!]), [null, prices[3]!])),
);

describe('compareOverage', () => {
  it('finds a price the same as itself', () => {
    fc.assert(fc.property(overageArb, (a) => compareOverage(a, a) === 'same'));
  });

  it('is antisymmetric: raised one way is lowered the other', () => {
    const flip = { same: 'same', raised: 'lowered', lowered: 'raised', mixed: 'mixed' } as const;
    fc.assert(fc.property(overageArb, overageArb, (a, b) => compareOverage(b, a) === flip[compareOverage(a, b)]));
  });

  it('agrees with the charges at every amount of usage (checked up to 1,000 units)', () => {
    fc.assert(
      fc.property(overageArb, overageArb, (a, b) => {
        let higher = false;
        let lower = false;
        for (let units = 1; units <= 1000; units++) {
          const d = overageCharge(b, units) - overageCharge(a, units);
          if (d > 0n) higher = true;
          if (d < 0n) lower = true;
        }
        const order = compareOverage(a, b);
        if (order === 'same') return !higher && !lower;
        if (order === 'raised') return !lower;
        if (order === 'lowered') return !higher;
        return true; // mixed: may differ only past 1,000 units
      }),
      { numRuns: 200 },
    );
  });
});
