// The package's features joined with their catalog definitions: what the feature rules iterate over.
import type { Catalog, FeatureDefinition } from '../../catalog/model.js';
import type { Overage, ServicePackage } from '../../generated/service-package.js';

/** One well-typed feature entry of a package whose code the catalog knows. */
export interface FeatureEntry {
  /** Feature code. */
  readonly code: string;
  /** Its catalog definition. */
  readonly definition: FeatureDefinition;
  /** The value, from the short form or the long form's `value`; `seats` follows the subscription's seats. */
  readonly value: number | boolean | 'seats';
  /** Whether it was written in the long form `{value, periodicity_type, periodicity}`. */
  readonly longForm: boolean;
  /** The long form's reset settings, when given. */
  readonly reset: { readonly periodicity_type?: string; readonly periodicity?: number };
  /** The long form's overage price, when given (docs/revenue.md). */
  readonly overage: Overage | undefined;
}

// Several rules iterate the same entries: build them once per package (and catalog).
const memo = new WeakMap<Partial<ServicePackage>, { catalog: Catalog; entries: FeatureEntry[] }>();

/** The entries of `features` that the catalog knows (unknown codes are the feature-code rule's business). */
export function featureEntries(pkg: Partial<ServicePackage>, catalog: Catalog): FeatureEntry[] {
  const cached = memo.get(pkg);
  if (cached && cached.catalog === catalog) return cached.entries;
  const entries = buildEntries(pkg, catalog);
  memo.set(pkg, { catalog, entries });
  return entries;
}

function buildEntries(pkg: Partial<ServicePackage>, catalog: Catalog): FeatureEntry[] {
  const entries: FeatureEntry[] = [];
  for (const [code, raw] of Object.entries(pkg.features ?? {})) {
    const definition = catalog.featureByCode.get(code);
    if (!definition) continue;
    if (typeof raw === 'object' && raw !== null) {
      const reset: { periodicity_type?: string; periodicity?: number } = {};
      if (raw.periodicity_type !== undefined) reset.periodicity_type = raw.periodicity_type;
      if (raw.periodicity !== undefined) reset.periodicity = raw.periodicity;
      entries.push({ code, definition, value: raw.value, longForm: true, reset, overage: raw.overage });
    } else {
      entries.push({ code, definition, value: raw, longForm: false, reset: {}, overage: undefined });
    }
  }
  return entries;
}

/** Whether a value includes the feature: `false` is the same as absent (docs/packages.md#feature-values). */
export function isIncluded(value: number | boolean | 'seats'): boolean {
  return value !== false;
}

/** Whether a value is a finite limit, the only kind usage can exceed: not unlimited, not left out. */
export function isFiniteLimit(value: number | boolean | 'seats'): boolean {
  return typeof value === 'number' || value === 'seats';
}
