// The report is valid against schemas/simulation-report.schema.json for any run, and the schema
// rejects what the report must never hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, type UsageEvent } from '../../src/evaluate/index.js';
import { getValidator } from '../../src/schema/ajv.js';
import { manifest, ms, pkg } from '../evaluate/helpers.js';

const packages = [
  pkg('p', {
    price: 9.99,
    currency: 'EUR',
    trial_period: 3,
    grace_period: 2,
    has_stock: true,
    stock_qty: 1,
    features: { max_rooms: 2, max_storage: true, max_participants: 3, recording: true, private_chat: false, max_recordings: { value: 1, periodicity_type: 'daily', periodicity: 1 } },
    notification_preferences: [
      { event: 'quota_threshold', channels: ['email'], threshold: 50 },
      { event: 'quota_exceeded', channels: ['webhook'] },
      { event: 'trial_ending', channels: ['email'] },
      { event: 'grace_started', channels: ['email'] },
      { event: 'suspended', channels: ['webhook'] },
    ],
  }),
  pkg('q', { retired: true, overages_enabled: true, features: { max_rooms: 1 } }),
];
const subscriptions = [
  { id: 'a', package: 'p', starts_at: ms('2026-01-01'), cancel: { at: ms('2026-01-10'), mode: 'immediate' as const } },
  { id: 'b', package: 'p', starts_at: ms('2026-01-02') },
  { id: 'c', package: 'q', starts_at: ms('2026-01-01') },
  { id: 'd', package: 'p', starts_at: ms('2026-03-01'), features: { max_rooms: 9 } },
];

const eventArb: fc.Arbitrary<UsageEvent> = fc.record({
  transaction_id: fc.integer({ min: 0, max: 30 }).map(String),
  external_subscription_id: fc.constantFrom('a', 'b', 'c', 'd', 'x'),
  code: fc.constantFrom('max_rooms', 'max_storage', 'max_participants', 'recording', 'private_chat', 'max_recordings', 'viewers', 'nope'),
  timestamp: fc.integer({ min: 0, max: 40 * 24 }).map((h) => new Date(ms('2026-01-01') + h * 3_600_000).toISOString()),
  properties: fc.record({ operation_type: fc.constantFrom('add', 'remove'), gb: fc.double({ min: 0, max: 5, noNaN: true }), session: fc.constantFrom('s1', 's2') }, { requiredKeys: [] }),
});

describe('simulation report schema', () => {
  const validate = getValidator('simulation-report');

  it('accepts every report the evaluator produces', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 80 }), fc.integer({ min: 0, max: 90 }), (events, endDay) => {
        const e = createEvaluator(manifest(...packages), subscriptions);
        for (const event of events) e.record(event);
        const report = JSON.parse(JSON.stringify(e.report(ms('2026-01-01') + endDay * 86_400_000)));
        expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects a report missing a reason or holding an unknown status', () => {
    const report = JSON.parse(JSON.stringify(createEvaluator(manifest(...packages), subscriptions).report(ms('2026-02-01'))));
    delete report.totals.by_reason.duplicate;
    expect(validate(report)).toBe(false);
    const other = JSON.parse(JSON.stringify(createEvaluator(manifest(...packages), subscriptions).report(ms('2026-02-01'))));
    other.subscriptions[0].status_at_end = 'cancelled';
    expect(validate(other)).toBe(false);
  });
});

describe('usage event schema', () => {
  const validate = getValidator('usage-event');
  it.each([
    [{ transaction_id: 't', external_subscription_id: 's', code: 'max_rooms', timestamp: 1768003200 }, true],
    [{ transaction_id: 't', external_subscription_id: 's', code: 'max_rooms', timestamp: '2026-01-10T00:00:00+01:00', properties: { operation_type: 'remove', account: 'a1' } }, true],
    [{ transaction_id: 't', external_subscription_id: 's', code: 'max_rooms', timestamp: '2026-01-10' }, false],
    [{ transaction_id: 't', code: 'max_rooms', timestamp: 1 }, false],
    [{ transaction_id: 't', external_subscription_id: 's', code: 'max_rooms', timestamp: 1, properties: { operation_type: 'delete' } }, false],
  ])('%j → %s', (event, valid) => {
    expect(validate(event)).toBe(valid);
  });
});
