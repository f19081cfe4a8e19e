import { describe } from 'vitest';
import { checkCases, meet } from '../helpers.js';

const withLimits = (prefs: string) => meet(`features:\n  max_rooms: 10\n  max_storage: false\n  recording: true\nnotification_preferences:\n${prefs}`);
// withLimits: features at lines 5–8, notification_preferences at line 9, entries from line 10.

describe('notification-threshold: threshold for, and only for, quota_threshold (SPEC §2.3)', () => {
  checkCases([
    { name: 'quota_threshold with a threshold', yaml: withLimits('  - { event: quota_threshold, channels: [email], threshold: 80 }\n'), expected: [] },
    {
      name: 'quota_threshold without a threshold',
      yaml: withLimits('  - event: quota_threshold\n    channels: [email]\n'),
      expected: [['SP3022', 10, 12]],
      hint: '`threshold: 80`',
    },
    {
      name: 'a threshold on another event',
      yaml: withLimits('  - event: quota_exceeded\n    channels: [webhook]\n    threshold: 80\n'),
      expected: [['SP3023', 12, 5]],
      hint: 'remove `threshold`',
    },
    { name: 'a threshold out of range is the schema’s business', yaml: withLimits('  - { event: quota_threshold, channels: [email], threshold: 0 }\n'), expected: [['SP2005', 10, 61]] },
  ]);
});

describe('notification-features: limit features of the package, on quota events only (SPEC §2.3)', () => {
  checkCases([
    { name: 'a limit of the package', yaml: withLimits('  - event: quota_exceeded\n    channels: [email]\n    features: [max_rooms]\n'), expected: [] },
    {
      name: 'a limit the package does not include',
      yaml: withLimits('  - event: quota_exceeded\n    channels: [email]\n    features: [max_rooms, max_recordings]\n'),
      expected: [['SP3024', 12, 27]],
      message: /expected one of the package's limits \(`max_rooms`\), found `max_recordings`, which the package does not include/,
      hint: 'add `max_recordings` to `features`',
    },
    {
      name: 'a limit set to false',
      yaml: withLimits('  - event: quota_exceeded\n    channels: [email]\n    features: [max_storage]\n'),
      expected: [['SP3024', 12, 16]],
      message: /sets to false/,
    },
    { name: 'a switch', yaml: withLimits('  - event: quota_exceeded\n    channels: [email]\n    features: [recording]\n'), expected: [['SP3024', 12, 16]], message: /a switch/ },
    {
      name: 'a misspelt feature',
      yaml: withLimits('  - event: quota_threshold\n    channels: [email]\n    threshold: 75\n    features: [max_room]\n'),
      expected: [['SP3024', 13, 16]],
      hint: '`max_rooms`',
    },
    {
      name: 'features on an event that is not about quotas',
      yaml: withLimits('  - event: trial_ending\n    channels: [email]\n    features: [max_rooms]\n'),
      expected: [['SP3025', 12, 5]],
      severity: 'warning',
    },
  ]);
});
