// A priced package names its ISO 4217 currency (docs/packages.md#package-properties).
import { defineCodes } from '../../diagnostics/registry.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import type { PackageRule } from '../context.js';
import { ISO_4217_CODES } from './currencies.js';

export const CODES = defineCodes({
  missingCurrency: {
    code: 'SP3019',
    severity: 'error',
    title: 'Price without a currency',
    description: '`currency` is required when `price` or `signup_fee` is above 0: an amount means nothing without it.',
    example: 'price: 19.90\n',
    fix: 'Add `currency:` with an ISO 4217 code, e.g. `currency: EUR`.',
  },
  unknownCurrency: {
    code: 'SP3020',
    severity: 'error',
    title: 'Unknown currency',
    description: '`currency` must be an active ISO 4217 code: three upper-case letters such as `EUR`, `USD` or `BRL`.',
    example: 'price: 19.90\ncurrency: EUT\n',
    fix: 'Use an ISO 4217 code; the hint suggests the closest one.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'currency',
  codes: Object.values(CODES),
  check({ pkg, authored, report }) {
    if (pkg.currency !== undefined) {
      if (!ISO_4217_CODES.has(pkg.currency)) {
        const upper = pkg.currency.trim().toUpperCase();
        const suggestion = ISO_4217_CODES.has(upper) ? `did you mean \`${upper}\`? (codes are upper case)` : didYouMean(upper, ISO_4217_CODES);
        report(CODES.unknownCurrency, '/currency', `unknown currency \`${pkg.currency}\`: expected an ISO 4217 code such as \`EUR\` or \`USD\``, {
          hint: suggestion ?? 'use the three-letter ISO 4217 code of the currency, e.g. `EUR`, `USD`, `GBP`',
        });
      }
      return;
    }
    if (authored('currency')) return; // present with a schema error: reported already
    const charged = (['price', 'signup_fee'] as const).find((p) => (pkg[p] ?? 0) > 0);
    if (charged === undefined) return;
    report(CODES.missingCurrency, `/${charged}`, `\`${charged}\` is ${pkg[charged] ?? 0} but \`currency\` is missing: expected an ISO 4217 currency code`, {
      hint: 'add `currency:` with an ISO 4217 code, e.g. `currency: EUR`',
    });
  },
};
