// Quota notifications (docs/simulation.md#lifecycle), once per reset window per feature:
// `quota_threshold` when an applied add brings the subscription-level bucket to the threshold,
// `quota_exceeded` on the first add above a limit, applied as overage or refused.
import type { FeatureState, SubscriptionState } from './state.js';

/**
 * Fire the alerts of `f` that an add at `t` reaches: `after` is the subscription-level bucket's
 * usage after it, `cap` what that bucket is measured against, `applied` whether the add was
 * applied (a refused add can only exceed) and `exceeded` whether it went above a limit.
 */
export function fireAlerts(
  sub: SubscriptionState,
  f: FeatureState,
  t: number,
  after: number,
  cap: number,
  applied: boolean,
  exceeded: boolean,
): void {
  const rule = f.rule;
  // A non-consumable's window only serves alerts, so it moves only here.
  if (!rule.consumable && (t >= f.window.end || t < f.window.start)) f.roll(t);
  const windowIndex = f.window.index;
  for (let i = 0; i < f.alerts.length; i++) {
    if (f.firedIn[i] === windowIndex) continue;
    const alert = f.alerts[i]!;
    const fires =
      alert.event === 'quota_exceeded'
        ? exceeded
        : applied && cap !== Infinity && (cap === 0 || after * 100 >= alert.percent * cap);
    if (!fires) continue;
    f.firedIn[i] = windowIndex;
    sub.notices.push({ event: alert.event, feature: rule.code, at: t, threshold: alert.threshold, channels: alert.channels });
  }
}
