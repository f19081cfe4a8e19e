// Buckets and aggregation (SPEC §8.4): count, sum, max, unique; consumable windows anchored at the
// start; non-consumable uses keyed by the use key.
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/evaluate/index.js';
import { featureRule } from '../../src/evaluate/feature-rule.js';
import { FeatureState } from '../../src/evaluate/state.js';
import { CATALOG, ev, manifest, ms, pkg, sub } from './helpers.js';

const p = pkg('p', {
  features: {
    max_rooms: 100,
    max_storage: 100,
    max_participants: 3,
    max_duration: 60,
    peak_bitrate: 1000,
    viewers: 100,
    api_calls: 2,
    max_recordings: { value: 2, periodicity_type: 'monthly', periodicity: 1 },
  },
});

function evaluator(startsAt = '2024-01-31') {
  return createEvaluator(manifest(p), [sub('s', 'p', startsAt)]);
}

describe('count and sum', () => {
  it('usage is adds minus removes', () => {
    const e = evaluator();
    e.record(ev('s', 'max_rooms', '2024-02-01T00:00:00Z'));
    e.record(ev('s', 'max_rooms', '2024-02-01T00:00:00Z'));
    e.record(ev('s', 'max_rooms', '2024-02-01T00:00:00Z', { operation_type: 'remove' }));
    expect(e.usage('s', 'max_rooms')).toBe(1);
  });

  it('sums fractions exactly to 6 decimals', () => {
    const e = evaluator();
    for (const gb of [0.1, 0.2]) e.record(ev('s', 'max_storage', '2024-02-01T00:00:00Z', { gb }));
    const d = e.record(ev('s', 'max_storage', '2024-02-01T00:00:00Z', { gb: 0.3, operation_type: 'remove' }));
    expect([d.decision, d.usage_after]).toEqual(['accepted', 0]);
  });
});

describe('max', () => {
  it('keeps the largest amount added per use', () => {
    const e = evaluator();
    const amounts = [300, 800, 500];
    const after = amounts.map((kbps) => e.record(ev('s', 'peak_bitrate', '2024-02-01T00:00:00Z', { session: 'm1', kbps })).usage_after);
    expect(after).toEqual([300, 800, 800]);
    expect(e.record(ev('s', 'peak_bitrate', '2024-02-01T00:00:00Z', { session: 'm1', kbps: 1200 })).decision).toBe('denied');
    expect(e.record(ev('s', 'peak_bitrate', '2024-02-01T00:00:00Z', { session: 'm2', kbps: 900 })).usage_after).toBe(900);
  });
});

describe('unique', () => {
  it('counts identities currently added', () => {
    const e = evaluator();
    const steps: [string, 'add' | 'remove'][] = [
      ['ann', 'add'],
      ['bob', 'add'],
      ['ann', 'add'], // repeated: no change
      [7 as unknown as string, 'add'], // a number is an identity too
      ['bob', 'remove'],
      ['zed', 'remove'], // absent: no change
    ];
    const usage = steps.map(([viewer, operation_type]) => e.record(ev('s', 'viewers', '2024-02-01T00:00:00Z', { viewer, operation_type })).usage_after);
    expect(usage).toEqual([1, 2, 2, 3, 2, 2]);
  });
});

describe('consumable windows', () => {
  it('reset at boundaries anchored at the start, clamped per month (Jan 31 → Feb 29 → Mar 31)', () => {
    const e = evaluator('2024-01-31');
    const at = (iso: string) => e.record(ev('s', 'max_recordings', iso));
    expect(at('2024-02-28T23:59:59Z')).toMatchObject({ decision: 'accepted', usage_after: 1, window: { start: ms('2024-01-31'), end: ms('2024-02-29') } });
    expect(at('2024-02-28T23:59:59Z').usage_after).toBe(2);
    expect(at('2024-02-28T23:59:59Z').decision).toBe('denied');
    // Feb 29 starts the second window.
    expect(at('2024-02-29T00:00:00Z')).toMatchObject({ usage_after: 1, window: { start: ms('2024-02-29'), end: ms('2024-03-31') } });
    expect(at('2024-03-30T12:00:00Z').usage_after).toBe(2);
    expect(at('2024-03-31T00:00:00Z')).toMatchObject({ usage_after: 1, window: { start: ms('2024-03-31'), end: ms('2024-04-30') } });
  });

  it('jumps over windows without events', () => {
    const e = evaluator('2024-01-31');
    e.record(ev('s', 'max_recordings', '2024-02-01T00:00:00Z'));
    expect(e.record(ev('s', 'max_recordings', '2024-09-15T00:00:00Z'))).toMatchObject({
      usage_after: 1,
      window: { start: ms('2024-08-31'), end: ms('2024-09-30') },
    });
  });

  it('daily windows follow the start time of day', () => {
    const e = createEvaluator(manifest(p), [{ id: 's', package: 'p', starts_at: ms('2024-01-31T12:00:00Z') }]);
    const at = (iso: string) => e.record(ev('s', 'api_calls', iso));
    expect(at('2024-02-01T11:00:00Z').usage_after).toBe(1);
    expect(at('2024-02-01T11:59:59Z').usage_after).toBe(2);
    expect(at('2024-02-01T12:00:00Z').usage_after).toBe(1);
  });

  it('periodicity 0 never resets', () => {
    const e = evaluator();
    e.record(ev('s', 'max_rooms', '2024-02-01T00:00:00Z'));
    expect(e.record(ev('s', 'max_rooms', '2030-02-01T00:00:00Z')).usage_after).toBe(2);
  });
});

describe('non-consumable uses', () => {
  it('cap each use separately', () => {
    const e = evaluator();
    const join = (session?: string) => e.record(ev('s', 'max_participants', '2024-02-01T00:00:00Z', session ? { session } : {})).decision;
    expect([join('a'), join('a'), join('a'), join('a')]).toEqual(['accepted', 'accepted', 'accepted', 'denied']);
    expect(join('b')).toBe('accepted');
    e.record(ev('s', 'max_participants', '2024-02-01T00:00:00Z', { session: 'a', operation_type: 'remove' }));
    expect(join('a')).toBe('accepted');
    expect(e.usage('s', 'max_participants', { use: 'a' })).toBe(3);
  });

  it('an event without the use key is a use of its own', () => {
    const e = evaluator();
    for (let i = 0; i < 5; i++) {
      expect(e.record(ev('s', 'max_duration', '2024-02-01T00:00:00Z', { minutes: 50 }))).toMatchObject({ decision: 'accepted', usage_before: 0, usage_after: 50 });
    }
  });

  it('sums minutes per session', () => {
    const e = evaluator();
    const add = (minutes: number) => e.record(ev('s', 'max_duration', '2024-02-01T00:00:00Z', { session: 'x', minutes })).decision;
    expect([add(30), add(30), add(1)]).toEqual(['accepted', 'accepted', 'denied']);
  });
});

describe('idle uses', () => {
  it('a use idle for 35 days (by default) is over: the next event starts a new use', () => {
    const e = evaluator();
    const join = (at: string) => e.record(ev('s', 'max_participants', at, { session: 'weekly' }));
    expect([join('2024-02-01T00:00:00Z'), join('2024-02-01T00:00:00Z'), join('2024-02-01T00:00:00Z')].map((d) => d.decision)).toEqual(['accepted', 'accepted', 'accepted']);
    // Still the same use 34 days later (each event keeps it alive): full.
    expect(join('2024-03-06T00:00:00Z').decision).toBe('denied');
    // 35 days after its last event, the use is over.
    expect(join('2024-04-10T00:00:00Z')).toMatchObject({ decision: 'accepted', usage_before: 0, usage_after: 1 });
  });

  it('follows useIdleDays', () => {
    const e = createEvaluator(manifest(p), [sub('s', 'p', '2024-01-31')], { useIdleDays: 1 });
    e.record(ev('s', 'max_duration', '2024-02-01T00:00:00Z', { session: 'x', minutes: 50 }));
    expect(e.record(ev('s', 'max_duration', '2024-02-02T00:00:00Z', { session: 'x', minutes: 50 }))).toMatchObject({ decision: 'accepted', usage_before: 0 });
    expect(() => createEvaluator(manifest(p), [], { useIdleDays: 0 })).toThrow(/useIdleDays/);
  });

  it('forgets idle uses, so memory follows the live ones', () => {
    const rule = featureRule(CATALOG.find((f) => f.code === 'max_participants')!, 0);
    const state = new FeatureState(rule, { rule, included: true, limit: 10, accounts: null, rooms: null }, true, 0, []);
    const DAY = 86_400_000;
    let most = 0;
    // 100 new meetings a day for 400 days, each used once: about 3,500 are live within 35 days.
    for (let day = 0; day < 400; day++) {
      for (let m = 0; m < 100; m++) {
        state.useBucket(`d${day}-m${m}`, day * DAY, 35 * DAY).add(0, 1, '');
        state.settleUse();
      }
      most = Math.max(most, state.rememberedUses);
    }
    // The use table (use-table.ts) drops idle uses when it is half full and doubles only when the
    // live ones fill a quarter of it: it remembers at most about 2.3× the live uses, never the
    // 40,000 ever seen.
    expect(most).toBeLessThan(2.5 * 3_600);
  });

  it('never forgets a use being created when the sweep runs', () => {
    const e = evaluator();
    // Enough idle uses to trigger sweeps, then every new use must keep its first event.
    for (let i = 0; i < 40; i++) e.record(ev('s', 'max_participants', '2024-02-01T00:00:00Z', { session: `old-${i}` }));
    for (let i = 0; i < 200; i++) {
      const at = '2024-04-01T00:00:00Z';
      e.record(ev('s', 'max_participants', at, { session: `new-${i}` }));
      expect(e.record(ev('s', 'max_participants', at, { session: `new-${i}` })).usage_before).toBe(1);
    }
  });
});
