// Notifications (SPEC §8.7): quota thresholds and excess once per window per feature; trial
// ending, grace started and suspended at their instants.
import { describe, expect, it } from 'vitest';
import { createEvaluator, type EvaluatorNotificationPreference } from '../../src/evaluate/index.js';
import { ev, manifest, ms, pkg, sub, type PackageSpec } from './helpers.js';

const prefs: EvaluatorNotificationPreference[] = [
  { event: 'quota_threshold', channels: ['email'], threshold: 70 },
  { event: 'quota_exceeded', channels: ['email', 'webhook'] },
  { event: 'trial_ending', channels: ['email'] },
  { event: 'grace_started', channels: ['webhook'] },
  { event: 'suspended', channels: ['webhook'] },
];

function evaluator(spec: PackageSpec = {}, overrides = {}) {
  const p = pkg('p', {
    notification_preferences: prefs,
    features: { max_recordings: { value: 10, periodicity: 1 }, max_storage: 10, recording: true, max_participants: 2 },
    ...spec,
  });
  return createEvaluator(manifest(p), [sub('s', 'p', '2026-01-10', overrides)]);
}

const list = (e: ReturnType<typeof evaluator>, end = ms('2026-07-01')) =>
  e.report(end).subscriptions[0]!.notifications.map((n) => `${n.event}${n.feature ? `:${n.feature}` : ''}${n.threshold ? `@${n.threshold}` : ''} ${n.at.slice(0, 10)}`);

describe('quota notifications', () => {
  it('threshold fires once per window when usage first reaches it (70% of 10 is 7, exactly)', () => {
    const e = evaluator();
    for (let day = 11; day <= 19; day++) e.record(ev('s', 'max_recordings', `2026-01-${day}T00:00:00Z`));
    for (let day = 11; day <= 18; day++) e.record(ev('s', 'max_recordings', `2026-02-${day}T00:00:00Z`));
    expect(list(e)).toEqual(['quota_threshold:max_recordings@70 2026-01-17', 'quota_threshold:max_recordings@70 2026-02-17']);
  });

  it('exceeded fires on the first add above the limit, refused or overage, once per window', () => {
    const e = evaluator();
    for (let i = 0; i < 12; i++) e.record(ev('s', 'max_storage', '2026-01-20T00:00:00Z', { gb: 1 }));
    expect(list(e)).toEqual(['quota_threshold:max_storage@70 2026-01-20', 'quota_exceeded:max_storage 2026-01-20']);
    const withOverage = evaluator({ overages_enabled: true });
    for (let i = 0; i < 12; i++) withOverage.record(ev('s', 'max_storage', '2026-01-20T00:00:00Z', { gb: 1 }));
    expect(list(withOverage)).toEqual(['quota_threshold:max_storage@70 2026-01-20', 'quota_exceeded:max_storage 2026-01-20']);
  });

  it('respect a preference limited to some features, and skip switches', () => {
    const e = evaluator({
      notification_preferences: [{ event: 'quota_exceeded', channels: ['email'], features: ['max_participants'] }],
    });
    for (let i = 0; i < 12; i++) e.record(ev('s', 'max_storage', '2026-01-20T00:00:00Z', { gb: 1 }));
    for (let i = 0; i < 3; i++) e.record(ev('s', 'max_participants', '2026-01-21T00:00:00Z', { session: 'm' }));
    for (let i = 0; i < 3; i++) e.record(ev('s', 'recording', '2026-01-21T00:00:00Z'));
    expect(list(e)).toEqual(['quota_exceeded:max_participants 2026-01-21']);
  });

  it('carry channels and threshold in the report', () => {
    const e = evaluator();
    for (let i = 0; i < 7; i++) e.record(ev('s', 'max_storage', '2026-01-20T00:00:00Z', { gb: 1 }));
    expect(e.report(ms('2026-02-01')).subscriptions[0]!.notifications).toEqual([
      { event: 'quota_threshold', feature: 'max_storage', at: '2026-01-20T00:00:00.000Z', threshold: 70, channels: ['email'] },
    ]);
  });
});

describe('lifecycle notifications', () => {
  it('trial_ending fires 3 days before the trial ends', () => {
    expect(list(evaluator({ trial_period: 14 }))).toEqual(['trial_ending 2026-01-21']);
    expect(list(evaluator({ trial_period: 2 }))).toEqual(['trial_ending 2026-01-10']); // shorter than 3 days: at the start
  });

  it('trial_ending does not fire once access has ended', () => {
    expect(list(evaluator({ trial_period: 14 }, { cancel: { at: ms('2026-01-15'), mode: 'immediate' } }))).toEqual(['suspended 2026-01-15']);
  });

  it('grace_started and suspended fire at their instants, before the end only', () => {
    const spec = { grace_period: 1, grace_interval: 'week' } as const;
    const overrides = { ends_at: ms('2026-03-01') };
    expect(list(evaluator(spec, overrides))).toEqual(['grace_started 2026-03-01', 'suspended 2026-03-08']);
    expect(list(evaluator(spec, overrides), ms('2026-03-05'))).toEqual(['grace_started 2026-03-01']);
  });

  it('interleave with quota notifications in time order', () => {
    const e = evaluator({ trial_period: 14 });
    for (let i = 0; i < 7; i++) e.record(ev('s', 'max_storage', '2026-01-15T00:00:00Z', { gb: 1 }));
    for (let i = 0; i < 4; i++) e.record(ev('s', 'max_storage', '2026-01-25T00:00:00Z', { gb: 1 }));
    expect(list(e)).toEqual(['quota_threshold:max_storage@70 2026-01-15', 'trial_ending 2026-01-21', 'quota_exceeded:max_storage 2026-01-25']);
  });
});
