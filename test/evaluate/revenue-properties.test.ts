// Invariants of priced overage over random event streams (fast-check, docs/revenue.md): the units
// of the decisions add up to each feature's overage amount, revenue totals are the sum of the
// subscriptions' charges, and an overage price changes money but never a decision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, numberToMinor, type EvaluatorOveragePrice, type EvaluatorPackage, type Subscription, type UsageEvent } from '../../src/evaluate/index.js';
import { ev, manifest, ms, pkg } from './helpers.js';

const START = ms('2026-01-01');
const END = ms('2026-04-10');

/** A package whose quota features all bill overage with `price`. */
function priced(code: string, currency: string, price: EvaluatorOveragePrice): EvaluatorPackage {
  return pkg(code, {
    price: 9.99,
    signup_fee: 1.005,
    currency,
    trial_period: 10,
    overages_enabled: true,
    features: {
      max_storage: { value: 5, overage: price },
      max_participants: { value: 2, overage: price },
      max_recordings: { value: 3, periodicity_type: 'monthly', periodicity: 1, overage: price },
      api_calls: 4,
    },
  });
}

const priceArb: fc.Arbitrary<EvaluatorOveragePrice> = fc.oneof(
  fc.integer({ min: 0, max: 99_999 }).map((n) => ({ price: n / 10_000 })),
  fc.record({ model: fc.constant('package' as const), price: fc.integer({ min: 0, max: 900 }).map((n) => n / 100), per: fc.integer({ min: 1, max: 4 }) }),
  fc.constant({ model: 'graduated' as const, tiers: [{ up_to: 2, price: 0.333 }, { up_to: 5, price: 0.1 }, { price: 0.0101 }] }),
  fc.constant({ model: 'volume' as const, tiers: [{ up_to: 3, price: 1.5 }, { price: 0.25 }] }),
);

const subscriptions: Subscription[] = [
  { id: 'a', package: 'eur', starts_at: START },
  { id: 'b', package: 'jpy', starts_at: START + 5 * 86_400_000, cancel: { at: ms('2026-02-20'), mode: 'end_of_period' } },
  { id: 'c', package: 'eur', starts_at: START, cancel: { at: ms('2026-03-03'), mode: 'immediate' } },
];

/** Random events, in time order, over the three subscriptions. */
const eventsArb: fc.Arbitrary<UsageEvent[]> = fc
  .array(
    fc.record({
      sub: fc.constantFrom('a', 'b', 'c'),
      code: fc.constantFrom('max_storage', 'max_participants', 'max_recordings', 'api_calls'),
      step: fc.integer({ min: 0, max: 60 }),
      gb: fc.constantFrom(0.5, 1, 2.25, 3),
      remove: fc.boolean(),
      session: fc.constantFrom('s1', 's2', 's3'),
    }),
    // fast-check keeps arrays short by default: at least 30 events reach past the 10-day trial.
    { minLength: 30, maxLength: 120 },
  )
  .map((raw) => {
    let hours = 0;
    return raw.map((r) => {
      hours += r.step;
      const props = r.code === 'max_storage' ? { gb: r.gb, operation_type: r.remove ? 'remove' : 'add' } : r.code === 'max_participants' ? { session: r.session } : undefined;
      return ev(r.sub, r.code, new Date(START + hours * 3_600_000).toISOString(), props);
    });
  });

function replay(price: EvaluatorOveragePrice, events: UsageEvent[]) {
  const e = createEvaluator(manifest(priced('eur', 'EUR', price), priced('jpy', 'JPY', price)), subscriptions);
  const decisions = events.map((event) => e.record(event));
  return { decisions, report: e.report(END) };
}

describe('revenue invariants', () => {
  it('per subscription and feature, the overage units of the decisions sum to overage_amount', () => {
    fc.assert(
      fc.property(priceArb, eventsArb, (price, events) => {
        const { decisions, report } = replay(price, events);
        const sums = new Map<string, number>();
        decisions.forEach((d, i) => {
          if (d.decision !== 'overage') return;
          const key = `${String(events[i]!.external_subscription_id)} ${String(events[i]!.code)}`;
          sums.set(key, (sums.get(key) ?? 0) + Math.round(d.overage_units! * 1e6));
        });
        for (const sub of report.subscriptions) {
          for (const f of sub.features) expect((sums.get(`${sub.id} ${f.code}`) ?? 0) / 1e6).toBe(f.overage_amount);
        }
      }),
    );
  });

  it('revenue totals equal the sum of the subscriptions’ charges; a total is its parts', () => {
    fc.assert(
      fc.property(priceArb, eventsArb, (price, events) => {
        const { report } = replay(price, events);
        const sums = new Map<string, bigint[]>();
        for (const sub of report.subscriptions) {
          const c = sub.charges;
          const minor = [c.signup_fee, c.recurring, c.overage, c.total].map((n) => numberToMinor(n, c.currency));
          expect(minor[0]! + minor[1]! + minor[2]!).toBe(minor[3]);
          const features = sub.features.reduce((s, f) => s + numberToMinor(f.overage_charge, c.currency), 0n);
          expect(features).toBe(minor[2]);
          if (c.total === 0) continue;
          const sum = sums.get(c.currency!) ?? [0n, 0n, 0n, 0n];
          sums.set(c.currency!, sum.map((n, i) => n + minor[i]!));
        }
        const shown = Object.fromEntries(
          [...sums].map(([currency, [fees, recurring, overage, total]]) => [
            currency,
            { signup_fees: Number(fees) / 10 ** (currency === 'JPY' ? 0 : 2), recurring: Number(recurring) / 10 ** (currency === 'JPY' ? 0 : 2), overage: Number(overage) / 10 ** (currency === 'JPY' ? 0 : 2), total: Number(total) / 10 ** (currency === 'JPY' ? 0 : 2) },
          ]),
        );
        expect(report.totals.revenue).toEqual(shown);
      }),
    );
  });

  it('the charge lines with their instants sum to each subscription’s charges', () => {
    fc.assert(
      fc.property(priceArb, eventsArb, (price, events) => {
        const e = createEvaluator(manifest(priced('eur', 'EUR', price), priced('jpy', 'JPY', price)), subscriptions);
        for (const event of events) e.record(event);
        const report = e.report(END);
        const lines = e.chargeLines(END);
        for (const sub of report.subscriptions) {
          const c = sub.charges;
          const mine = lines.filter((l) => l.subscription === sub.id);
          expect(mine.every((l) => l.at < END)).toBe(true);
          for (const [kind, amount] of [['signup_fee', c.signup_fee], ['recurring', c.recurring], ['overage', c.overage]] as const) {
            expect(mine.filter((l) => l.kind === kind).reduce((n, l) => n + l.minor, 0n)).toBe(numberToMinor(amount, c.currency));
          }
        }
      }),
    );
  });

  it('changing only an overage price changes no decision', () => {
    fc.assert(
      fc.property(priceArb, priceArb, eventsArb, (one, other, events) => {
        const a = replay(one, events);
        const b = replay(other, events);
        expect(b.decisions).toEqual(a.decisions);
        expect(b.report.totals.by_reason).toEqual(a.report.totals.by_reason);
      }),
    );
  });
});
