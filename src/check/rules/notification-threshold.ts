// `threshold` belongs to, and only to, `quota_threshold` notifications (docs/packages.md#notification-preferences).
import { defineCodes } from '../../diagnostics/registry.js';
import type { PackageRule } from '../context.js';

export const CODES = defineCodes({
  missingThreshold: {
    code: 'SP3022',
    severity: 'error',
    title: 'Quota threshold notification without a threshold',
    description: 'A `quota_threshold` notification fires when usage reaches `threshold` percent of a limit, so it needs one.',
    example: 'notification_preferences:\n  - event: quota_threshold\n    channels: [email]\n',
    fix: 'Add `threshold:` (a percentage from 1 to 100).',
  },
  thresholdNotUsed: {
    code: 'SP3023',
    severity: 'error',
    title: 'Threshold on a notification that takes none',
    description: 'Only `quota_threshold` notifications have a threshold; on any other event it means nothing.',
    example: 'notification_preferences:\n  - event: quota_exceeded\n    channels: [email]\n    threshold: 80\n',
    fix: 'Remove `threshold`, or change the event to `quota_threshold`.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'notification-threshold',
  codes: Object.values(CODES),
  check({ pkg, report }) {
    (pkg.notification_preferences ?? []).forEach((preference, i) => {
      if (preference.event === 'quota_threshold' && preference.threshold === undefined) {
        report(CODES.missingThreshold, `/notification_preferences/${i}/event`, '`quota_threshold` notifications need a `threshold`: expected a percentage from 1 to 100, found none', {
          hint: 'add `threshold: 80` (or another percentage)',
        });
      } else if (preference.event !== 'quota_threshold' && preference.threshold !== undefined) {
        report(CODES.thresholdNotUsed, `/notification_preferences/${i}/threshold`, `\`${preference.event}\` notifications take no \`threshold\` (only \`quota_threshold\` does): expected none, found ${preference.threshold}`, {
          target: 'key',
          hint: 'remove `threshold`, or use `event: quota_threshold`',
        });
      }
    });
  },
};
