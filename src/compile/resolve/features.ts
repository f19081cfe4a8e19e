// A package's features: each expanded to its full catalog definition plus the package's value and
// the effective reset settings (the package's long form overrides the catalog default, SPEC §2.1).
import type { Catalog } from '../../catalog/model.js';
import type { ResolvedFeature } from '../../generated/manifest.js';
import type { FeatureValue } from '../../generated/service-package.js';
import { joinPointer } from '../../source/parse.js';
import { compareKeys } from '../sort-keys.js';
import { resolveCatalogFeature } from './catalog.js';
import type { Origins } from './origin.js';
import type { ResolveProblem } from './problem.js';

/** Resolve `features` (feature code → value as written), recording origins under `/features`. */
export function resolveFeatures(
  written: Readonly<Record<string, FeatureValue>>,
  catalog: Catalog,
  origins: Origins,
  problems: ResolveProblem[],
): Record<string, ResolvedFeature> {
  const entries: [string, ResolvedFeature][] = [];
  for (const code of Object.keys(written).sort(compareKeys)) {
    const value = written[code];
    const pointer = joinPointer(['features', code]);
    const def = catalog.featureByCode.get(code);
    if (!def || value === undefined) {
      problems.push({ pointer, message: `the catalog has no feature \`${code}\`` });
      continue;
    }
    const long = typeof value === 'object' ? value : undefined;
    const base = resolveCatalogFeature(def);
    const feature: ResolvedFeature = {
      ...base,
      periodicity_type: long?.periodicity_type ?? base.periodicity_type,
      periodicity: long?.periodicity ?? base.periodicity,
      value: long ? long.value : (value as number | boolean | 'seats'),
    };
    entries.push([code, feature]);
    origins.set(pointer, 'catalog', 'catalog definition');
    origins.set(`${pointer}/value`, 'package');
    for (const reset of ['periodicity_type', 'periodicity'] as const) {
      if (long?.[reset] !== undefined) origins.set(`${pointer}/${reset}`, 'package', 'long form, overrides the catalog');
      else origins.set(`${pointer}/${reset}`, 'catalog', 'default reset');
    }
  }
  return Object.fromEntries(entries);
}
