// Invariants of the evaluator over random event streams (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, type Decision, type Subscription, type UsageEvent } from '../../src/evaluate/index.js';
import { manifest, ms, pkg } from './helpers.js';

const packages = [
  pkg('p', {
    trial_period: 5,
    grace_period: 3,
    features: { max_rooms: 4, max_storage: 6, max_participants: 3, max_recordings: { value: 3, periodicity_type: 'weekly', periodicity: 1 }, viewers: 3, recording: true },
    notification_preferences: [
      { event: 'quota_threshold', channels: ['email'], threshold: 50 },
      { event: 'quota_exceeded', channels: ['webhook'] },
    ],
  }),
  pkg('q', { overages_enabled: true, features: { max_rooms: 2, max_storage: 3, max_participants: 2, peak_bitrate: 500 } }),
];
const subscriptions: Subscription[] = [
  { id: 'a', package: 'p', starts_at: ms('2026-01-01'), cancel: { at: ms('2026-01-20'), mode: 'end_of_period' }, accounts: { x: { max_rooms: 2 } }, rooms: { r: { max_participants: 1 } } },
  { id: 'b', package: 'q', starts_at: ms('2026-01-03'), accounts: { x: { max_participants: 1 } } },
  { id: 'c', package: 'q', starts_at: ms('2026-01-02'), ends_at: ms('2026-01-25') },
];
const m = manifest(...packages);
const START = ms('2025-12-30');

/** A random event: mostly well-formed, sometimes not; ids from small pools so duplicates, uses and overrides meet. */
const eventArb: fc.Arbitrary<UsageEvent> = fc.record(
  {
    transaction_id: fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 60 }).map((n) => `t${n}`) }, { weight: 1, arbitrary: fc.constant(undefined) }),
    external_subscription_id: fc.constantFrom('a', 'b', 'c', 'ghost'),
    code: fc.constantFrom('max_rooms', 'max_storage', 'max_participants', 'max_recordings', 'viewers', 'peak_bitrate', 'recording', 'nope'),
    // Hours after START, mostly rising with the index (see `stream`), as ISO or Unix seconds.
    timestamp: fc.integer({ min: 0, max: 40 * 24 }),
    properties: fc.record(
      {
        operation_type: fc.constantFrom('add', 'add', 'add', 'remove'),
        gb: fc.constantFrom(0.1, 0.25, 0.5, 1, 2.5, '1.5', 'x'),
        kbps: fc.integer({ min: 0, max: 900 }),
        session: fc.constantFrom('s1', 's2'),
        viewer: fc.constantFrom('v1', 'v2', 'v3', 'v4'),
        account: fc.constantFrom('x', 'y'),
        room: fc.constantFrom('r', 'q'),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['external_subscription_id', 'code', 'timestamp'] },
);

/** A stream whose instants mostly rise (a random walk), with some going back. */
const stream = fc.array(eventArb, { maxLength: 150 }).map((events) => {
  let hour = 0;
  return events.map((e, i) => {
    hour = Math.max(0, hour + ((e.timestamp as number) % 7) - 1);
    const t = START + hour * 3_600_000;
    return { ...e, timestamp: i % 3 === 0 ? t / 1000 : new Date(t).toISOString() };
  });
});

function replay(events: UsageEvent[]) {
  const e = createEvaluator(m, subscriptions);
  const decisions = events.map((event) => e.record(event));
  return { e, decisions, report: e.report(ms('2026-02-15')) };
}

const isApplied = (d: Decision) => d.decision !== 'denied';

describe('evaluator invariants', () => {
  it('count and sum usage equal accepted adds minus accepted removes, and never go negative', () => {
    fc.assert(
      fc.property(stream, (events) => {
        const { e, decisions } = replay(events);
        for (const d of decisions) if (isApplied(d)) expect(d.usage_after).toBeGreaterThanOrEqual(0);
        for (const id of ['a', 'b', 'c']) {
          for (const [code, amountOf] of [
            ['max_rooms', () => 1],
            ['max_storage', (p: Record<string, unknown>) => Number(p.gb)],
          ] as const) {
            let expected = 0;
            events.forEach((event, i) => {
              if (event.external_subscription_id !== id || event.code !== code || !isApplied(decisions[i]!)) return;
              const props = (event.properties ?? {}) as Record<string, unknown>;
              expected += (props.operation_type === 'remove' ? -1 : 1) * amountOf(props);
            });
            const usage = e.usage(id, code) ?? 0;
            expect(usage).toBeGreaterThanOrEqual(0);
            expect(usage).toBeCloseTo(expected, 6);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('replaying the same stream gives the same decisions and report', () => {
    fc.assert(
      fc.property(stream, (events) => {
        const first = replay(events);
        const second = replay(events);
        expect(second.decisions).toEqual(first.decisions);
        expect(second.report).toEqual(first.report);
      }),
      { numRuns: 200 },
    );
  });

  it('a stream split by subscription and evaluated in parts gives the same per-subscription results', () => {
    fc.assert(
      fc.property(stream, (events) => {
        const whole = replay(events);
        for (const id of ['a', 'b', 'c', 'ghost']) {
          const indexes = events.flatMap((event, i) => (event.external_subscription_id === id ? [i] : []));
          const part = replay(indexes.map((i) => events[i]!));
          expect(part.decisions).toEqual(indexes.map((i) => whole.decisions[i]));
          const pick = (r: typeof whole.report) => r.subscriptions.find((s) => s.id === id);
          expect(pick(part.report)).toEqual(pick(whole.report));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every event gets exactly one decision, and the totals add up', () => {
    fc.assert(
      fc.property(stream, (events) => {
        const { decisions, report } = replay(events);
        const t = report.totals;
        expect(t.events).toBe(events.length);
        expect(t.accepted + t.overage + t.denied).toBe(events.length);
        expect(Object.values(t.by_reason).reduce((a, b) => a + b, 0)).toBe(t.denied);
        expect(decisions.filter((d) => d.decision === 'overage').length).toBe(t.overage);
        const perFeature = report.subscriptions.flatMap((s) => s.features).reduce((n, f) => n + f.accepted + f.overage + f.denied, 0);
        const unattributed = decisions.filter((d, i) => {
          const ev = events[i]!;
          return d.reason === 'unknown_subscription' || d.reason === 'unknown_feature' || ev.external_subscription_id === 'ghost' || ev.code === 'nope';
        }).length;
        expect(perFeature).toBe(events.length - unattributed);
      }),
      { numRuns: 200 },
    );
  });
});
