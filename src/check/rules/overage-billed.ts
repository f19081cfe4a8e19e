// An overage price that can never be charged: overages are off for the package, or the feature has
// no finite limit to exceed (docs/revenue.md). Likely a forgotten `overages_enabled: true`.
import { defineCodes } from '../../diagnostics/registry.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';
import { featureEntries, isFiniteLimit } from './feature-entries.js';

export const CODES = defineCodes({
  overageNeverBilled: {
    code: 'SP3027',
    severity: 'warning',
    title: 'Overage price never billed',
    description:
      'An `overage` price is charged only for usage above a finite limit while the package has `overages_enabled: true`. With overages disabled, usage above the limit is refused; on an unlimited (`true`) or left-out (`false`) feature nothing is ever above the limit.',
    example: 'features:\n  max_storage: { value: 100, overage: { price: 0.5 } }\n',
    fix: 'Add `overages_enabled: true` to the package, or remove the `overage` price.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'overage-billed',
  codes: Object.values(CODES),
  check({ pkg, catalog, authored, report }) {
    // `overages_enabled` with a schema error was dropped: its intent is unknown, so say nothing of it.
    const overagesUnknown = authored('overages_enabled') && pkg.overages_enabled === undefined;
    for (const entry of featureEntries(pkg, catalog)) {
      if (entry.overage === undefined) continue;
      // A switch or non-quota feature is SP3026's business.
      if (entry.definition.feature_settings.value_type !== 'limit' || !entry.definition.quota) continue;
      const pointer = joinPointer(['features', entry.code, 'overage']);
      if (!isFiniteLimit(entry.value)) {
        const what = entry.value === true ? 'unlimited (`true`)' : 'not included (`false`)';
        report(CODES.overageNeverBilled, pointer, `\`${entry.code}\` is ${what}, so no usage is ever above its limit and its \`overage\` price is never billed: expected a number as its \`value\``, {
          target: 'key',
          hint: `give \`${entry.code}\` a numeric \`value\`, or remove \`overage\``,
        });
      } else if (!overagesUnknown && pkg.overages_enabled !== true) {
        report(
          CODES.overageNeverBilled,
          pointer,
          `\`${entry.code}\` has an \`overage\` price but \`overages_enabled\` is ${pkg.overages_enabled === false ? 'false' : 'not set'}: usage above the limit is refused, so the price is never billed`,
          { target: 'key', hint: 'add `overages_enabled: true` to the package, or remove `overage`' },
        );
      }
    }
  },
};
