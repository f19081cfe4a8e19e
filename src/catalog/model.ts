// The catalog in memory: the platform's features, service types and provider types, indexed by code.
import type { RelatedLocation } from '../diagnostics/diagnostic.js';
import type { FeatureDefinition } from '../generated/catalog-feature.js';
import type { ProviderTypeDefinition } from '../generated/provider-type.js';
import type { ServiceTypeDefinition } from '../generated/service-type.js';

export type { FeatureDefinition, ProviderTypeDefinition, ServiceTypeDefinition };

/** A loaded, validated catalog. */
export interface Catalog {
  /** Folder it was read from. */
  readonly dir: string;
  /** sha256 of the catalog's canonical JSON: changes whenever any entry changes. */
  readonly hash: string;
  /** Features in file order. */
  readonly features: readonly FeatureDefinition[];
  /** Service types in file order. */
  readonly serviceTypes: readonly ServiceTypeDefinition[];
  /** Provider types in file order. */
  readonly providerTypes: readonly ProviderTypeDefinition[];
  /** Feature by code. */
  readonly featureByCode: ReadonlyMap<string, FeatureDefinition>;
  /** Service type by code. */
  readonly serviceTypeByCode: ReadonlyMap<string, ServiceTypeDefinition>;
  /** Provider type by code or alias. */
  readonly providerTypeByCode: ReadonlyMap<string, ProviderTypeDefinition>;
  /** Where each entry is defined, keyed `feature:CODE`, `service_type:CODE`, `provider_type:CODE`. */
  readonly locations: CatalogLocations;
}

/** Where catalog entries are defined; may parse the catalog files on first use. */
export interface CatalogLocations {
  /** The location of `feature:CODE`, `service_type:CODE` or `provider_type:CODE`. */
  get(key: string): RelatedLocation | undefined;
}

/** Service types a feature is allowed in, derived from the service types' lists. */
export function serviceTypesAllowing(catalog: Catalog, feature: string): string[] {
  return catalog.serviceTypes.filter((t) => t.features.includes(feature)).map((t) => t.code);
}
