import { describe } from 'vitest';
import { checkCases, meet } from '../helpers.js';

describe('seat-bounds: min_seats ≤ max_seats, only with price_per: seat (docs/revenue.md)', () => {
  checkCases([
    { name: 'a seat package with bounds', yaml: meet('price_per: seat\nmin_seats: 3\nmax_seats: 3\n'), expected: [] },
    {
      name: 'min above max',
      yaml: meet('price_per: seat\nmin_seats: 10\nmax_seats: 5\n'),
      expected: [['SP3031', 6, 12]],
      severity: 'error' as const,
      message: /`min_seats: 10` is above `max_seats: 5`/,
    },
    {
      name: 'bounds on a package priced per package (the default)',
      yaml: meet('min_seats: 2\nmax_seats: 5\n'),
      expected: [
        ['SP3032', 5, 1],
        ['SP3032', 6, 1],
      ],
      severity: 'warning' as const,
      message: /priced per package \(the default\)/,
      hint: 'add `price_per: seat`',
    },
    {
      name: 'bounds with price_per: package written',
      yaml: meet('price_per: package\nmax_seats: 5\n'),
      expected: [['SP3032', 6, 1]],
    },
    { name: 'a seat count of 0 is the schema’s business', yaml: meet('price_per: seat\nmin_seats: 0\n'), expected: [['SP2005', 6, 12]] },
    { name: 'an unknown price_per is the schema’s business alone', yaml: meet('price_per: host\nmin_seats: 2\n'), expected: [['SP2004', 5, 12]] },
  ]);
});

describe('seats-value: `seats` sizes max_accounts of a per-seat package (docs/revenue.md)', () => {
  checkCases([
    { name: 'max_accounts: seats with price_per: seat', yaml: meet('price_per: seat\nfeatures:\n  max_accounts: seats\n'), expected: [] },
    {
      name: 'the long form with seats',
      yaml: meet('price_per: seat\noverages_enabled: true\nfeatures:\n  max_accounts: { value: seats, overage: { price: 3 } }\n'),
      expected: [],
    },
    {
      name: 'seats on another limit',
      yaml: meet('price_per: seat\nfeatures:\n  max_rooms: seats\n'),
      expected: [['SP3033', 7, 14]],
      severity: 'error' as const,
      message: /`seats` only sizes `max_accounts`/,
    },
    { name: 'seats on a switch', yaml: meet('features:\n  recording: { value: seats }\n'), expected: [['SP3006', 6, 14], ['SP3033', 6, 23]] },
    {
      name: 'max_accounts: seats on a package priced per package',
      yaml: meet('features:\n  max_accounts: seats\n'),
      expected: [['SP3034', 6, 17]],
      severity: 'error' as const,
      message: /needs `price_per: seat`, but the package is priced per package \(the default\)/,
    },
    { name: 'another word is the schema’s business', yaml: meet('features:\n  max_accounts: hosts\n'), expected: [['SP2003', 6, 17]] },
  ]);
});
