import { describe, expect, it } from 'vitest';
import { ISO_4217_CODES } from '../../../src/check/rules/currencies.js';
import { countDecimals } from '../../../src/check/rules/decimals.js';
import { checkCases, meet } from '../helpers.js';

describe('currency: required when charging, and an ISO 4217 code (SPEC §2)', () => {
  checkCases([
    { name: 'a price in euros', yaml: meet('price: 19.90\ncurrency: EUR\n'), expected: [] },
    { name: 'free, no currency', yaml: meet('price: 0\n'), expected: [] },
    { name: 'free, with a currency', yaml: meet('currency: USD\n'), expected: [] },
    {
      name: 'a price without a currency',
      yaml: meet('price: 19.90\n'),
      expected: [['SP3019', 5, 8]],
      message: /`currency` is missing/,
      hint: '`currency: EUR`',
    },
    { name: 'a signup fee without a currency', yaml: meet('signup_fee: 5\n'), expected: [['SP3019', 5, 13]] },
    { name: 'a typo', yaml: meet('price: 10\ncurrency: EUT\n'), expected: [['SP3020', 6, 11]], hint: '`EUR`', message: /unknown currency `EUT`/ },
    { name: 'lower case', yaml: meet('price: 10\ncurrency: eur\n'), expected: [['SP3020', 6, 11]], hint: '`EUR`' },
    { name: 'nothing close', yaml: meet('price: 10\ncurrency: QQQ\n'), expected: [['SP3020', 6, 11]], hint: /three-letter ISO 4217 code/ },
    { name: 'a retired code', yaml: meet('price: 10\ncurrency: HRK\n'), expected: [['SP3020', 6, 11]] },
    { name: 'a currency of the wrong type: only the schema speaks', yaml: meet('price: 10\ncurrency: 978\n'), expected: [['SP2003', 6, 11]] },
  ]);

  it('embeds the active ISO 4217 list', () => {
    for (const code of ['EUR', 'USD', 'BRL', 'JPY', 'XCG', 'ZWG', 'SLE']) expect(ISO_4217_CODES.has(code)).toBe(true);
    for (const code of ['HRK', 'ANG', 'ZWL', 'SLL', 'eur']) expect(ISO_4217_CODES.has(code)).toBe(false);
  });
});

describe('decimals: price ≤ 4 decimals, signup_fee ≤ 2, counted as written (SPEC §2)', () => {
  checkCases([
    { name: 'four decimals on price, two on the fee', yaml: meet('price: 9.9999\nsignup_fee: 1.99\ncurrency: EUR\n'), expected: [] },
    { name: 'trailing zeros do not count', yaml: meet('price: 19.9000000\nsignup_fee: 5.000\ncurrency: EUR\n'), expected: [] },
    {
      name: 'six decimals on price',
      yaml: meet('price: 9.999999\ncurrency: EUR\n'),
      expected: [['SP3021', 5, 8]],
      message: /has 6 decimals \(9\.999999\): expected at most 4/,
      hint: '`price: 10`',
    },
    { name: 'three decimals on the signup fee', yaml: meet('signup_fee: 1.999\ncurrency: EUR\n'), expected: [['SP3021', 5, 13]], message: /expected at most 2/ },
    { name: 'exponent notation', yaml: meet('price: 1.5e-5\ncurrency: EUR\n'), expected: [['SP3021', 5, 8]] },
  ]);

  it.each([
    ['10', 0],
    ['10.5', 1],
    ['10.50', 1],
    ['9.999999', 6],
    ['2.5e-3', 4],
    ['1.25E1', 1],
    ['1e2', 0],
    ['0x1F', 0],
    ['.inf', 0],
  ])('countDecimals(%s) = %i', (source, decimals) => {
    expect(countDecimals(source)).toBe(decimals);
  });
});
