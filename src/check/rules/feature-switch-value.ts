// A switch feature is on or off: `true` / `false`, never a number (docs/packages.md#feature-values).
import { defineCodes } from '../../diagnostics/registry.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';
import { featureEntries } from './feature-entries.js';

export const CODES = defineCodes({
  numberOnSwitch: {
    code: 'SP3004',
    severity: 'error',
    title: 'Number on a switch feature',
    description: 'The catalog declares the feature a switch (`value_type: switch`), which is either included or not; a number has no meaning for it.',
    example: 'features:\n  recording: 5\n',
    fix: 'Write `true` to include the feature, `false` (or nothing) to leave it out.',
  },
});

export const rule: PackageRule = {
  scope: 'package',
  name: 'feature-switch-value',
  codes: Object.values(CODES),
  check({ pkg, catalog, report }) {
    for (const entry of featureEntries(pkg, catalog)) {
      if (entry.definition.feature_settings.value_type !== 'switch' || typeof entry.value !== 'number') continue;
      const pointer = joinPointer(entry.longForm ? ['features', entry.code, 'value'] : ['features', entry.code]);
      report(CODES.numberOnSwitch, pointer, `\`${entry.code}\` is a switch: expected true or false, found the number ${entry.value}`, {
        hint: entry.value > 0 ? 'write `true` to include it' : 'write `false` to leave it out, or remove the entry',
      });
    }
  },
};
