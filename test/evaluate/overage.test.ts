// Priced overage (docs/revenue.md), worked out by hand: overage units as the rise of each bucket's
// excess high-water mark, accrued to the billing period of the event, priced per period with the
// model, charged at the period's end or the end of access, else unbilled; seats.
import { describe, expect, it } from 'vitest';
import { createEvaluator, type EvaluatorPackage, type Subscription, type UsageEvent } from '../../src/evaluate/index.js';
import { ev, manifest, ms, pkg, sub, type PackageSpec } from './helpers.js';

/** A monthly EUR package at 10.00 with overages enabled. */
function priced(spec: PackageSpec = {}): EvaluatorPackage {
  return pkg('m', { price: 10, currency: 'EUR', overages_enabled: true, ...spec });
}

/** Replay events for one subscription and report as of `end`. */
function run(p: EvaluatorPackage, events: UsageEvent[], end: string, subscription: Subscription = sub('s', 'm', '2026-01-01')) {
  const e = createEvaluator(manifest(p), [subscription]);
  const decisions = events.map((event) => e.record(event));
  const report = e.report(ms(end));
  return { decisions, report, sub: report.subscriptions[0]!, feature: (code: string) => report.subscriptions[0]!.features.find((f) => f.code === code)! };
}

const storage = (t: string, gb: number, op: 'add' | 'remove' = 'add'): UsageEvent => ev('s', 'max_storage', t, { gb, operation_type: op });
const recording = (t: string): UsageEvent => ev('s', 'max_recordings', t);

describe('overage units and charges', () => {
  const perUnit = priced({ features: { max_storage: { value: 100, overage: { price: 0.5 } } } });

  it('per_unit: units accrue to the period of the event; the open period is unbilled', () => {
    const r = run(
      perUnit,
      [storage('2026-01-10T00:00:00Z', 150), storage('2026-02-05T00:00:00Z', 30, 'remove'), storage('2026-02-06T00:00:00Z', 40)],
      '2026-03-01',
    );
    // January: 50 GB over × 0.50 = 25.00, charged Feb 1. February: the excess rises from 50 to 60,
    // 10 × 0.50 = 5.00, due Mar 1 — the scenario end itself, so unbilled.
    expect(r.sub.charges).toEqual({ currency: 'EUR', seats: 1, signup_fee: 0, periods: 2, recurring: 20, overage: 25, unbilled_overage: 5, total: 45 });
    expect(r.feature('max_storage')).toMatchObject({ overage_amount: 60, overage_charge: 25 });
    expect(r.decisions.map((d) => [d.decision, d.overage_units])).toEqual([
      ['overage', 50],
      ['accepted', undefined],
      ['overage', 10],
    ]);
    expect(r.report.totals.revenue).toEqual({ EUR: { signup_fees: 0, recurring: 20, overage: 25, total: 45 } });
  });

  it('a remove-then-add inside one window is billed once', () => {
    const r = run(
      perUnit,
      [storage('2026-01-10T00:00:00Z', 150), storage('2026-01-11T00:00:00Z', 50, 'remove'), storage('2026-01-12T00:00:00Z', 50)],
      '2026-02-02',
    );
    expect(r.decisions.map((d) => d.overage_units)).toEqual([50, undefined, 0]);
    expect(r.sub.charges).toMatchObject({ overage: 25, unbilled_overage: 0 });
    expect(r.feature('max_storage').overage_amount).toBe(50);
  });

  it('graduated: a tier boundary crossed inside a period; tiers restart the next period', () => {
    const p = priced({ features: { max_recordings: { value: 1, overage: { model: 'graduated', tiers: [{ up_to: 2, price: 1 }, { price: 0.5 }] } } } });
    const events = [...['01-05', '01-06', '01-07', '01-08', '01-09'].map((d) => recording(`2026-${d}T00:00:00Z`)), recording('2026-02-03T00:00:00Z')];
    const r = run(p, events, '2026-03-02');
    // January: 4 units = 2 × 1.00 + 2 × 0.50 = 3.00. February: 1 unit, back in the first tier: 1.00.
    expect(r.sub.charges).toMatchObject({ overage: 4, unbilled_overage: 0 });
    expect(r.feature('max_recordings')).toMatchObject({ overage_amount: 5, overage_charge: 4 });
  });

  it('volume: every unit at the price of the tier reached', () => {
    const p = priced({ features: { max_recordings: { value: 1, overage: { model: 'volume', tiers: [{ up_to: 3, price: 2 }, { price: 1 }] } } } });
    const jan = ['01-05', '01-06', '01-07', '01-08'].map((d) => recording(`2026-${d}T00:00:00Z`)); // 3 units: 3 × 2.00
    const feb = ['02-05', '02-06', '02-07', '02-08'].map((d) => recording(`2026-${d}T00:00:00Z`)); // 4 units: 4 × 1.00
    expect(run(p, [...jan, ...feb], '2026-03-02').sub.charges).toMatchObject({ overage: 10 });
  });

  it('package: a started block costs a whole block, per use', () => {
    const p = priced({ features: { max_participants: { value: 2, overage: { model: 'package', price: 5, per: 2 } } } });
    const events = ['a', 'b', 'c', 'd', 'e'].map((_, i) => ev('s', 'max_participants', `2026-01-10T00:0${i}:00Z`, { session: 's1' }));
    // 5 participants in one meeting: 3 above the limit of 2, in 2 started blocks of 2: 10.00.
    const r = run(p, events, '2026-02-02');
    expect(r.feature('max_participants')).toMatchObject({ overage: 3, overage_amount: 3, overage_charge: 10 });
  });

  it('rounds each line to the currency minor unit: JPY', () => {
    const p = pkg('m', { price: 980, currency: 'JPY', overages_enabled: true, features: { max_storage: { value: 100, overage: { price: 0.5 } } } });
    // 3 GB × 0.5 = 1.5 JPY → 2; January's line only (February's 1 GB × 0.5 = 0.5 → 1 is unbilled).
    const r = run(p, [storage('2026-01-10T00:00:00Z', 103), storage('2026-02-10T00:00:00Z', 1)], '2026-03-01');
    expect(r.sub.charges).toMatchObject({ currency: 'JPY', recurring: 1960, overage: 2, unbilled_overage: 1, total: 1962 });
  });

  it('an end-of-period cancel charges the overage at the end of access; an immediate one at the cancel', () => {
    const cancelled = sub('s', 'm', '2026-01-01', { cancel: { at: ms('2026-01-20'), mode: 'immediate' } });
    // Scenario end Jan 25: January's period ends Feb 1, after the end, but access ended Jan 20.
    const r = run(perUnit, [storage('2026-01-10T00:00:00Z', 110)], '2026-01-25', cancelled);
    expect(r.sub.charges).toMatchObject({ overage: 5, unbilled_overage: 0, total: 15 });
    const endOfPeriod = sub('s', 'm', '2026-01-01', { cancel: { at: ms('2026-01-20'), mode: 'end_of_period' } });
    // The same usage with access to Feb 1: unbilled at Jan 25, charged at Feb 2.
    expect(run(perUnit, [storage('2026-01-10T00:00:00Z', 110)], '2026-01-25', endOfPeriod).sub.charges).toMatchObject({ overage: 0, unbilled_overage: 5 });
    expect(run(perUnit, [storage('2026-01-10T00:00:00Z', 110)], '2026-02-02', endOfPeriod).sub.charges).toMatchObject({ overage: 5, unbilled_overage: 0 });
  });

  it('trial units are counted, charged 0, and use no tier of the first period', () => {
    const p = priced({
      trial_period: 7,
      features: { max_recordings: { value: 1, overage: { model: 'graduated', tiers: [{ up_to: 2, price: 1 }, { price: 0.5 }] } } },
    });
    // Trial Jan 1–8: recordings 2 and 3 are 2 units, free. Period from Jan 8: 2 more units at 1.00.
    const events = ['01-02', '01-03', '01-04', '01-10', '01-11'].map((d) => recording(`2026-${d}T00:00:00Z`));
    const r = run(p, events, '2026-02-09');
    expect(r.feature('max_recordings')).toMatchObject({ overage_amount: 4, overage_charge: 2 });
    expect(r.sub.charges).toMatchObject({ overage: 2, periods: 2 }); // periods from Jan 8 and Feb 8
  });

  it('overage without overages_enabled is never billed, and changes no decision', () => {
    const off = pkg('m', { price: 10, currency: 'EUR', features: { max_storage: { value: 100, overage: { price: 0.5 } } } });
    const r = run(off, [storage('2026-01-10T00:00:00Z', 150)], '2026-02-02');
    expect(r.decisions[0]).toMatchObject({ decision: 'denied', reason: 'over_limit', overage_units: undefined });
    expect(r.sub.charges.overage).toBe(0);
  });
});

describe('seats', () => {
  const seated = (spec: PackageSpec = {}) =>
    pkg('m', { price: 10, currency: 'EUR', price_per: 'seat', min_seats: 2, max_seats: 10, features: { max_accounts: 'seats' }, ...spec });

  it('charges price × seats per period, seats defaulting to min_seats', () => {
    expect(run(seated(), [], '2026-03-01', sub('s', 'm', '2026-01-01', { seats: 3 })).sub.charges).toMatchObject({ seats: 3, periods: 2, recurring: 60 });
    expect(run(seated(), [], '2026-03-01').sub.charges).toMatchObject({ seats: 2, recurring: 40 });
    // A per-package price ignores seats.
    expect(run(seated({ price_per: 'package' }), [], '2026-03-01', sub('s', 'm', '2026-01-01', { seats: 3 })).sub.charges).toMatchObject({ seats: 1, recurring: 20 });
  });

  it('rounds price × seats once per period', () => {
    // 3 × 3.3333 = 9.9999 → 10.00 a period (not 3 × 3.33 = 9.99).
    expect(run(seated({ price: 3.3333 }), [], '2026-02-01', sub('s', 'm', '2026-01-01', { seats: 3 })).sub.charges.recurring).toBe(10);
  });

  it('max_accounts: seats limits accounts to the subscription seats', () => {
    const events = ['a', 'b', 'c', 'd'].map((a, i) => ev('s', 'max_accounts', `2026-01-0${i + 2}T00:00:00Z`));
    const r = run(seated(), events, '2026-02-01', sub('s', 'm', '2026-01-01', { seats: 3 }));
    expect(r.feature('max_accounts')).toMatchObject({ limit: 3, accepted: 3, denied: 1 });
  });
});

describe('terms that change during a subscription (migration)', () => {
  const oldPkg = pkg('m', { price: 10, currency: 'EUR', overages_enabled: true, features: { max_storage: { value: 100, overage: { price: 0.5 } } } });
  const newPkg = pkg('m', { price: 12, currency: 'EUR', overages_enabled: true, features: { max_storage: { value: 120, overage: { price: 1 } } } });

  it('switches limits, prices and overage prices at the move; usage carries over', () => {
    const moving = sub('s', 'm', '2026-01-01', { migration: { from: oldPkg, at: ms('2026-02-01') } });
    const e = createEvaluator(manifest(newPkg), [moving]);
    const decisions = [storage('2026-01-10T00:00:00Z', 110), storage('2026-02-10T00:00:00Z', 20)].map((x) => e.record(x));
    const s = e.report(ms('2026-04-01')).subscriptions[0]!;
    // January on OLD: 10 over × 0.50 = 5.00. From Feb 1 on NEW the bucket keeps its 110 and its
    // excess mark of 10; 130 is 10 over the new limit of 120: the mark does not rise, no new units.
    expect(decisions.map((d) => [d.decision, d.overage_units])).toEqual([
      ['overage', 10],
      ['overage', 0],
    ]);
    // Periods: Jan at 10.00, Feb and Mar at 12.00.
    expect(s.charges).toMatchObject({ periods: 3, recurring: 34, overage: 5, total: 39 });
    expect(s.features.find((f) => f.code === 'max_storage')).toMatchObject({ limit: 120, overage_amount: 10 });
  });

  it('without a move instant stays on the old terms for good', () => {
    const kept = sub('s', 'm', '2026-01-01', { migration: { from: oldPkg } });
    const e = createEvaluator(manifest(pkg('other')), [kept]);
    expect(e.report(ms('2026-04-01')).subscriptions[0]!.charges).toMatchObject({ periods: 3, recurring: 30 });
  });
});
