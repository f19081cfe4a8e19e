// A non-finite amount is an `invalid` event (check 5): `1e308` alone (Infinity once scaled to
// micro-units) or summed with another, so usage never becomes Infinity or NaN and the JSON report,
// where Infinity would be written as null, stays valid against its schema (issue 11).
import { describe, expect, it } from 'vitest';
import { createEvaluator, type UsageEvent } from '../../src/evaluate/index.js';
import { getValidator } from '../../src/schema/ajv.js';
import { manifest, ms, pkg } from './helpers.js';

const packages = [pkg('p', { overages_enabled: true, features: { max_storage: true, max_duration: true } })];
const subscriptions = [{ id: 'a', package: 'p', starts_at: ms('2026-01-01') }];
let tx = 0;
const event = (code: string, properties: Record<string, unknown>): UsageEvent => ({
  transaction_id: String(++tx),
  external_subscription_id: 'a',
  code,
  timestamp: '2026-01-02T00:00:00Z',
  properties,
});

describe('non-finite amounts', () => {
  it('are invalid events, and the report keeps finite usage and validates', () => {
    const e = createEvaluator(manifest(...packages), subscriptions);
    const decisions = [
      e.record(event('max_storage', { gb: 1e300 })), // finite once rounded: accepted
      e.record(event('max_storage', { gb: 1e308 })), // Infinity once rounded
      e.record(event('max_storage', { gb: '1e308' })),
      e.record(event('max_storage', { gb: 1.7e302 })), // finite, but the sum overflows
      e.record(event('max_storage', { gb: 1.7e302 })),
      e.record(event('max_duration', { minutes: 1e308, session: 's' })),
      e.record(event('max_storage', { gb: Infinity })),
      e.record(event('max_storage', { gb: Number.NaN })),
      e.record(event('max_storage', { gb: 2 })), // still accepted: usage stayed finite
    ];
    expect(decisions.map((d) => d.reason ?? d.decision)).toEqual([
      'accepted',
      'invalid',
      'invalid',
      'accepted',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'accepted',
    ]);
    for (const d of decisions) {
      if (d.usage_after !== undefined && d.usage_after !== null) expect(Number.isFinite(d.usage_after)).toBe(true);
    }
    const json = JSON.stringify(e.report(ms('2026-02-01')));
    const report: unknown = JSON.parse(json);
    const validate = getValidator('simulation-report');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });
});
