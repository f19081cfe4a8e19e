// Small manifests for the diff tests: a base package and helpers to vary it.
import type { DiffFeature, DiffManifest, DiffOverage, DiffPackage } from '../../src/diff/model.js';

/** Options of a feature fixture. */
export interface FeatureOptions {
  type?: 'limit' | 'switch';
  consumable?: boolean;
  periodicity?: number;
  periodicity_type?: DiffFeature['periodicity_type'];
  unit?: string | null;
  overage?: DiffOverage | null;
}

/** A resolved feature with its value. */
export function feature(code: string, value: number | boolean | 'seats', options: FeatureOptions = {}): DiffFeature {
  return {
    code,
    consumable: options.consumable ?? true,
    periodicity: options.periodicity ?? 1,
    periodicity_type: options.periodicity_type ?? 'monthly',
    feature_settings: { value_type: options.type ?? 'limit', unit: options.unit ?? null },
    value,
    ...(options.overage !== undefined ? { overage: options.overage } : {}),
  };
}

/** An overage price with every key present, as the manifest writes it. */
export function overage(price: Partial<DiffOverage>): DiffOverage {
  return { model: 'per_unit', price: null, per: null, tiers: null, ...price };
}

/** A switch feature. */
export function toggle(code: string, on: boolean): DiffFeature {
  return feature(code, on, { type: 'switch', consumable: false });
}

/** The base package every table row varies: a priced, active meet package. */
export function basePackage(overrides: Partial<DiffPackage> = {}): DiffPackage {
  return {
    code: 'meet-standard',
    id: 'id00000000000001',
    name: 'Standard',
    service_type: 'meet',
    status: 'active',
    hidden: false,
    retired: false,
    description: null,
    short_description: null,
    tier: 1,
    price: 10,
    signup_fee: 5,
    currency: 'EUR',
    periodicity: 1,
    periodicity_type: 'month',
    trial_period: 14,
    trial_interval: 'day',
    trial_mode: 'outside',
    grace_period: 7,
    grace_interval: 'day',
    has_stock: false,
    stock_qty: null,
    oversell_enabled: false,
    overages_enabled: true,
    providers: [{ type: 'bbb', name: null, default: true, settings: {} }],
    features: {
      max_rooms: feature('max_rooms', 10),
      max_participants: feature('max_participants', 50, { consumable: false }),
      max_storage: feature('max_storage', false, { unit: 'GB' }),
      recording: toggle('recording', true),
      screen_sharing: toggle('screen_sharing', false),
    },
    notification_preferences: [],
    package_settings: { region: 'eu' },
    package_metadata: {},
    ...overrides,
  };
}

/** The base package with some features replaced (undefined removes one). */
export function withFeatures(features: Record<string, DiffFeature | undefined>, overrides: Partial<DiffPackage> = {}): DiffPackage {
  const base = basePackage(overrides);
  const merged: Record<string, DiffFeature> = { ...base.features };
  for (const [code, value] of Object.entries(features)) {
    if (value === undefined) delete merged[code];
    else merged[code] = value;
  }
  return { ...base, features: merged };
}

/** A manifest of packages. */
export function manifest(packages: DiffPackage[], catalogHash = 'catalog-1'): DiffManifest {
  return { format_version: 1, inputs_hash: `inputs-${packages.length}`, catalog: { hash: catalogHash }, packages };
}
