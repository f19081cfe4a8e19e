// A notification's `features` name limit features of the package, and only quota events take them (docs/packages.md#notification-preferences, docs/simulation.md#lifecycle).
import { defineCodes } from '../../diagnostics/registry.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import type { PackageRule } from '../context.js';
import { featureEntries, isIncluded } from './feature-entries.js';

export const CODES = defineCodes({
  notificationFeature: {
    code: 'SP3024',
    severity: 'error',
    title: 'Notification for a feature the package does not limit',
    description:
      "Each code in a notification's `features` must be a `limit` feature included in the package (present and not `false`): notifications fire on limits, and a switch or an absent feature has none.",
    example: 'features:\n  max_rooms: 10\nnotification_preferences:\n  - event: quota_exceeded\n    channels: [email]\n    features: [max_storage]\n',
    fix: "Name limit features of the package, or add the feature to the package's `features`.",
  },
  featuresNotUsed: {
    code: 'SP3025',
    severity: 'warning',
    title: 'Feature list on a notification that is not about quotas',
    description: 'Only `quota_threshold` and `quota_exceeded` notifications are about features; on other events `features` has no effect.',
    example: 'notification_preferences:\n  - event: trial_ending\n    channels: [email]\n    features: [max_rooms]\n',
    fix: 'Remove `features` from the notification.',
  },
});

const QUOTA_EVENTS = new Set(['quota_threshold', 'quota_exceeded']);

export const rule: PackageRule = {
  scope: 'package',
  name: 'notification-features',
  codes: Object.values(CODES),
  check({ pkg, checked, catalog, authored, report }) {
    const preferences = pkg.notification_preferences ?? [];
    if (preferences.length === 0) return;
    // A features property dropped for a schema error: its content is unknown.
    if (authored('features') && pkg.features === undefined) return;
    const limits = featureEntries(pkg, catalog).filter((e) => e.definition.feature_settings.value_type === 'limit' && isIncluded(e.value));
    const limitCodes = limits.map((e) => e.code);
    const rawFeatures = (typeof checked.raw.features === 'object' && checked.raw.features !== null ? checked.raw.features : {}) as Record<string, unknown>;
    preferences.forEach((preference, i) => {
      if (preference.features === undefined) return;
      if (!QUOTA_EVENTS.has(preference.event)) {
        report(CODES.featuresNotUsed, `/notification_preferences/${i}/features`, `\`${preference.event}\` notifications are not about a feature, so \`features\` has no effect: expected it only on \`quota_threshold\` or \`quota_exceeded\`, found it on \`${preference.event}\``, {
          target: 'key',
          hint: 'remove `features`',
        });
        return;
      }
      preference.features.forEach((code, j) => {
        if (limitCodes.includes(code)) return;
        // The entry exists but had a schema error: reported already.
        if (Object.hasOwn(rawFeatures, code) && !Object.hasOwn(pkg.features ?? {}, code)) return;
        const pointer = `/notification_preferences/${i}/features/${j}`;
        const expected = limitCodes.length > 0 ? `one of the package's limits (${limitCodes.map((c) => `\`${c}\``).join(', ')})` : 'a limit feature of the package, but it has none';
        const definition = catalog.featureByCode.get(code);
        let found: string;
        let hint: string | undefined;
        if (!definition) {
          found = `the unknown feature \`${code}\``;
          hint = didYouMean(code, limitCodes) ?? didYouMean(code, catalog.featureByCode.keys());
        } else if (definition.feature_settings.value_type !== 'limit') {
          found = `\`${code}\`, a switch`;
          hint = 'remove it: switches have no limit to notify about';
        } else if (Object.hasOwn(pkg.features ?? {}, code)) {
          found = `\`${code}\`, which the package sets to false`;
          hint = `remove it, or give \`${code}\` a limit in \`features\``;
        } else {
          found = `\`${code}\`, which the package does not include`;
          hint = `remove it, or add \`${code}\` to \`features\``;
        }
        report(CODES.notificationFeature, pointer, `the notification names \`${code}\`, which is not a limit of this package: expected ${expected}, found ${found}`, {
          hint: hint ?? `remove \`${code}\``,
        });
      });
    });
  },
};
