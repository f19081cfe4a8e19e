// A package's notification preferences, with `threshold` and `features` null when not written.
import type { ResolvedNotificationPreference } from '../../generated/manifest.js';
import type { NotificationPreference } from '../../generated/service-package.js';
import type { Origins } from './origin.js';

/** Resolve `notification_preferences` as written, recording origins under `/notification_preferences`. */
export function resolveNotifications(written: readonly NotificationPreference[], origins: Origins): ResolvedNotificationPreference[] {
  return written.map((preference, i) => {
    const pointer = `/notification_preferences/${i}`;
    origins.set(pointer, 'package');
    if (preference.threshold === undefined) origins.set(`${pointer}/threshold`, 'schema', 'not set');
    if (preference.features === undefined) origins.set(`${pointer}/features`, 'schema', 'not set: every limit feature');
    return {
      event: preference.event,
      channels: [...preference.channels],
      threshold: preference.threshold ?? null,
      features: preference.features ? [...preference.features] : null,
    };
  });
}
