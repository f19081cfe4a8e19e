// The catalog as the manifest carries it: every entry with every property present (absent: null).
import type { Catalog, FeatureDefinition, ProviderTypeDefinition, ServiceTypeDefinition } from '../../catalog/model.js';
import type { CatalogFeature, CatalogProviderType, CatalogServiceType, ManifestCatalog } from '../../generated/manifest.js';
import { sortKeysDeep } from '../sort-keys.js';
import { catalogDefaults } from './defaults.js';

/** A catalog feature with every property present. */
export function resolveCatalogFeature(def: FeatureDefinition): CatalogFeature {
  const settings = def.feature_settings;
  return {
    code: def.code,
    name: def.name,
    description: def.description ?? null,
    field_suffix: def.field_suffix ?? null,
    aggregation_type: def.aggregation_type,
    consumable: def.consumable,
    quota: def.quota,
    periodicity_type: def.periodicity_type,
    periodicity: def.periodicity,
    feature_settings: {
      value_type: settings.value_type,
      unit: settings.unit ?? null,
      use_key: settings.use_key ?? null,
      enforced_by: settings.enforced_by,
      override_levels: [...(settings.override_levels ?? catalogDefaults().overrideLevels)],
    },
    feature_metadata: sortKeysDeep(def.feature_metadata ?? {}),
  };
}

/** A service type as the manifest carries it. */
export function resolveServiceType(def: ServiceTypeDefinition): CatalogServiceType {
  return { code: def.code, name: def.name, room_type: def.room_type, features: [...def.features] };
}

/** A provider type with every property present. */
export function resolveProviderType(def: ProviderTypeDefinition): CatalogProviderType {
  return {
    type: def.type,
    name: def.name,
    aliases: [...(def.aliases ?? catalogDefaults().aliases)],
    service_types: [...def.service_types],
    feature_map: sortKeysDeep(def.feature_map),
    settings_schema: sortKeysDeep(def.settings_schema ?? structuredClone(catalogDefaults().settingsSchema)),
  };
}

/** The manifest's `catalog`: entries in catalog order, with the catalog's content hash. */
export function resolveCatalog(catalog: Catalog): ManifestCatalog {
  return {
    hash: catalog.hash,
    features: catalog.features.map(resolveCatalogFeature),
    service_types: catalog.serviceTypes.map(resolveServiceType),
    provider_types: catalog.providerTypes.map(resolveProviderType),
  };
}
