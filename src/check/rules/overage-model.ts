// Each overage model takes its own keys (docs/revenue.md): per_unit a `price`, package a `price`
// and a block size `per`, graduated and volume a list of `tiers`. A key of another model is ignored
// by the billing system, so it is an error rather than a silent surprise.
import { defineCodes } from '../../diagnostics/registry.js';
import type { Overage } from '../../generated/service-package.js';
import { joinPointer } from '../../source/parse.js';
import type { PackageRule } from '../context.js';
import { featureEntries } from './feature-entries.js';

export const CODES = defineCodes({
  overageModelKeys: {
    code: 'SP3029',
    severity: 'error',
    title: 'Overage keys do not fit its model',
    description:
      'An `overage` price takes `price` (model `per_unit`, the default), `price` and `per` (model `package`: a price per started block of `per` units), or `tiers` (models `graduated` and `volume`). A missing key leaves the price undefined; a key of another model would be ignored.',
    example: 'overages_enabled: true\nfeatures:\n  max_storage: { value: 100, overage: { model: package, price: 5 } }\n',
    fix: 'Give the keys the model needs and remove the others, or change `model`.',
  },
});

/** The keys each model needs; every other pricing key is out of place. */
const NEEDS: Record<NonNullable<Overage['model']>, readonly (keyof Overage)[]> = {
  per_unit: ['price'],
  package: ['price', 'per'],
  graduated: ['tiers'],
  volume: ['tiers'],
};

/** An example of each model, for hints. */
const EXAMPLE: Record<NonNullable<Overage['model']>, string> = {
  per_unit: '{ price: 0.5 }',
  package: '{ model: package, price: 5, per: 50 }',
  graduated: '{ model: graduated, tiers: [{ up_to: 100, price: 0.02 }, { price: 0.01 }] }',
  volume: '{ model: volume, tiers: [{ up_to: 10, price: 1 }, { price: 0.5 }] }',
};

export const rule: PackageRule = {
  scope: 'package',
  name: 'overage-model',
  codes: Object.values(CODES),
  check({ pkg, catalog, report }) {
    for (const entry of featureEntries(pkg, catalog)) {
      const overage = entry.overage;
      if (overage === undefined) continue;
      const model = overage.model ?? 'per_unit';
      const named = overage.model === undefined ? 'the default model `per_unit`' : `model \`${model}\``;
      const base = ['features', entry.code, 'overage'];
      const needs = NEEDS[model];
      const missing = needs.filter((key) => overage[key] === undefined);
      if (missing.length > 0) {
        report(
          CODES.overageModelKeys,
          joinPointer(base),
          `\`${entry.code}\`'s \`overage\` with ${named} needs ${missing.map((k) => `\`${k}\``).join(' and ')}: expected ${EXAMPLE[model]}`,
          { target: 'key', hint: `write \`overage: ${EXAMPLE[model]}\`` },
        );
      }
      for (const key of ['price', 'per', 'tiers'] as const) {
        if (overage[key] === undefined || needs.includes(key)) continue;
        const fits = (Object.keys(NEEDS) as (keyof typeof NEEDS)[]).filter((m) => NEEDS[m].includes(key));
        report(
          CODES.overageModelKeys,
          joinPointer([...base, key]),
          `\`${key}\` does not belong to ${named} (it is for ${fits.map((m) => `\`${m}\``).join(' and ')}): expected ${EXAMPLE[model]}`,
          { target: 'key', hint: `remove \`${key}\`, or set \`model\` to ${fits.map((m) => `\`${m}\``).join(' or ')}` },
        );
      }
    }
  },
};
