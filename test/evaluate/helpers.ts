// Shared builders for evaluator tests: the default catalog of SPEC §3.1 (plus three test-only
// features covering the aggregations and windows the defaults lack), packages with the schema's
// defaults, and terse event builders.
import type {
  EvaluatorFeature,
  EvaluatorManifest,
  EvaluatorOveragePrice,
  EvaluatorPackage,
  EvaluatorPackageFeature,
  Subscription,
  UsageEvent,
} from '../../src/evaluate/index.js';

/** A catalog feature with the defaults most of SPEC §3.1 shares. */
function feature(code: string, extra: Partial<EvaluatorFeature> & { settings?: Partial<EvaluatorFeature['feature_settings']> }): EvaluatorFeature {
  const { settings, ...rest } = extra;
  return {
    code,
    aggregation_type: 'count_agg',
    consumable: false,
    quota: true,
    periodicity_type: 'monthly',
    periodicity: 0,
    field_suffix: null,
    ...rest,
    feature_settings: { value_type: 'limit', use_key: null, override_levels: [], ...settings },
  };
}

/** The default catalog (SPEC §3.1) plus `api_calls` (daily window), `peak_bitrate` (max) and `viewers` (unique, monthly window). */
export const CATALOG: EvaluatorFeature[] = [
  feature('max_accounts', { consumable: true }),
  feature('max_rooms', { consumable: true, settings: { override_levels: ['account'] } }),
  feature('max_participants', { settings: { use_key: 'session', override_levels: ['account', 'room'] } }),
  feature('max_duration', { aggregation_type: 'sum_agg', field_suffix: 'minutes', settings: { use_key: 'session', override_levels: ['account', 'room'] } }),
  feature('max_storage', { aggregation_type: 'sum_agg', field_suffix: 'gb', consumable: true }),
  feature('max_recordings', { consumable: true, settings: { override_levels: ['account', 'room'] } }),
  feature('record_expiration', { aggregation_type: 'sum_agg', field_suffix: 'days', settings: { use_key: 'recording', override_levels: ['account', 'room'] } }),
  feature('recording', { quota: false, settings: { value_type: 'switch', override_levels: ['room'] } }),
  feature('private_chat', { quota: false, settings: { value_type: 'switch', override_levels: ['room'] } }),
  feature('public_chat', { quota: false, settings: { value_type: 'switch', override_levels: ['room'] } }),
  feature('screen_sharing', { quota: false, settings: { value_type: 'switch', override_levels: ['room'] } }),
  feature('allow_create_account', { quota: false, settings: { value_type: 'switch' } }),
  feature('allow_delete_account', { quota: false, settings: { value_type: 'switch' } }),
  feature('api_calls', { consumable: true, periodicity_type: 'daily', periodicity: 1 }),
  feature('peak_bitrate', { aggregation_type: 'max_agg', field_suffix: 'kbps', settings: { use_key: 'session' } }),
  feature('viewers', { aggregation_type: 'unique_count_agg', field_suffix: 'viewer', consumable: true, periodicity: 1 }),
];

/** Package fields a test may set; `features` maps codes to values (or long-form reset overrides). */
export type PackageSpec = Partial<Omit<EvaluatorPackage, 'features'>> & {
  features?: Record<
    string,
    | number
    | boolean
    | 'seats'
    | {
        value: number | boolean | 'seats';
        periodicity_type?: EvaluatorFeature['periodicity_type'];
        periodicity?: number;
        overage?: EvaluatorOveragePrice | null;
      }
  >;
};

/** A resolved package with the schema's defaults. */
export function pkg(code: string, spec: PackageSpec = {}): EvaluatorPackage {
  const { features = {}, ...rest } = spec;
  const resolved: Record<string, EvaluatorPackageFeature> = {};
  for (const [name, value] of Object.entries(features)) {
    const def = CATALOG.find((f) => f.code === name);
    if (!def) throw new Error(`test catalog has no ${name}`);
    resolved[name] = typeof value === 'object' ? { ...def, ...value } : { ...def, value };
  }
  return {
    code,
    status: 'active',
    retired: false,
    price: 0,
    signup_fee: 0,
    currency: null,
    periodicity: 1,
    periodicity_type: 'month',
    trial_period: 0,
    trial_interval: 'day',
    trial_mode: 'outside',
    grace_period: 0,
    grace_interval: 'day',
    has_stock: false,
    stock_qty: null,
    oversell_enabled: false,
    overages_enabled: false,
    notification_preferences: [],
    ...rest,
    features: resolved,
  };
}

/** A manifest over the test catalog. */
export function manifest(...packages: EvaluatorPackage[]): EvaluatorManifest {
  return { catalog: { features: CATALOG }, packages };
}

/** Epoch ms of an ISO instant or date (dates are 00:00Z). */
export function ms(iso: string): number {
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) throw new Error(`bad instant ${iso}`);
  return t;
}

/** A subscription starting at an ISO date. */
export function sub(id: string, packageCode: string, startsAt: string, rest: Partial<Omit<Subscription, 'id' | 'package' | 'starts_at'>> = {}): Subscription {
  return { id, package: packageCode, starts_at: ms(startsAt), ...rest };
}

let counter = 0;

/** An event with a fresh transaction id unless one is given. */
export function ev(subscription: string, code: string, timestamp: string | number, properties?: Record<string, unknown>, transactionId?: string): UsageEvent {
  return {
    transaction_id: transactionId ?? `tx-${++counter}`,
    external_subscription_id: subscription,
    code,
    timestamp,
    ...(properties ? { properties } : {}),
  };
}
