// The long form's reset settings only matter for consumable features (docs/packages.md#feature-values, docs/simulation.md#usage-buckets-and-windows).
import { defineCodes } from '../../diagnostics/registry.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';
import { featureEntries } from './feature-entries.js';

export const CODES = defineCodes({
  resetWithoutEffect: {
    code: 'SP3006',
    severity: 'warning',
    title: 'Long form on a non-consumable feature',
    description:
      'The long form `{value, periodicity_type, periodicity}` overrides when usage resets. A non-consumable feature keeps one bucket per use, never per window, so on it the long form (and any reset setting) has no effect.',
    example: 'features:\n  max_participants: { value: 50, periodicity_type: daily, periodicity: 1 }\n',
    fix: 'Write the value alone (`max_participants: 50`).',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'feature-reset',
  codes: Object.values(CODES),
  check({ pkg, catalog, report }) {
    for (const entry of featureEntries(pkg, catalog)) {
      if (!entry.longForm || entry.definition.consumable) continue;
      const given = Object.keys(entry.reset);
      const first = given[0];
      // `{ value, overage }` is the way to price overage (docs/revenue.md): only reset settings are idle there.
      if (first === undefined && entry.overage !== undefined) continue;
      const what = first === undefined ? 'the long form' : given.map((k) => `\`${k}\``).join(' and ');
      report(
        CODES.resetWithoutEffect,
        joinPointer(first === undefined ? ['features', entry.code] : ['features', entry.code, first]),
        `\`${entry.code}\` is not consumable, so ${what} ${given.length > 1 ? 'have' : 'has'} no effect: expected the value alone, found \`{ value: ${String(entry.value)}${given.map((k) => `, ${k}: …`).join('')} }\``,
        {
          target: first === undefined ? 'value' : 'key',
          hint: entry.overage === undefined ? `write \`${entry.code}: ${String(entry.value)}\`` : `remove ${given.map((k) => `\`${k}\``).join(' and ')}; keep \`value\` and \`overage\``,
        },
      );
    }
  },
};
