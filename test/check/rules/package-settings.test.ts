import { describe } from 'vitest';
import { checkCases, meet } from '../helpers.js';

describe('stock: stock_qty iff has_stock; oversell only with stock (SPEC §2)', () => {
  checkCases([
    { name: 'stock with a quantity', yaml: meet('has_stock: true\nstock_qty: 100\noversell_enabled: true\n'), expected: [] },
    {
      name: 'stock_qty without has_stock',
      yaml: meet('stock_qty: 100\n'),
      expected: [['SP3014', 5, 1]],
      message: /`has_stock` is not set/,
      hint: 'add `has_stock: true`',
    },
    { name: 'stock_qty with has_stock false', yaml: meet('has_stock: false\nstock_qty: 100\n'), expected: [['SP3014', 6, 1]], message: /`has_stock` is false/ },
    { name: 'has_stock without stock_qty', yaml: meet('has_stock: true\n'), expected: [['SP3015', 5, 12]], hint: '`stock_qty: N`' },
    { name: 'oversell without stock', yaml: meet('oversell_enabled: true\n'), expected: [['SP3016', 5, 19]], severity: 'warning' },
    { name: 'oversell disabled without stock', yaml: meet('oversell_enabled: false\n'), expected: [] },
    { name: 'a has_stock of the wrong type is the schema’s business', yaml: meet('has_stock: 1\nstock_qty: 5\n'), expected: [['SP2003', 5, 12]] },
  ]);
});

describe('trial-mode: trial_mode needs a trial (SPEC §2)', () => {
  checkCases([
    { name: 'a trial with its mode', yaml: meet('trial_period: 14\ntrial_mode: inside\n'), expected: [] },
    {
      name: 'trial_mode without trial_period',
      yaml: meet('trial_mode: inside\n'),
      expected: [['SP3017', 5, 1]],
      severity: 'warning',
      message: /found none/,
      hint: 'set `trial_period`',
    },
    { name: 'trial_mode with trial_period 0', yaml: meet('trial_period: 0\ntrial_mode: outside\n'), expected: [['SP3017', 6, 1]], message: /found 0/ },
  ]);
});

describe('retired-visible: retired packages should be hidden (SPEC §2)', () => {
  checkCases([
    { name: 'retired and hidden', yaml: meet('retired: true\nhidden: true\n'), expected: [] },
    { name: 'retired, not hidden', yaml: meet('retired: true\n'), expected: [['SP3018', 5, 10]], severity: 'warning', hint: '`hidden: true`' },
    { name: 'retired, hidden false', yaml: meet('retired: true\nhidden: false\n'), expected: [['SP3018', 5, 10]] },
    { name: 'hidden, not retired', yaml: meet('hidden: true\n'), expected: [] },
  ]);
});
