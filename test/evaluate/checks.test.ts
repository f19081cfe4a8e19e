// The nine ordered checks of SPEC §8.5, one block each, plus which check wins when several apply.
import { describe, expect, it } from 'vitest';
import { createEvaluator, type Decision, type EvaluatorPackage, type UsageEvent } from '../../src/evaluate/index.js';
import { ev, manifest, ms, pkg, sub } from './helpers.js';

const FEATURES = {
  max_rooms: 2,
  max_storage: 10,
  max_participants: 3,
  recording: true,
  private_chat: false,
  peak_bitrate: 1000,
  viewers: 2,
  max_recordings: 0,
  max_accounts: true,
};
const standard = pkg('std', { features: FEATURES });
const withOverages = pkg('ovr', { features: FEATURES, overages_enabled: true });

function evaluator(options: { dedupeWindowDays?: number } = {}, packages: EvaluatorPackage[] = [standard, withOverages]) {
  return createEvaluator(
    manifest(...packages),
    [sub('acme', 'std', '2026-01-01', { ends_at: ms('2026-06-01') }), sub('beta', 'ovr', '2026-01-01'), sub('late', 'std', '2026-03-01')],
    options,
  );
}

/** Decision and reason of each event, in order. */
function outcomes(events: UsageEvent[], options = {}): string[] {
  const e = evaluator(options);
  return events.map((event) => short(e.record(event)));
}

function short(d: Decision): string {
  return d.reason ? `${d.decision}:${d.reason}` : d.decision;
}

const T = '2026-01-15T10:00:00Z';

describe('check 1: invalid envelope', () => {
  it.each([
    ['no transaction_id', { external_subscription_id: 'acme', code: 'max_rooms', timestamp: T }],
    ['empty transaction_id', { transaction_id: '', external_subscription_id: 'acme', code: 'max_rooms', timestamp: T }],
    ['numeric transaction_id', { transaction_id: 7, external_subscription_id: 'acme', code: 'max_rooms', timestamp: T }],
    ['no subscription', { transaction_id: 'a', code: 'max_rooms', timestamp: T }],
    ['no code', { transaction_id: 'a', external_subscription_id: 'acme', timestamp: T }],
    ['no timestamp', { transaction_id: 'a', external_subscription_id: 'acme', code: 'max_rooms' }],
    ['bad timestamp', { transaction_id: 'a', external_subscription_id: 'acme', code: 'max_rooms', timestamp: '2026-01-15' }],
  ])('%s', (_, event) => {
    expect(outcomes([event])).toEqual(['denied:invalid']);
  });

  it('refuses values that are not objects', () => {
    expect(outcomes([null, 5, 'event', [1]] as unknown as UsageEvent[])).toEqual(['denied:invalid', 'denied:invalid', 'denied:invalid', 'denied:invalid']);
  });

  it('is not remembered by the dedupe check', () => {
    const bad = { transaction_id: 'x', external_subscription_id: 'acme', code: 'max_rooms', timestamp: 'nope' };
    expect(outcomes([bad, ev('acme', 'max_rooms', T, undefined, 'x')])).toEqual(['denied:invalid', 'accepted']);
  });

  it('wins over every later check', () => {
    expect(outcomes([{ transaction_id: 'x', external_subscription_id: 'nobody', code: 'nothing', timestamp: 'bad' }])).toEqual(['denied:invalid']);
  });
});

describe('check 2: duplicate', () => {
  it('refuses the same (subscription, transaction) within the window; the first wins', () => {
    expect(
      outcomes([
        ev('acme', 'max_rooms', '2026-01-10T00:00:00Z', undefined, 'x'),
        ev('acme', 'max_rooms', '2026-01-20T00:00:00Z', undefined, 'x'),
        ev('beta', 'max_rooms', '2026-01-20T00:00:00Z', undefined, 'x'), // another subscription
        // 35 days after the first (not after the duplicate): no longer a duplicate.
        ev('acme', 'max_rooms', '2026-02-14T00:00:00Z', undefined, 'x'),
      ]),
    ).toEqual(['accepted', 'denied:duplicate', 'accepted', 'accepted']);
  });

  it('measures the window from the first event, strictly', () => {
    expect(
      outcomes([
        ev('acme', 'max_storage', '2026-01-10T00:00:00Z', { gb: 1 }, 'x'),
        ev('acme', 'max_storage', '2026-02-14T00:00:00Z', { gb: 1 }, 'x'), // exactly 35 days
      ]),
    ).toEqual(['accepted', 'accepted']);
    expect(
      outcomes([
        ev('acme', 'max_storage', '2026-01-10T00:00:00Z', { gb: 1 }, 'x'),
        ev('acme', 'max_storage', '2026-02-13T23:59:59.999Z', { gb: 1 }, 'x'),
      ]),
    ).toEqual(['accepted', 'denied:duplicate']);
  });

  it('follows --dedupe-window, and 0 disables it', () => {
    const events = () => [ev('acme', 'max_storage', '2026-01-10T00:00:00Z', { gb: 1 }, 'x'), ev('acme', 'max_storage', '2026-01-13T00:00:00Z', { gb: 1 }, 'x')];
    expect(outcomes(events(), { dedupeWindowDays: 2 })).toEqual(['accepted', 'accepted']);
    expect(outcomes(events(), { dedupeWindowDays: 5 })).toEqual(['accepted', 'denied:duplicate']);
    expect(outcomes(events(), { dedupeWindowDays: 0 })).toEqual(['accepted', 'accepted']);
  });

  it('wins over out_of_order, and out-of-order events are remembered', () => {
    expect(
      outcomes([
        ev('acme', 'max_storage', '2026-01-10T00:00:00Z', { gb: 1 }, 'x'),
        ev('acme', 'max_storage', '2026-01-12T00:00:00Z', { gb: 1 }, 'y'),
        ev('acme', 'max_storage', '2026-01-09T00:00:00Z', { gb: 1 }, 'x'), // older and repeated
        ev('acme', 'max_storage', '2026-01-11T00:00:00Z', { gb: 1 }, 'z'), // older, new id
        ev('acme', 'max_storage', '2026-01-13T00:00:00Z', { gb: 1 }, 'z'), // z was seen (out of order)
      ]),
    ).toEqual(['accepted', 'accepted', 'denied:duplicate', 'denied:out_of_order', 'denied:duplicate']);
  });

  it('applies to unknown subscriptions too (it runs before check 4)', () => {
    expect(outcomes([ev('ghost', 'max_rooms', T, undefined, 'x'), ev('ghost', 'max_rooms', T, undefined, 'x')])).toEqual([
      'denied:unknown_subscription',
      'denied:duplicate',
    ]);
  });
});

describe('check 3: out_of_order', () => {
  it('refuses events older than the latest of their subscription; equal instants are fine', () => {
    expect(
      outcomes([
        ev('acme', 'max_storage', '2026-01-10T00:00:00Z', { gb: 1 }),
        ev('acme', 'max_storage', '2026-01-10T00:00:00Z', { gb: 1 }),
        ev('acme', 'max_storage', '2026-01-09T23:59:59Z', { gb: 1 }),
        ev('beta', 'max_storage', '2026-01-05T00:00:00Z', { gb: 1 }), // other subscriptions are independent
        ev('acme', 'max_storage', '2026-01-11T00:00:00Z', { gb: 1 }),
      ]),
    ).toEqual(['accepted', 'accepted', 'denied:out_of_order', 'accepted', 'accepted']);
  });

  it('counts events denied by later checks as seen', () => {
    expect(
      outcomes([
        ev('acme', 'no_such_feature', '2026-01-10T00:00:00Z'),
        ev('acme', 'max_rooms', '2026-01-09T00:00:00Z'),
      ]),
    ).toEqual(['denied:unknown_feature', 'denied:out_of_order']);
  });
});

describe('check 4: unknown subscription, then unknown feature', () => {
  it('names the subscription first', () => {
    expect(outcomes([ev('ghost', 'no_such_feature', T), ev('acme', 'no_such_feature', T)])).toEqual([
      'denied:unknown_subscription',
      'denied:unknown_feature',
    ]);
  });
  it('finds each feature among the codes of its length, few or many, and no feature for an unknown code of a known length', () => {
    // Codes are looked up by length, then compared (evaluator.ts `ruleOf`); past four of one
    // length, through the map. Here 12 codes of length 7 and the catalog's own.
    const many = Array.from({ length: 12 }, (_, i) => `feat_${String(i).padStart(2, '0')}`);
    const features = many.map((code) => ({ ...manifest().catalog.features.find((f) => f.code === 'api_calls')!, code }));
    const base = manifest(pkg('std', { features: { max_rooms: 5, max_storage: 10, max_duration: 100 } }));
    const packageFeatures = { ...base.packages[0]!.features, ...Object.fromEntries(features.map((f) => [f.code, { ...f, value: 1 }])) };
    const e = createEvaluator(
      { catalog: { features: [...base.catalog.features, ...features] }, packages: [{ ...base.packages[0]!, features: packageFeatures }] },
      [sub('acme', 'std', '2026-01-01')],
    );
    const decide = (code: string, properties?: Record<string, unknown>): string => {
      const d = e.record(ev('acme', code, T, properties));
      return d.reason ? `${d.decision}:${d.reason}` : d.decision;
    };
    for (const code of many) expect(decide(code)).toBe('accepted');
    expect(many.map((code) => decide(code))).toEqual(many.map(() => 'denied:over_limit')); // each its own bucket
    expect(decide('feat_12')).toBe('denied:unknown_feature'); // length 7, many codes: the map
    expect(decide('max_rooms')).toBe('accepted'); // length 9: max_rooms and recording
    expect(decide('max_roomz')).toBe('denied:unknown_feature');
    expect(decide('max_storage', { gb: 1 })).toBe('accepted'); // length 11: max_storage and public_chat
    expect(decide('max_duration', { session: 's', minutes: 5 })).toBe('accepted'); // length 12: four codes
    expect(decide('max_durat1on')).toBe('denied:unknown_feature');
    expect(decide('x'.repeat(100_000))).toBe('denied:unknown_feature');
  });
  it('never reads the prototype for codes or ids', () => {
    expect(outcomes([ev('acme', 'constructor', T), ev('__proto__', 'max_rooms', T), ev('acme', 'toString', T)])).toEqual([
      'denied:unknown_feature',
      'denied:unknown_subscription',
      'denied:unknown_feature',
    ]);
  });
});

describe('check 5: invalid payload', () => {
  it.each([
    ['sum without its field', ev('acme', 'max_storage', T)],
    ['sum with a non-numeric field', ev('acme', 'max_storage', T, { gb: 'lots' })],
    ['sum with a negative amount', ev('acme', 'max_storage', T, { gb: -1 })],
    ['sum with an object', ev('acme', 'max_storage', T, { gb: { n: 1 } })],
    ['max without its field', ev('acme', 'peak_bitrate', T, { session: 's' })],
    ['remove on max', ev('acme', 'peak_bitrate', T, { session: 's', kbps: 10, operation_type: 'remove' })],
    ['unique without its field', ev('acme', 'viewers', T)],
    ['unique with a null identity', ev('acme', 'viewers', T, { viewer: null })],
    ['an unknown operation', ev('acme', 'max_rooms', T, { operation_type: 'delete' })],
    ['properties that are not an object', { ...ev('acme', 'max_rooms', T), properties: [1] }],
    ['a remove below zero', ev('acme', 'max_rooms', T, { operation_type: 'remove' })],
    ['a sum remove below zero', ev('acme', 'max_storage', T, { gb: 0.5, operation_type: 'remove' })],
  ])('%s', (_, event) => {
    expect(outcomes([event])).toEqual(['denied:invalid']);
  });

  it('accepts numeric strings as amounts (Lago sends them)', () => {
    const e = evaluator();
    const d = e.record(ev('acme', 'max_storage', T, { gb: '2.5' }));
    expect([d.decision, d.usage_after]).toEqual(['accepted', 2.5]);
  });

  it('a remove of an absent identity is valid and changes nothing', () => {
    const e = evaluator();
    const d = e.record(ev('acme', 'viewers', T, { viewer: 'v1', operation_type: 'remove' }));
    expect([d.decision, d.usage_before, d.usage_after]).toEqual(['accepted', 0, 0]);
  });

  it('runs before the lifecycle check', () => {
    expect(outcomes([ev('late', 'max_rooms', T, { operation_type: 'remove' }), ev('late', 'max_rooms', '2026-01-16T00:00:00Z')])).toEqual([
      'denied:invalid',
      'denied:inactive',
    ]);
  });
});

describe('check 6: inactive', () => {
  it('refuses events before the start and after the end of access (no grace)', () => {
    expect(
      outcomes([
        ev('late', 'max_rooms', '2026-02-28T23:59:59.999Z'),
        ev('late', 'max_rooms', '2026-03-01T00:00:00Z'),
        ev('acme', 'max_rooms', '2026-05-31T23:59:59Z'),
        ev('acme', 'max_storage', '2026-06-01T00:00:00Z', { gb: 1 }),
      ]),
    ).toEqual(['denied:inactive', 'accepted', 'accepted', 'denied:inactive']);
  });

  it('refuses every event of a rejected subscription', () => {
    const retired = pkg('old', { retired: true, features: FEATURES });
    const e = createEvaluator(manifest(retired), [sub('r', 'old', '2026-01-01')]);
    expect(short(e.record(ev('r', 'max_rooms', T)))).toBe('denied:inactive');
  });

  it('runs before not_included', () => {
    expect(outcomes([ev('late', 'private_chat', T)])).toEqual(['denied:inactive']);
  });
});

describe('check 7: not_included', () => {
  it('refuses a feature the package lacks, and a switch that is off', () => {
    expect(outcomes([ev('acme', 'max_duration', T, { minutes: 5 }), ev('acme', 'private_chat', T), ev('acme', 'recording', T)])).toEqual([
      'denied:not_included',
      'denied:not_included',
      'accepted',
    ]);
  });

  it('refuses a switch turned off at the event room', () => {
    const e = createEvaluator(manifest(standard), [sub('a', 'std', '2026-01-01', { rooms: { quiet: { recording: false } } })]);
    const off = e.record(ev('a', 'recording', T, { room: 'quiet' }));
    expect([short(off), off.level]).toEqual(['denied:not_included', 'room']);
    expect(short(e.record(ev('a', 'recording', T, { room: 'loud' })))).toBe('accepted');
  });
});

describe('check 8: over the limit', () => {
  it('refuses adds above the limit without overages', () => {
    const e = evaluator();
    const decisions = [1, 2, 3].map(() => e.record(ev('acme', 'max_rooms', T)));
    expect(decisions.map(short)).toEqual(['accepted', 'accepted', 'denied:over_limit']);
    expect(decisions[2]).toMatchObject({ level: 'subscription', usage_before: 2, usage_after: 3, limit: 2 });
    expect(e.usage('acme', 'max_rooms')).toBe(2); // denied events change nothing
  });

  it('applies them as overage with overages_enabled', () => {
    const e = evaluator();
    const decisions = [1, 2, 3].map(() => e.record(ev('beta', 'max_rooms', T)));
    expect(decisions.map(short)).toEqual(['accepted', 'accepted', 'overage']);
    expect(e.usage('beta', 'max_rooms')).toBe(3);
  });

  it('a limit of 0 refuses every add, even of nothing', () => {
    expect(outcomes([ev('acme', 'max_recordings', T)])).toEqual(['denied:over_limit']);
  });

  it('caps sums by amount', () => {
    expect(outcomes([ev('acme', 'max_storage', T, { gb: 9.5 }), ev('acme', 'max_storage', T, { gb: 0.5 }), ev('acme', 'max_storage', T, { gb: 0.000001 })])).toEqual([
      'accepted',
      'accepted',
      'denied:over_limit',
    ]);
  });
});

describe('check 9: accepted', () => {
  it('unlimited never exceeds; removes never exceed; switches are not quotas', () => {
    const e = evaluator();
    for (let i = 0; i < 50; i++) expect(short(e.record(ev('acme', 'max_accounts', T)))).toBe('accepted');
    expect(e.record(ev('acme', 'max_accounts', T))).toMatchObject({ limit: 'unlimited', usage_after: 51 });
    for (let i = 0; i < 20; i++) expect(short(e.record(ev('acme', 'recording', T)))).toBe('accepted');
    expect(short(e.record(ev('acme', 'max_accounts', T, { operation_type: 'remove' })))).toBe('accepted');
  });

  it('reports the bucket, limit and window', () => {
    const e = evaluator();
    const d = e.record(ev('acme', 'max_rooms', T));
    expect(d).toEqual({
      decision: 'accepted',
      reason: undefined,
      level: 'subscription',
      usage_before: 0,
      usage_after: 1,
      limit: 2,
      window: { start: ms('2026-01-01'), end: Infinity, index: 0 },
      at: ms(T),
    });
  });
});
