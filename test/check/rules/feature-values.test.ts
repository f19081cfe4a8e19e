import { describe } from 'vitest';
import { checkCases, meet } from '../helpers.js';

describe('feature-switch-value: a switch is true or false (SPEC §2.1)', () => {
  checkCases([
    { name: 'true and false', yaml: meet('features:\n  recording: true\n  private_chat: false\n'), expected: [] },
    {
      name: 'a number on a switch',
      yaml: meet('features:\n  recording: 5\n'),
      expected: [['SP3004', 6, 14]],
      hint: '`true`',
      message: /expected true or false, found the number 5/,
    },
    { name: 'a zero on a switch suggests false', yaml: meet('features:\n  screen_sharing: 0\n'), expected: [['SP3004', 6, 19]], hint: '`false`' },
    {
      name: 'a number in the long form of a switch (the long form itself is pointless on a switch)',
      yaml: meet('features:\n  recording: { value: 2 }\n'),
      expected: [
        ['SP3006', 6, 14],
        ['SP3004', 6, 23],
      ],
    },
    { name: 'a non-integer is the schema’s business', yaml: meet('features:\n  recording: 1.5\n'), expected: [['SP2003', 6, 14]] },
    {
      name: 'a YAML 1.1 boolean on a switch: one diagnostic (the schema error, with the YAML 1.2 hint), not SP1011 too',
      yaml: meet('features:\n  recording: yes\n'),
      expected: [['SP2003', 6, 14]],
      hint: 'YAML 1.2 reads `yes` as text: write true',
    },
    { name: 'a YAML 1.1 boolean where text is fine keeps its warning', yaml: meet('package_settings:\n  flag: yes\n'), expected: [['SP1011', 6, 9]] },
  ]);
});

describe('feature-zero-limit: 0 grants nothing (SPEC §2.1)', () => {
  checkCases([
    { name: 'a positive limit, unlimited and excluded', yaml: meet('features:\n  max_rooms: 3\n  max_storage: true\n  max_accounts: false\n'), expected: [] },
    {
      name: 'a limit of 0 warns that true means unlimited',
      yaml: meet('features:\n  max_rooms: 0\n'),
      expected: [['SP3005', 6, 14]],
      severity: 'warning',
      message: /`true` means unlimited/,
      hint: '`true` for unlimited',
    },
    {
      name: 'a limit of 0 in the long form',
      yaml: meet('features:\n  max_rooms: { value: 0, periodicity_type: monthly, periodicity: 1 }\n'),
      expected: [['SP3005', 6, 23]],
    },
    { name: 'a negative limit is the schema’s business', yaml: meet('features:\n  max_rooms: -1\n'), expected: [['SP2003', 6, 14]] },
  ]);
});

describe('feature-reset: reset settings only matter on consumable features (SPEC §2.1)', () => {
  checkCases([
    { name: 'long form on a consumable feature', yaml: meet('features:\n  max_rooms: { value: 10, periodicity_type: monthly, periodicity: 1 }\n'), expected: [] },
    { name: 'long form with the value alone on a consumable feature', yaml: meet('features:\n  max_storage: { value: 50 }\n'), expected: [] },
    {
      name: 'long form with the value alone on a non-consumable feature',
      yaml: meet('features:\n  max_participants: { value: 50 }\n'),
      expected: [['SP3006', 6, 21]],
      severity: 'warning',
      hint: '`max_participants: 50`',
    },
    {
      name: 'reset settings on a non-consumable feature',
      yaml: meet('features:\n  max_participants: { value: 50, periodicity_type: daily, periodicity: 1 }\n'),
      expected: [['SP3006', 6, 34]],
      severity: 'warning',
      message: /not consumable/,
      hint: '`max_participants: 50`',
    },
    {
      name: 'only a periodicity on a switch',
      yaml: meet('features:\n  recording:\n    value: true\n    periodicity: 2\n'),
      expected: [['SP3006', 8, 5]],
    },
  ]);
});
