// Override levels (SPEC §8.6): subscription values replace the package's; account and room values
// narrow it, keep their own buckets for consumables, and cap the use of non-consumables.
import { describe, expect, it } from 'vitest';
import { createEvaluator, type Subscription } from '../../src/evaluate/index.js';
import { ev, manifest, pkg, sub } from './helpers.js';

const p = pkg('p', { features: { max_rooms: 10, max_recordings: 10, max_participants: 10, recording: true, private_chat: false, max_accounts: 5 } });
const T = '2026-01-15T00:00:00Z';

function evaluator(overrides: Partial<Subscription>) {
  return createEvaluator(manifest(p, pkg('q', { overages_enabled: true, features: { max_recordings: 10 } })), [sub('s', 'p', '2026-01-01', overrides)]);
}

describe('subscription values', () => {
  it('replace the package value, may exceed it and may add features', () => {
    const e = evaluator({ features: { max_rooms: 12, max_storage: 1 } });
    for (let i = 0; i < 12; i++) expect(e.record(ev('s', 'max_rooms', T)).decision).toBe('accepted');
    expect(e.record(ev('s', 'max_rooms', T)).decision).toBe('denied');
    expect(e.record(ev('s', 'max_storage', T, { gb: 1 })).decision).toBe('accepted');
    expect(e.warnings).toEqual([]);
  });

  it('can switch a feature off or on', () => {
    const e = evaluator({ features: { recording: false, private_chat: true } });
    expect(e.record(ev('s', 'recording', T)).reason).toBe('not_included');
    expect(e.record(ev('s', 'private_chat', T)).decision).toBe('accepted');
  });
});

describe('account and room values', () => {
  it('keep a separate bucket for a consumable: an add must fit every bucket', () => {
    const e = evaluator({ accounts: { a1: { max_recordings: 2 } }, rooms: { r1: { max_recordings: 1 } } });
    const rec = (props: Record<string, unknown>) => e.record(ev('s', 'max_recordings', T, props));
    expect(rec({ account: 'a1' })).toMatchObject({ decision: 'accepted', level: 'subscription', usage_after: 1 });
    expect(rec({ account: 'a1', room: 'r1' }).decision).toBe('accepted');
    // a1 has used 2 of 2; r1 1 of 1.
    expect(rec({ account: 'a1' })).toMatchObject({ decision: 'denied', reason: 'over_limit', level: 'account', usage_before: 2, usage_after: 3, limit: 2 });
    expect(rec({ account: 'a2', room: 'r1' })).toMatchObject({ reason: 'over_limit', level: 'room', usage_before: 1, limit: 1 });
    expect(rec({ account: 'a2' }).decision).toBe('accepted'); // a2 has no value of its own
    expect(e.usage('s', 'max_recordings')).toBe(3);
    expect(e.usage('s', 'max_recordings', { account: 'a1' })).toBe(2);
    expect(e.usage('s', 'max_recordings', { room: 'r1' })).toBe(1);
  });

  it('refuse removes that would take any bucket below zero', () => {
    const e = evaluator({ accounts: { a1: { max_recordings: 5 } } });
    e.record(ev('s', 'max_recordings', T));
    expect(e.record(ev('s', 'max_recordings', T, { account: 'a1', operation_type: 'remove' }))).toMatchObject({
      decision: 'denied',
      reason: 'invalid',
      level: 'account',
      usage_before: 0,
      usage_after: -1,
    });
    expect(e.record(ev('s', 'max_recordings', T, { operation_type: 'remove' })).decision).toBe('accepted');
  });

  it('cap a non-consumable use by the narrowest value that applies', () => {
    const e = evaluator({ accounts: { a1: { max_participants: 4 } }, rooms: { r1: { max_participants: 2 } } });
    const join = (props: Record<string, unknown>) => e.record(ev('s', 'max_participants', T, { session: 'm', ...props }));
    expect(join({ account: 'a1', room: 'r1' })).toMatchObject({ decision: 'accepted', level: 'room', limit: 2, usage_after: 1 });
    expect(join({ account: 'a1', room: 'r1' }).decision).toBe('accepted');
    expect(join({ account: 'a1', room: 'r1' })).toMatchObject({ reason: 'over_limit', level: 'room', usage_after: 3 });
    expect(join({ account: 'a1' })).toMatchObject({ decision: 'accepted', level: 'account', limit: 4, usage_after: 3 });
    expect(join({}).decision).toBe('accepted'); // one use, one bucket: 4 of 10
  });

  it('narrow the subscription value, not the package value', () => {
    const e = evaluator({ features: { max_rooms: 20 }, accounts: { a1: { max_rooms: 15 } } });
    expect(e.warnings).toEqual([]);
  });

  it('are ignored with a warning when above their parent, at a level not allowed, unknown or ill-typed', () => {
    const e = evaluator({
      accounts: { a1: { max_rooms: 11, recording: false, nope: 1, max_participants: true, max_recordings: 'x' as unknown as number } },
      rooms: { r1: { private_chat: true, max_rooms: 1, max_recordings: 3 } },
      features: { recording: 3 },
    });
    expect(e.warnings.map((w) => [w.level, w.owner, w.feature, w.problem])).toEqual([
      ['subscription', undefined, 'recording', 'invalid_value'],
      ['account', 'a1', 'max_rooms', 'above_parent'],
      ['account', 'a1', 'recording', 'level_not_allowed'],
      ['account', 'a1', 'nope', 'unknown_feature'],
      ['account', 'a1', 'max_participants', 'above_parent'],
      ['account', 'a1', 'max_recordings', 'invalid_value'],
      ['room', 'r1', 'private_chat', 'above_parent'],
      ['room', 'r1', 'max_rooms', 'level_not_allowed'],
    ]);
    expect(e.warnings[1]!.message).toBe("account `a1` sets `max_rooms` to 11, above the subscription's 10: ignored (overrides can only narrow)");
    // The ignored values change nothing; the valid one (r1 max_recordings 3) applies.
    for (let i = 0; i < 10; i++) expect(e.record(ev('s', 'max_rooms', T, { account: 'a1' })).decision).toBe('accepted');
    expect(e.record(ev('s', 'private_chat', T, { room: 'r1' })).reason).toBe('not_included');
    expect(e.record(ev('s', 'recording', T)).decision).toBe('accepted');
  });

  it('a switch can only be turned off', () => {
    const e = evaluator({ rooms: { r1: { recording: false }, r2: { recording: true } } });
    expect(e.record(ev('s', 'recording', T, { room: 'r1' })).reason).toBe('not_included');
    expect(e.record(ev('s', 'recording', T, { room: 'r2' })).decision).toBe('accepted');
    expect(e.warnings).toEqual([]);
  });

  it('accept numeric ids and ignore ids that are not strings or numbers', () => {
    const e = evaluator({ rooms: { '7': { max_recordings: 0 } } });
    expect(e.record(ev('s', 'max_recordings', T, { room: 7 })).reason).toBe('over_limit');
    expect(e.record(ev('s', 'max_recordings', T, { room: { id: 7 } })).decision).toBe('accepted');
  });

  it('overage applies to every bucket and overage amount counts the subscription level only', () => {
    const e = createEvaluator(manifest(pkg('q', { overages_enabled: true, features: { max_recordings: 3 } })), [
      sub('s', 'q', '2026-01-01', { accounts: { a1: { max_recordings: 1 } } }),
    ]);
    const rec = () => e.record(ev('s', 'max_recordings', T, { account: 'a1' }));
    expect([rec(), rec(), rec(), rec()].map((d) => `${d.decision}@${d.level}`)).toEqual([
      'accepted@subscription',
      'overage@account',
      'overage@account',
      'overage@subscription',
    ]);
    const report = e.report(Date.parse('2026-02-01T00:00:00Z'));
    expect(report.subscriptions[0]!.features[0]).toMatchObject({ code: 'max_recordings', usage: 4, peak: 4, accepted: 1, overage: 3, overage_amount: 1 });
  });

  it('user-keyed maps never touch prototypes', () => {
    const e = evaluator(JSON.parse('{"accounts": {"__proto__": {"max_rooms": 1}}, "rooms": {"constructor": {"max_recordings": 0}}}'));
    expect(e.record(ev('s', 'max_rooms', T, { account: '__proto__' })).decision).toBe('accepted');
    expect(e.record(ev('s', 'max_rooms', T, { account: '__proto__' })).level).toBe('account');
    expect(e.record(ev('s', 'max_recordings', T, { room: 'constructor' })).reason).toBe('over_limit');
    expect(e.record(ev('s', 'max_recordings', T, { room: 'toString' })).decision).toBe('accepted');
    expect(({} as Record<string, unknown>).max_rooms).toBeUndefined();
  });
});
