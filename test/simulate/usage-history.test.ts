// The data behind the HTML charts: downsampled series that keep every extreme, reset windows, and
// markers for overage and denied events, all bounded however many events arrive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/evaluate/index.js';
import { ExtremaBins, UsageHistoryRecorder } from '../../src/simulate/index.js';
import { manifest, ms, pkg } from '../evaluate/helpers.js';

describe('ExtremaBins', () => {
  it('keeps few enough points, and the highest and lowest of any stretch', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 1, max: 50 }), (values, maxBins) => {
        const bins = new ExtremaBins(maxBins);
        values.forEach((v, i) => bins.add(i * 60_000, v, Infinity));
        const points = bins.points();
        expect(points.length).toBeLessThanOrEqual(4 * maxBins);
        expect(Math.max(...points.map((p) => p.v))).toBe(Math.max(...values));
        expect(Math.min(...points.map((p) => p.v))).toBe(Math.min(...values));
        // The first and the last point survive, and points stay in time order.
        expect(points[0]!.t).toBe(0);
        expect(points[points.length - 1]).toMatchObject({ t: (values.length - 1) * 60_000, v: values[values.length - 1] });
        for (let i = 1; i < points.length; i++) expect(points[i]!.t).toBeGreaterThanOrEqual(points[i - 1]!.t);
      }),
      { numRuns: 100 },
    );
  });

  it('widens its bins by doubling', () => {
    const bins = new ExtremaBins(10, 1000);
    for (let i = 0; i < 1000; i++) bins.add(i * 1000, i, Infinity);
    expect(bins.binWidth).toBe(128_000);
  });
});

describe('UsageHistoryRecorder', () => {
  const packages = [pkg('p', { features: { max_rooms: 2, max_participants: 3, recording: true, max_recordings: { value: 1, periodicity_type: 'daily', periodicity: 1 } } })];
  const subscriptions = [{ id: 'a', package: 'p', starts_at: ms('2026-01-01') }];
  const at = (h: number) => new Date(ms('2026-01-01') + h * 3_600_000).toISOString();

  /** Replay events through an evaluator into a recorder. */
  function record(events: Record<string, unknown>[], options = {}) {
    const m = manifest(...packages);
    const evaluator = createEvaluator(m, subscriptions);
    const recorder = new UsageHistoryRecorder(m, ['a'], options);
    for (const event of events) recorder.record(event, evaluator.record(event));
    return recorder.histories();
  }

  it('records usage, reset windows and a marker per denied event', () => {
    const [rooms, recordings] = record([
      { transaction_id: '1', external_subscription_id: 'a', code: 'max_rooms', timestamp: at(1) },
      { transaction_id: '2', external_subscription_id: 'a', code: 'max_rooms', timestamp: at(2) },
      { transaction_id: '3', external_subscription_id: 'a', code: 'max_rooms', timestamp: at(3) },
      { transaction_id: '4', external_subscription_id: 'a', code: 'max_recordings', timestamp: at(4) },
      { transaction_id: '5', external_subscription_id: 'a', code: 'max_recordings', timestamp: at(30) },
      { transaction_id: '6', external_subscription_id: 'x', code: 'max_rooms', timestamp: at(31) },
    ]);
    expect(rooms).toMatchObject({ subscription: 'a', feature: 'max_rooms', kind: 'window', events: 3, first: ms('2026-01-01') + 3_600_000 });
    expect(rooms!.points.map((p) => p.v)).toEqual([1, 2]);
    expect(rooms!.markers).toEqual([{ t: ms('2026-01-01') + 3 * 3_600_000, v: 3, decision: 'denied', reason: 'over_limit', level: 'subscription', limit: 2, transaction_id: '3', count: 1 }]);
    // Daily windows: two windows, each point knowing where its window ends.
    expect(recordings!.windows).toEqual([
      { start: ms('2026-01-01'), end: ms('2026-01-02') },
      { start: ms('2026-01-02'), end: ms('2026-01-03') },
    ]);
    expect(recordings!.points.map((p) => [p.v, p.windowEnd])).toEqual([
      [1, ms('2026-01-02')],
      [1, ms('2026-01-03')],
    ]);
  });

  it('draws uses by their usage and switches by their events; denials without usage sit on the axis', () => {
    const histories = record([
      ...[1, 2, 3, 4].map((i) => ({ transaction_id: `p${i}`, external_subscription_id: 'a', code: 'max_participants', timestamp: at(i), properties: { session: 's' } })),
      { transaction_id: 'r1', external_subscription_id: 'a', code: 'recording', timestamp: at(5) },
      { transaction_id: 'r1', external_subscription_id: 'a', code: 'recording', timestamp: at(6) },
    ]);
    const participants = histories.find((h) => h.feature === 'max_participants')!;
    expect(participants.kind).toBe('use');
    expect(participants.points.map((p) => p.v)).toEqual([1, 2, 3]);
    expect(participants.markers).toMatchObject([{ v: 4, reason: 'over_limit' }]);
    const recording = histories.find((h) => h.feature === 'recording')!;
    expect(recording.kind).toBe('switch');
    expect(recording.markers).toMatchObject([{ v: null, reason: 'duplicate', transaction_id: 'r1' }]);
  });

  it('merges markers beyond the cap over the whole time, and caps subscriptions', () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ transaction_id: `t${i}`, external_subscription_id: 'a', code: 'max_rooms', timestamp: at(i) }));
    const [rooms] = record(events, { maxMarkers: 10 });
    // 48 refused rooms over two days, in at most 10 markers that still span both days.
    expect(rooms!.markers.length).toBeLessThanOrEqual(10);
    expect(rooms!.markersMerged).toBe(true);
    expect(rooms!.markers.reduce((n, m) => n + m.count, 0)).toBe(48);
    expect(rooms!.markers[0]!.t).toBeLessThan(ms('2026-01-01') + 8 * 3_600_000);
    expect(rooms!.markers[rooms!.markers.length - 1]!.t).toBeGreaterThan(ms('2026-01-01') + 40 * 3_600_000);
    const m = manifest(...packages);
    const capped = new UsageHistoryRecorder(m, ['a', 'b', 'c'], { maxSubscriptions: 2 });
    expect(capped.uncharted).toEqual(['c']);
  });
});
