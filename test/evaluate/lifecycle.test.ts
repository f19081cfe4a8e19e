// Lifecycle, admission and charges (SPEC §8.7), with hand-computed expectations.
import { describe, expect, it } from 'vitest';
import { createEvaluator, type EvaluatorPackage, type Subscription } from '../../src/evaluate/index.js';
import { ev, manifest, ms, pkg, sub, type PackageSpec } from './helpers.js';

const END = ms('2026-07-01');
const base: PackageSpec = { price: 10, signup_fee: 5, currency: 'EUR', features: { max_rooms: 5 } };

/** The report of one subscription to a package built from `spec`. */
function report(spec: PackageSpec, subscription: Partial<Subscription> & { starts?: string }, end = END) {
  const { starts = '2026-01-10', ...rest } = subscription;
  const e = createEvaluator(manifest(pkg('p', { ...base, ...spec })), [sub('s', 'p', starts, rest)]);
  return e.report(end).subscriptions[0]!;
}

/** Phases as `phase start..end` with dates only. */
function phases(r: ReturnType<typeof report>): string[] {
  return r.phases.map((p) => `${p.phase} ${p.start.slice(0, 10)}..${p.end.slice(0, 10)}`);
}

describe('paid periods and charges', () => {
  it('renews monthly from Jan 31 with clamping: 6 periods to Jul 1', () => {
    const r = report({}, { starts: '2026-01-31' });
    expect(r.charges).toEqual({ currency: 'EUR', seats: 1, signup_fee: 5, periods: 6, recurring: 60, overage: 0, unbilled_overage: 0, total: 65 });
    expect(phases(r)).toEqual(['active 2026-01-31..2026-07-01']);
    expect(r.status_at_end).toBe('active');
  });

  it('keeps money exact (0.1 × 6 is 0.6, not 0.6000000000000001)', () => {
    expect(report({ price: 0.1, signup_fee: 0.2 }, {}).charges).toMatchObject({ periods: 6, recurring: 0.6, total: 0.8 });
  });

  it('counts a period due exactly at the end as not due', () => {
    expect(report({}, { starts: '2026-01-01' }).charges.periods).toBe(6); // Jul 1 itself is not before the end
  });

  it('charges nothing before the start', () => {
    const r = report({}, { starts: '2026-08-01' });
    expect([r.status_at_end, r.phases, r.charges.total]).toEqual(['pending', [], 0]);
  });

  it('renews every periodicity × unit', () => {
    expect(report({ periodicity: 3, periodicity_type: 'week' }, {}).charges.periods).toBe(9); // Jan 10 + 21 days × k for k = 0..8 (Jun 27) is before Jul 1 (172 days)
    expect(report({ periodicity: 1, periodicity_type: 'year' }, {}).charges.periods).toBe(1);
  });
});

describe('trials', () => {
  it('outside: paid periods start when the trial ends', () => {
    const r = report({ trial_period: 14 }, {});
    expect(phases(r)).toEqual(['trial 2026-01-10..2026-01-24', 'active 2026-01-24..2026-07-01']);
    // Jan 24, Feb 24, Mar 24, Apr 24, May 24, Jun 24.
    expect(r.charges).toMatchObject({ periods: 6, total: 65 });
  });

  it('inside: the first period still ends one cycle after the start and is charged at the trial end', () => {
    const r = report({ trial_period: 14, trial_mode: 'inside' }, {});
    expect(phases(r)).toEqual(['trial 2026-01-10..2026-01-24', 'active 2026-01-24..2026-07-01']);
    // [Jan 10, Feb 10) due Jan 24, then Feb 10 … Jun 10.
    expect(r.charges.periods).toBe(6);
  });

  it('inside: periods entirely covered by the trial are free', () => {
    // Two months from Jan 10 covers [Jan 10, Feb 10) and [Feb 10, Mar 10): Mar 10 … Jun 10 are due.
    expect(report({ trial_period: 2, trial_interval: 'month', trial_mode: 'inside' }, {}).charges.periods).toBe(4);
    // 45 days ends Feb 24, inside [Feb 10, Mar 10): that period is due Feb 24, then Mar 10 … Jun 10.
    expect(report({ trial_period: 45, trial_mode: 'inside' }, {}).charges.periods).toBe(5);
  });
});

describe('end of access', () => {
  it('a fixed term ends access at ends_at', () => {
    const r = report({}, { ends_at: ms('2026-04-01') });
    expect(phases(r)).toEqual(['active 2026-01-10..2026-04-01', 'suspended 2026-04-01..2026-07-01']);
    expect(r.charges.periods).toBe(3); // Jan 10, Feb 10, Mar 10
  });

  it('cancel end_of_period ends access at the end of the current period', () => {
    const r = report({}, { cancel: { at: ms('2026-03-15'), mode: 'end_of_period' } });
    expect(phases(r)).toEqual(['active 2026-01-10..2026-04-10', 'suspended 2026-04-10..2026-07-01']);
    expect(r.charges.periods).toBe(3);
    expect(r.status_at_end).toBe('suspended');
  });

  it('cancel immediate ends access at once, without refund', () => {
    const r = report({}, { cancel: { at: ms('2026-03-15T12:00:00Z'), mode: 'immediate' } });
    expect(phases(r)).toEqual(['active 2026-01-10..2026-03-15', 'suspended 2026-03-15..2026-07-01']);
    expect(r.charges.periods).toBe(3);
  });

  it('cancel end_of_period during an outside trial ends access when the trial ends: nothing recurring', () => {
    const r = report({ trial_period: 14 }, { cancel: { at: ms('2026-01-15'), mode: 'end_of_period' } });
    expect(phases(r)).toEqual(['trial 2026-01-10..2026-01-24', 'suspended 2026-01-24..2026-07-01']);
    expect(r.charges).toMatchObject({ signup_fee: 5, periods: 0, total: 5 });
  });

  it('cancel end_of_period during an inside trial ends access with the first period, which is charged', () => {
    const r = report({ trial_period: 14, trial_mode: 'inside' }, { cancel: { at: ms('2026-01-15'), mode: 'end_of_period' } });
    expect(phases(r)).toEqual(['trial 2026-01-10..2026-01-24', 'active 2026-01-24..2026-02-10', 'suspended 2026-02-10..2026-07-01']);
    expect(r.charges.periods).toBe(1);
  });

  it('cancel immediate during a trial cuts the trial short', () => {
    const r = report({ trial_period: 14 }, { cancel: { at: ms('2026-01-15'), mode: 'immediate' } });
    expect(phases(r)).toEqual(['trial 2026-01-10..2026-01-15', 'suspended 2026-01-15..2026-07-01']);
    expect(r.charges.total).toBe(5);
  });

  it('a cancel at or before the start leaves no access and no charge', () => {
    const r = report({}, { cancel: { at: ms('2026-01-01'), mode: 'immediate' } });
    expect(phases(r)).toEqual(['suspended 2026-01-10..2026-07-01']);
    expect(r.charges.total).toBe(0);
  });

  it('grace follows the end of access, then suspension', () => {
    const spec: PackageSpec = { grace_period: 7 };
    const r = report(spec, { cancel: { at: ms('2026-03-15'), mode: 'end_of_period' } });
    expect(phases(r)).toEqual(['active 2026-01-10..2026-04-10', 'grace 2026-04-10..2026-04-17', 'suspended 2026-04-17..2026-07-01']);
    expect(report(spec, { cancel: { at: ms('2026-03-15'), mode: 'end_of_period' } }, ms('2026-04-12')).status_at_end).toBe('grace');
    // Usage is allowed in grace, refused once suspended.
    const e = createEvaluator(manifest(pkg('p', { ...base, ...spec })), [sub('s', 'p', '2026-01-10', { ends_at: ms('2026-04-10') })]);
    expect(e.record(ev('s', 'max_rooms', '2026-04-16T23:59:59Z')).decision).toBe('accepted');
    expect(e.record(ev('s', 'max_rooms', '2026-04-17T00:00:00Z')).reason).toBe('inactive');
    expect(e.statusAt('s', ms('2026-04-12'))).toBe('grace');
    expect(e.statusAt('s', ms('2026-01-09'))).toBe('pending');
  });
});

describe('admission', () => {
  const stocked = (extra: Partial<EvaluatorPackage> = {}) => pkg('lim', { has_stock: true, stock_qty: 2, price: 10, currency: 'EUR', ...extra });

  function admitted(packages: EvaluatorPackage[], subs: Subscription[]) {
    const r = createEvaluator(manifest(...packages), subs).report(END);
    return r.subscriptions.map((s) => [s.id, s.status_at_end, s.rejected_reason ?? '-', s.oversold]);
  }

  it('rejects subscriptions beyond the stock of live subscriptions, in starts_at order', () => {
    expect(
      admitted(
        [stocked()],
        [
          sub('d', 'lim', '2026-02-01'), // listed first, starts last: a has ended by then
          sub('a', 'lim', '2026-01-01', { ends_at: ms('2026-02-01') }),
          sub('b', 'lim', '2026-01-05'),
          sub('c', 'lim', '2026-01-10'),
        ],
      ),
    ).toEqual([
      ['d', 'active', '-', false],
      ['a', 'suspended', '-', false],
      ['b', 'active', '-', false],
      ['c', 'rejected', 'out_of_stock', false],
    ]);
  });

  it('breaks ties by scenario order, and counts grace as live', () => {
    expect(
      admitted(
        [stocked({ stock_qty: 1, grace_period: 3 })],
        [sub('a', 'lim', '2026-01-01', { ends_at: ms('2026-02-01') }), sub('y', 'lim', '2026-02-04'), sub('x', 'lim', '2026-02-04'), sub('z', 'lim', '2026-02-03')],
      ),
    ).toEqual([
      ['a', 'suspended', '-', false],
      ['y', 'active', '-', false],
      ['x', 'rejected', 'out_of_stock', false],
      ['z', 'rejected', 'out_of_stock', false], // a is in grace until Feb 4
    ]);
  });

  it('oversells when enabled', () => {
    expect(admitted([stocked({ oversell_enabled: true })], [sub('a', 'lim', '2026-01-01'), sub('b', 'lim', '2026-01-01'), sub('c', 'lim', '2026-01-01')])).toEqual([
      ['a', 'active', '-', false],
      ['b', 'active', '-', false],
      ['c', 'active', '-', true],
    ]);
  });

  it('rejects subscriptions to retired or non-active packages, which take no stock', () => {
    const packages = [pkg('old', { retired: true }), pkg('wip', { status: 'draft' }), pkg('off', { status: 'inactive' }), stocked({ stock_qty: 1 })];
    expect(admitted(packages, [sub('a', 'old', '2026-01-01'), sub('b', 'wip', '2026-01-01'), sub('c', 'off', '2026-01-01'), sub('d', 'lim', '2026-01-01')])).toEqual([
      ['a', 'rejected', 'not_subscribable', false],
      ['b', 'rejected', 'not_subscribable', false],
      ['c', 'rejected', 'not_subscribable', false],
      ['d', 'active', '-', false],
    ]);
  });

  it('never charges a rejected subscription', () => {
    const r = createEvaluator(manifest(pkg('old', { retired: true, price: 10, signup_fee: 5, currency: 'EUR' })), [sub('a', 'old', '2026-01-01')]).report(END);
    expect(r.subscriptions[0]).toMatchObject({
      charges: { currency: 'EUR', seats: 1, signup_fee: 0, periods: 0, recurring: 0, overage: 0, unbilled_overage: 0, total: 0 },
      phases: [{ phase: 'rejected', start: '2026-01-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' }],
    });
  });

  it('refuses inputs a loader should have caught', () => {
    expect(() => createEvaluator(manifest(), [sub('a', 'nope', '2026-01-01')])).toThrow(/unknown package `nope`/);
    expect(() => createEvaluator(manifest(stocked()), [sub('a', 'lim', '2026-01-01'), sub('a', 'lim', '2026-01-02')])).toThrow(/listed twice/);
    expect(() => createEvaluator(manifest(stocked()), [{ id: 'a', package: 'lim', starts_at: Number.NaN }])).toThrow(/starts_at/);
    expect(() => createEvaluator(manifest(), [], { dedupeWindowDays: -1 })).toThrow(/dedupeWindowDays/);
  });
});
