// Defaults come from the schemas' `default` keywords (the single source of truth, docs/architecture.md#repository-layout), read once.
import type { ServicePackage } from '../../generated/service-package.js';
import { readSchema } from '../../schema/ajv.js';

/** Package properties the schema gives a default. */
export const DEFAULTED_PROPERTIES = [
  'status',
  'hidden',
  'retired',
  'price',
  'price_per',
  'min_seats',
  'signup_fee',
  'periodicity',
  'periodicity_type',
  'trial_period',
  'trial_interval',
  'trial_mode',
  'grace_period',
  'grace_interval',
  'has_stock',
  'oversell_enabled',
  'overages_enabled',
  'providers',
  'features',
  'notification_preferences',
  'package_settings',
  'package_metadata',
] as const;

/** A package property with a schema default. */
export type DefaultedProperty = (typeof DEFAULTED_PROPERTIES)[number];

/** The package schema's defaults. */
export type PackageDefaults = { readonly [K in DefaultedProperty]-?: NonNullable<ServicePackage[K]> };

/** Catalog properties with a schema default that the manifest fills. */
export interface CatalogDefaults {
  /** A feature's `feature_settings.override_levels`. */
  readonly overrideLevels: readonly ('account' | 'room')[];
  /** A provider type's `aliases`. */
  readonly aliases: readonly string[];
  /** A provider type's `settings_schema`. */
  readonly settingsSchema: Readonly<Record<string, unknown>>;
}

let packageCache: PackageDefaults | undefined;
let catalogCache: CatalogDefaults | undefined;

/** The defaults of schemas/service-package.schema.json. */
export function packageDefaults(): PackageDefaults {
  if (packageCache) return packageCache;
  const properties = propertiesOf(readSchema('service-package'));
  const defaults: Record<string, unknown> = {};
  for (const name of DEFAULTED_PROPERTIES) defaults[name] = defaultOf(properties, name, 'service-package');
  packageCache = defaults as PackageDefaults;
  return packageCache;
}

/** The defaults of the catalog schemas that the manifest fills in. */
export function catalogDefaults(): CatalogDefaults {
  if (catalogCache) return catalogCache;
  const feature = readSchema('catalog-feature') as { $defs?: { featureSettings?: Record<string, unknown> } };
  const provider = propertiesOf(readSchema('provider-type'));
  catalogCache = {
    overrideLevels: defaultOf(propertiesOf(feature.$defs?.featureSettings ?? {}), 'override_levels', 'catalog-feature') as ('account' | 'room')[],
    aliases: defaultOf(provider, 'aliases', 'provider-type') as string[],
    settingsSchema: defaultOf(provider, 'settings_schema', 'provider-type') as Record<string, unknown>,
  };
  return catalogCache;
}

function propertiesOf(schema: Record<string, unknown>): Record<string, Record<string, unknown>> {
  return (schema['properties'] ?? {}) as Record<string, Record<string, unknown>>;
}

function defaultOf(properties: Record<string, Record<string, unknown>>, name: string, schema: string): unknown {
  const property = properties[name];
  if (!property || !('default' in property)) throw new Error(`svcpkg: schemas/${schema}.schema.json gives \`${name}\` no default`);
  return property['default'];
}
