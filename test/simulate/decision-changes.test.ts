// Classifying how an event's decision changed between two package sets, and collecting the
// changes with their counts and examples.
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/evaluate/index.js';
import { changeKind, DecisionChanges, verdictOf, type Verdict } from '../../src/simulate/index.js';

const accepted: Decision = { decision: 'accepted' };
const overage: Decision = { decision: 'overage' };
const denied = (reason: Decision['reason']): Decision => ({ decision: 'denied', reason });

describe('changeKind', () => {
  it.each<[Verdict, Verdict, string | undefined]>([
    ['accepted', 'accepted', undefined],
    ['over_limit', 'over_limit', undefined],
    ['accepted', 'over_limit', 'newly_denied'],
    ['overage', 'invalid', 'newly_denied'],
    ['over_limit', 'accepted', 'newly_accepted'],
    // Refused before, billed now: applied is what changed first.
    ['over_limit', 'overage', 'newly_accepted'],
    ['accepted', 'overage', 'new_overage'],
    ['overage', 'accepted', 'overage_gone'],
    ['over_limit', 'not_included', 'reason_changed'],
  ])('%s → %s: %s', (old, now, kind) => {
    expect(changeKind(old, now)).toBe(kind);
  });

  it('names a decision by its outcome or its reason', () => {
    expect([verdictOf(accepted), verdictOf(overage), verdictOf(denied('inactive'))]).toEqual(['accepted', 'overage', 'inactive']);
  });
});

describe('DecisionChanges', () => {
  const event = (id: string, sub = 'acme', code = 'max_rooms') => ({ transaction_id: id, external_subscription_id: sub, code });

  it('counts changed events per subscription, feature and verdicts, keeping the first 5 ids', () => {
    const changes = new DecisionChanges(new Set(['acme']), new Set(['max_rooms']));
    for (let i = 1; i <= 7; i++) changes.record(event(`t${i}`), accepted, denied('over_limit'));
    changes.record(event('same'), accepted, accepted);
    changes.record(event('o1'), accepted, overage);
    expect(changes.list()).toEqual([
      { subscription: 'acme', feature: 'max_rooms', change: 'newly_denied', old: 'accepted', new: 'over_limit', count: 7, examples: ['t1', 't2', 't3', 't4', 't5'] },
      { subscription: 'acme', feature: 'max_rooms', change: 'new_overage', old: 'accepted', new: 'overage', count: 1, examples: ['o1'] },
    ]);
  });

  it('keeps events naming no known subscription or feature apart, and bounded', () => {
    const changes = new DecisionChanges(new Set(['acme']), new Set(['max_rooms']));
    changes.record(event('a', 'acme', 'max_screens'), denied('unknown_feature'), denied('not_included'));
    changes.record(event('b', 'hooli'), denied('unknown_subscription'), denied('invalid'));
    changes.record(undefined, accepted, denied('invalid'));
    const list = changes.list();
    expect(list.map((g) => [g.subscription, g.feature, g.change, g.count])).toEqual([
      ['acme', null, 'reason_changed', 1],
      [null, null, 'newly_denied', 1],
      [null, null, 'reason_changed', 1],
    ]);
    // Thousands of unknown codes pool into one group once the cap is reached.
    for (let i = 0; i < 5000; i++) changes.record(event(`x${i}`, 'acme', `code-${i}`), denied('unknown_feature'), denied('not_included'));
    expect(changes.list().length).toBeLessThanOrEqual(1003);
    expect(changes.list().reduce((n, g) => n + g.count, 0)).toBe(5003);
  });
});
