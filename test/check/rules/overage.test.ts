import { describe } from 'vitest';
import { checkCases, meet } from '../helpers.js';

// Line 5 of each package is `overages_enabled: true` (or another first line), features from line 6.
const enabled = (features: string) => meet(`overages_enabled: true\nfeatures:\n${features}`);

describe('overage-feature: overage prices a quota limit only (docs/revenue.md)', () => {
  checkCases([
    { name: 'overage on a quota limit', yaml: enabled('  max_storage: { value: 100, overage: { price: 0.5 } }\n'), expected: [] },
    {
      name: 'overage on a switch',
      yaml: enabled('  recording: { value: true, overage: { price: 1 } }\n'),
      expected: [['SP3026', 7, 29]],
      severity: 'error' as const,
      message: /`recording` is a switch/,
      hint: 'remove `overage` from `recording`',
    },
  ]);
});

describe('overage-billed: an overage price that is never charged (docs/revenue.md)', () => {
  checkCases([
    {
      name: 'overages not enabled',
      yaml: meet('features:\n  max_storage: { value: 100, overage: { price: 0.5 } }\n'),
      expected: [['SP3027', 6, 30]],
      severity: 'warning' as const,
      message: /`overages_enabled` is not set/,
      hint: 'overages_enabled: true',
    },
    {
      name: 'overages explicitly disabled',
      yaml: meet('overages_enabled: false\nfeatures:\n  max_storage: { value: 100, overage: { price: 0.5 } }\n'),
      expected: [['SP3027', 7, 30]],
      message: /`overages_enabled` is false/,
    },
    {
      name: 'an unlimited feature has nothing above its limit',
      yaml: enabled('  max_storage: { value: true, overage: { price: 0.5 } }\n'),
      expected: [['SP3027', 7, 31]],
      message: /unlimited/,
    },
    { name: 'a switch is SP3026 alone', yaml: meet('features:\n  recording: { value: true, overage: { price: 1 } }\n'), expected: [['SP3026', 6, 29]] },
  ]);
});

describe('overage-unpriced: overages enabled on a limit without a price (docs/revenue.md)', () => {
  checkCases([
    {
      name: 'a limited quota feature without overage is billed at 0',
      yaml: enabled('  max_storage: 100\n'),
      expected: [['SP3028', 7, 3]],
      message: /billed at 0/,
      hint: 'overage: { price: 0 }',
    },
    { name: 'an explicit price of 0 says it is free', yaml: enabled('  max_storage: { value: 100, overage: { price: 0 } }\n'), expected: [] },
    { name: 'unlimited, left out and switches need no price', yaml: enabled('  max_storage: true\n  max_rooms: false\n  recording: true\n'), expected: [] },
    { name: 'overages disabled: nothing is let through', yaml: meet('features:\n  max_storage: 100\n'), expected: [] },
  ]);
});

describe('overage-model: the keys each model takes (docs/revenue.md)', () => {
  checkCases([
    { name: 'per_unit by default', yaml: enabled('  max_storage: { value: 1, overage: { price: 0.5 } }\n'), expected: [] },
    { name: 'package', yaml: enabled('  max_storage: { value: 1, overage: { model: package, price: 5, per: 50 } }\n'), expected: [] },
    {
      name: 'graduated and volume',
      yaml: enabled(
        '  max_storage: { value: 1, overage: { model: graduated, tiers: [{ up_to: 10, price: 1 }, { price: 0.5 }] } }\n' +
          '  max_rooms: { value: 1, overage: { model: volume, tiers: [{ price: 0.5 }] } }\n',
      ),
      expected: [],
    },
    {
      name: 'package without per',
      yaml: enabled('  max_storage: { value: 1, overage: { model: package, price: 5 } }\n'),
      expected: [['SP3029', 7, 28]],
      severity: 'error' as const,
      message: /model `package` needs `per`/,
      hint: 'model: package, price: 5, per: 50',
    },
    {
      name: 'an empty overage needs a price',
      yaml: enabled('  max_storage: { value: 1, overage: {} }\n'),
      expected: [['SP3029', 7, 28]],
      message: /the default model `per_unit` needs `price`/,
    },
    {
      name: 'tiers without a tiered model: one error at the stray key',
      yaml: enabled('  max_storage: { value: 1, overage: { price: 1, tiers: [{ price: 0.5 }] } }\n'),
      expected: [['SP3029', 7, 49]],
      message: /`tiers` does not belong to the default model `per_unit` \(it is for `graduated` and `volume`\)/,
      hint: 'set `model` to `graduated` or `volume`',
    },
    {
      name: 'graduated with a price instead of tiers: missing tiers and a stray price',
      yaml: enabled('  max_storage: { value: 1, overage: { model: graduated, price: 1 } }\n'),
      expected: [
        ['SP3029', 7, 28],
        ['SP3029', 7, 57],
      ],
    },
  ]);
});

describe('overage-tiers: tiers cover every unit once (docs/revenue.md)', () => {
  const tiers = (list: string, model = 'graduated') => enabled(`  max_storage:\n    value: 100\n    overage:\n      model: ${model}\n      tiers:\n${list}`);
  checkCases([
    { name: 'increasing bounds, last open', yaml: tiers('        - { up_to: 10, price: 1 }\n        - { up_to: 20, price: 0.5 }\n        - { price: 0.25 }\n'), expected: [] },
    {
      name: 'a bound not above the previous one',
      yaml: tiers('        - { up_to: 50, price: 1 }\n        - { up_to: 50, price: 0.5 }\n        - { price: 0.25 }\n', 'volume'),
      expected: [['SP3030', 13, 20]],
      severity: 'error' as const,
      message: /tier 2 of `max_storage` ends at `up_to: 50`, not above the previous tier's 50/,
    },
    {
      name: 'an open tier before the last',
      yaml: tiers('        - { price: 1 }\n        - { up_to: 20, price: 0.5 }\n'),
      expected: [
        ['SP3030', 12, 11],
        ['SP3030', 13, 13],
      ],
      message: /tier 1 of `max_storage` has no `up_to` but is not the last/,
    },
    {
      name: 'a bounded last tier leaves units unpriced',
      yaml: tiers('        - { up_to: 10, price: 1 }\n'),
      expected: [['SP3030', 12, 13]],
      message: /units above 10 would have no price/,
      hint: 'remove `up_to` from the last tier',
    },
    { name: 'a non-integer bound is the schema’s business', yaml: tiers('        - { up_to: 1.5, price: 1 }\n        - { price: 0.5 }\n'), expected: [['SP2003', 12, 20]] },
  ]);
});

describe('decimals: overage prices take at most 4 decimals (docs/revenue.md)', () => {
  checkCases([
    { name: 'four decimals', yaml: enabled('  max_storage: { value: 1, overage: { price: 0.0125 } }\n'), expected: [] },
    {
      name: 'a unit price with 5 decimals',
      yaml: enabled('  max_storage: { value: 1, overage: { price: 0.00125 } }\n'),
      expected: [['SP3021', 7, 46]],
      message: /`price` has 5 decimals \(0\.00125\): expected at most 4/,
    },
    {
      name: 'a tier price with 6 decimals',
      yaml: enabled('  max_storage: { value: 1, overage: { model: volume, tiers: [{ up_to: 5, price: 1 }, { price: 0.333333 }] } }\n'),
      expected: [['SP3021', 7, 95]],
    },
    { name: 'a negative price is the schema’s business', yaml: enabled('  max_storage: { value: 1, overage: { price: -1 } }\n'), expected: [['SP2005', 7, 46]] },
  ]);
});
