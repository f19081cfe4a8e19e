// A package's features: each expanded to its full catalog definition plus the package's value and
// the effective reset settings (the package's long form overrides the catalog default, docs/packages.md#feature-values) and
// its overage price with every key present (docs/revenue.md).
import type { Catalog, FeatureDefinition } from '../../catalog/model.js';
import type { CatalogFeature, OveragePrice, OverageTier, ResolvedFeature } from '../../generated/manifest.js';
import type { FeatureValue, Overage } from '../../generated/service-package.js';
import { joinPointer } from '../../source/parse.js';
import { compareKeys } from '../sort-keys.js';
import { resolveCatalogFeature } from './catalog.js';
import type { Origins } from './origin.js';
import type { ResolveProblem } from './problem.js';

/**
 * Each definition resolved once per catalog, not once per package that includes it: at 10,000
 * packages the copies were the largest part of compile's time (docs/decisions.md, Compile). The
 * features spread it, so nothing shares more than the definition's nested values.
 */
const resolvedDefinitions = new WeakMap<FeatureDefinition, CatalogFeature>();
function catalogFeatureOnce(def: FeatureDefinition): CatalogFeature {
  let found = resolvedDefinitions.get(def);
  if (!found) resolvedDefinitions.set(def, (found = resolveCatalogFeature(def)));
  return found;
}

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
    const base = catalogFeatureOnce(def);
    // Written out key by key (the definition's order, then value and overage): one allocation of a
    // fixed shape, where a spread of the definition cost several times more at 10,000 packages.
    const feature: ResolvedFeature = {
      code: base.code,
      name: base.name,
      description: base.description,
      field_suffix: base.field_suffix,
      aggregation_type: base.aggregation_type,
      consumable: base.consumable,
      quota: base.quota,
      periodicity_type: long?.periodicity_type ?? base.periodicity_type,
      periodicity: long?.periodicity ?? base.periodicity,
      feature_settings: base.feature_settings,
      feature_metadata: base.feature_metadata,
      value: long ? long.value : (value as number | boolean | 'seats'),
      overage: long?.overage ? resolveOverage(long.overage) : null,
    };
    entries.push([code, feature]);
    origins.set(pointer, 'catalog', 'catalog definition');
    origins.set(`${pointer}/value`, 'package');
    for (const reset of ['periodicity_type', 'periodicity'] as const) {
      if (long?.[reset] !== undefined) origins.set(`${pointer}/${reset}`, 'package', 'long form, overrides the catalog');
      else origins.set(`${pointer}/${reset}`, 'catalog', 'default reset');
    }
    if (long?.overage) {
      origins.set(`${pointer}/overage`, 'package');
      if (long.overage.model === undefined) origins.set(`${pointer}/overage/model`, 'schema', 'default model');
      for (const key of ['price', 'per', 'tiers'] as const) {
        if (long.overage[key] === undefined) origins.set(`${pointer}/overage/${key}`, 'schema', 'not used by this model');
      }
    } else {
      origins.set(`${pointer}/overage`, 'schema', 'not priced');
    }
  }
  return Object.fromEntries(entries);
}

/**
 * An overage price as written → the manifest's shape: all four keys present, those the model does
 * not use null, and each tier's open `up_to` null. The check stage has made sure the keys fit the
 * model (SP3029), so only the model's own keys are carried over.
 */
function resolveOverage(written: Overage): OveragePrice {
  const model = written.model ?? 'per_unit';
  const tiered = model === 'graduated' || model === 'volume';
  return {
    model,
    price: tiered ? null : (written.price ?? null),
    per: model === 'package' ? (written.per ?? null) : null,
    tiers: tiered && written.tiers ? resolveTiers(written.tiers) : null,
  };
}

function resolveTiers([first, ...rest]: NonNullable<Overage['tiers']>): NonNullable<OveragePrice['tiers']> {
  const tier = (t: typeof first): OverageTier => ({ up_to: t.up_to ?? null, price: t.price });
  return [tier(first), ...rest.map(tier)];
}
