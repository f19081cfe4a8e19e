// The report data (SPEC §8.8): totals, feature listing and per-feature figures.
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/evaluate/index.js';
import { ev, manifest, ms, pkg, sub } from './helpers.js';

const p = pkg('p', {
  overages_enabled: true,
  features: { max_recordings: { value: 2, periodicity: 1 }, max_rooms: true, recording: true, max_participants: 3, private_chat: false },
});

function evaluator() {
  return createEvaluator(manifest(p), [sub('s', 'p', '2026-01-10', { features: { max_storage: 5 } }), sub('t', 'p', '2026-09-01')]);
}

describe('report', () => {
  it('lists the subscription features in order, then other catalog features that got events', () => {
    const e = evaluator();
    e.record(ev('s', 'max_duration', '2026-01-11T00:00:00Z', { minutes: 3 }));
    const r = e.report(ms('2026-02-01')).subscriptions[0]!;
    expect(r.features.map((f) => [f.code, f.limit])).toEqual([
      ['max_recordings', 2],
      ['max_rooms', 'unlimited'],
      ['recording', true],
      ['max_participants', 3],
      ['private_chat', false],
      ['max_storage', 5],
      ['max_duration', false],
    ]);
    expect(r.features.at(-1)).toEqual({ code: 'max_duration', limit: false, usage: null, peak: 0, accepted: 0, overage: 0, denied: 1, overage_amount: 0, overage_charge: 0 });
  });

  it('computes usage at the end, peak and overage amount over windows', () => {
    const e = evaluator();
    // Window [Jan 10, Feb 10): 4 recordings (2 over), window [Feb 10, Mar 10): 3 (1 over), one removed.
    for (let i = 0; i < 4; i++) e.record(ev('s', 'max_recordings', '2026-01-20T00:00:00Z'));
    for (let i = 0; i < 3; i++) e.record(ev('s', 'max_recordings', '2026-02-20T00:00:00Z'));
    e.record(ev('s', 'max_recordings', '2026-02-21T00:00:00Z', { operation_type: 'remove' }));
    const feature = (end: string) => e.report(ms(end)).subscriptions[0]!.features[0];
    expect(feature('2026-03-01')).toEqual({ code: 'max_recordings', limit: 2, usage: 2, peak: 4, accepted: 5, overage: 3, denied: 0, overage_amount: 3, overage_charge: 0 });
    // The window holding the end's last instant has no usage yet.
    expect(feature('2026-04-01')!.usage).toBe(0);
  });

  it('sums a use peak above its limit for non-consumables', () => {
    const e = evaluator();
    for (let i = 0; i < 5; i++) e.record(ev('s', 'max_participants', '2026-01-20T00:00:00Z', { session: 'a' }));
    for (let i = 0; i < 2; i++) e.record(ev('s', 'max_participants', '2026-01-20T00:00:00Z', { session: 'a', operation_type: 'remove' }));
    for (let i = 0; i < 4; i++) e.record(ev('s', 'max_participants', '2026-01-20T00:00:00Z', { session: 'a' }));
    for (let i = 0; i < 4; i++) e.record(ev('s', 'max_participants', '2026-01-21T00:00:00Z', { session: 'b' }));
    // a peaked at 7 (4 over), b at 4 (1 over).
    expect(e.report(ms('2026-02-01')).subscriptions[0]!.features[3]).toMatchObject({ usage: null, peak: 7, overage_amount: 5 });
  });

  it('counts totals by reason, attributing denials to known subscription features only', () => {
    const e = evaluator();
    e.record(ev('s', 'max_rooms', '2026-01-20T00:00:00Z', undefined, 'x'));
    e.record(ev('s', 'max_rooms', '2026-01-20T00:00:00Z', undefined, 'x'));
    e.record(ev('s', 'max_rooms', '2026-01-19T00:00:00Z'));
    e.record(ev('s', 'private_chat', '2026-01-20T00:00:00Z'));
    e.record(ev('s', 'max_rooms', 'never'));
    e.record(ev('ghost', 'max_rooms', '2026-01-20T00:00:00Z'));
    e.record(ev('s', 'nope', '2026-01-20T00:00:00Z'));
    e.record(ev('t', 'max_rooms', '2026-01-20T00:00:00Z'));
    const r = e.report(ms('2026-02-01'));
    expect(r.totals).toEqual({
      events: 8,
      accepted: 1,
      overage: 0,
      denied: 7,
      by_reason: { invalid: 1, duplicate: 1, out_of_order: 1, unknown_subscription: 1, unknown_feature: 1, inactive: 1, not_included: 1, over_limit: 0 },
      revenue: {},
    });
    const rooms = r.subscriptions[0]!.features.find((f) => f.code === 'max_rooms')!;
    expect([rooms.accepted, rooms.denied]).toEqual([1, 3]);
    expect(r.subscriptions[1]).toMatchObject({ id: 't', status_at_end: 'pending', phases: [] });
  });

  it('is a pure read: the same report twice', () => {
    const e = evaluator();
    for (let i = 0; i < 3; i++) e.record(ev('s', 'max_recordings', '2026-01-20T00:00:00Z'));
    expect(e.report(ms('2026-03-01'))).toEqual(e.report(ms('2026-03-01')));
    expect(() => e.report(Infinity)).toThrow(RangeError);
    expect(e.report(ms('2026-03-01')).end).toBe('2026-03-01T00:00:00.000Z');
  });
});
