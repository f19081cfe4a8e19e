// The table printed by default: a golden text for a small run.
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/evaluate/index.js';
import { formatTable, groupDigits } from '../../src/simulate/index.js';
import { ev, manifest, ms, pkg, sub } from '../evaluate/helpers.js';

describe('formatTable', () => {
  it('prints totals, then each subscription with the features that got events', () => {
    const p = pkg('meet-x', {
      price: 12.3456,
      signup_fee: 5,
      currency: 'EUR',
      trial_period: 7,
      overages_enabled: true,
      features: { max_rooms: 2, max_storage: 1, recording: true, private_chat: false },
      notification_preferences: [{ event: 'quota_exceeded', channels: ['email', 'webhook'] }],
    });
    const old = pkg('old', { retired: true, currency: 'USD', features: { max_rooms: 1 } });
    const e = createEvaluator(manifest(p, old), [sub('acme', 'meet-x', '2026-01-01'), sub('gone', 'old', '2026-01-01')]);
    for (let i = 0; i < 3; i++) e.record(ev('acme', 'max_rooms', '2026-01-02T09:30:00Z'));
    e.record(ev('acme', 'private_chat', '2026-01-03T00:00:00Z'));
    e.record(ev('gone', 'max_rooms', '2026-01-03T00:00:00Z'));
    expect(formatTable(e.report(ms('2026-03-01')), { scenario: 'demo.yaml' })).toBe(
      [
        'Simulation of demo.yaml until 2026-03-01 (exclusive)',
        '5 events: 2 accepted, 1 overage, 2 denied (inactive 1, not_included 1)',
        'revenue: 29.70 EUR (recurring 24.70 EUR, overage 0.00 EUR, signup fees 5.00 EUR)',
        '',
        'acme · meet-x · active',
        '  phases    trial 2026-01-01 → 2026-01-08, active 2026-01-08 → 2026-03-01',
        // 12.3456 a period is charged 12.35: each charge line is rounded to the cent.
        '  charges   29.70 EUR = 2 periods (24.70 EUR) + signup fee 5.00 EUR',
        '  notice    2026-01-02T09:30:00Z quota_exceeded max_rooms (email, webhook)',
        '  feature              limit  usage  peak  accepted  overage  denied  overage amount',
        '  max_rooms                2      3     3         2        1       0               1',
        '  private_chat  not included      –     0         0        0       1               0',
        '  2 other features without events: max_storage, recording',
        '',
        'gone · old · rejected (not_subscribable)',
        '  phases    rejected 2026-01-01 → 2026-03-01',
        '  charges   0.00 USD',
        '  feature    limit  usage  peak  accepted  overage  denied  overage amount',
        '  max_rooms      1      0     0         0        0       1               0',
        '',
      ].join('\n'),
    );
  });

  it('groups digits', () => {
    expect([groupDigits(0), groupDigits(1234567), groupDigits(1234.5), groupDigits(999)]).toEqual(['0', '1,234,567', '1,234.5', '999']);
  });
});
