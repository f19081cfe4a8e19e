// The diff's own view of its inputs — a structural subset of the compiled manifest (docs/compile.md#the-manifest), so
// the real `Manifest` is assignable to `DiffManifest` — and its output: plain data, no printing.
import type { DiffOverage } from './overage.js';

export type { DiffOverage } from './overage.js';

/** A calendar unit of billing, trial and grace intervals. */
export type IntervalUnit = 'day' | 'week' | 'month' | 'year';

/** A reset unit of a feature, in the seed's words. */
export type ResetUnit = 'daily' | 'weekly' | 'monthly' | 'yearly';

/** The part of a resolved feature's `feature_settings` the diff reads. */
export interface DiffFeatureSettings {
  /** `limit`: a number or `true` (unlimited); `switch`: on or off. */
  readonly value_type: 'limit' | 'switch';
  /** Unit of a limit, shown beside numbers (minutes, GB, days). */
  readonly unit?: string | null;
}

/** A feature as resolved inside a package: its catalog definition plus the package's value. */
export interface DiffFeature {
  /** Feature code. */
  readonly code: string;
  /** Usage accumulates per reset window (true) or is capped per use (false). */
  readonly consumable: boolean;
  /** Effective reset unit for this package. */
  readonly periodicity_type: ResetUnit;
  /** Effective reset every this many units; 0 = never resets. */
  readonly periodicity: number;
  /** Catalog settings. */
  readonly feature_settings: DiffFeatureSettings;
  /** Limit: a non-negative integer, `true` = unlimited, `false` = not included, `seats` = the subscription's seats. Switch: on/off. */
  readonly value: number | boolean | 'seats';
  /** Price of usage above the limit; null or absent (before format_version 2): not priced. */
  readonly overage?: DiffOverage | null;
}

/** A provider instance attached to a package. */
export interface DiffProvider {
  /** Provider type code. */
  readonly type: string;
  /** Instance name, if any. */
  readonly name?: string | null;
  /** The provider new rooms use. */
  readonly default: boolean;
  /** Instance settings. */
  readonly settings?: Readonly<Record<string, unknown>> | null;
}

/** The part of a compiled package the diff reads. */
export interface DiffPackage {
  /** Package code: identity in git. */
  readonly code: string;
  /** Stable id from the lockfile: the same package across a rename. */
  readonly id: string;
  /** The code the package had before a rename. */
  readonly previous_code?: string | null;
  /** Name shown to customers. */
  readonly name: string;
  /** Service type code. */
  readonly service_type: string;
  /** Only `active` packages accept new subscriptions. */
  readonly status: 'draft' | 'active' | 'inactive';
  /** Not listed for self-service. */
  readonly hidden: boolean;
  /** No new subscriptions; existing ones continue. */
  readonly retired: boolean;
  /** Long description. */
  readonly description?: string | null;
  /** One-line description. */
  readonly short_description?: string | null;
  /** Ordinal level for upgrades and downgrades. */
  readonly tier?: number | null;
  /** Price of one billing period (per seat when `price_per` is `seat`). */
  readonly price: number;
  /** What `price` is per; absent (before format_version 2): `package`. */
  readonly price_per?: 'package' | 'seat';
  /** Fewest seats a subscription may have; absent: 1. */
  readonly min_seats?: number;
  /** Most seats a subscription may have; null or absent: no bound. */
  readonly max_seats?: number | null;
  /** Charged once when a subscription starts. */
  readonly signup_fee: number;
  /** ISO 4217 code of `price` and `signup_fee`; null when both are 0. */
  readonly currency?: string | null;
  /** Billing cycle length, in `periodicity_type` units. */
  readonly periodicity: number;
  /** Billing cycle unit. */
  readonly periodicity_type: IntervalUnit;
  /** Trial length in `trial_interval` units. */
  readonly trial_period: number;
  /** Trial unit. */
  readonly trial_interval: IntervalUnit;
  /** Where the trial sits relative to the first paid period. */
  readonly trial_mode: 'outside' | 'inside';
  /** Grace length in `grace_interval` units. */
  readonly grace_period: number;
  /** Grace unit. */
  readonly grace_interval: IntervalUnit;
  /** Whether live subscriptions are limited by `stock_qty`. */
  readonly has_stock: boolean;
  /** How many subscriptions may be live at once. */
  readonly stock_qty?: number | null;
  /** Admit subscriptions beyond the stock. */
  readonly oversell_enabled: boolean;
  /** Bill usage above a limit as overage instead of refusing it. */
  readonly overages_enabled: boolean;
  /** Attached providers. */
  readonly providers: readonly DiffProvider[];
  /** Features by code. */
  readonly features: Readonly<Record<string, DiffFeature>>;
  /** Notification preferences, compared as a whole. */
  readonly notification_preferences?: readonly unknown[] | null;
  /** Platform settings (flat scalars). */
  readonly package_settings?: Readonly<Record<string, unknown>> | null;
  /** Free metadata. */
  readonly package_metadata?: Readonly<Record<string, unknown>> | null;
}

/** The part of a compiled manifest the diff reads. */
export interface DiffManifest {
  /** Manifest format version. */
  readonly format_version: number;
  /** Hash of the compile's inputs, when the manifest carries one. */
  readonly inputs_hash?: string | null;
  /** The resolved catalog; only its hash is compared. */
  readonly catalog: {
    /** Content hash of the catalog. */
    readonly hash: string;
  };
  /** Every package. */
  readonly packages: readonly DiffPackage[];
}

/** A JSON value as it appears in `old` / `new` of a change. */
export type DiffValue = null | boolean | number | string | readonly DiffValue[] | { readonly [key: string]: DiffValue };

/** Whether something appeared, disappeared or changed: the `+` / `−` / `~` marker. */
export type ChangeAction = 'added' | 'removed' | 'changed';

/**
 * Every kind of change, grouped as the engine reports them. Whether a kind is breaking is decided
 * per change (see `classify.ts`); most kinds always classify the same way.
 */
export const CHANGE_KINDS = [
  // the package as a whole
  'package_added',
  'package_removed',
  'package_renamed',
  // descriptive properties
  'name_changed',
  'description_changed',
  'service_type_changed',
  'tier_changed',
  // availability
  'status_changed',
  'retired',
  'unretired',
  'hidden',
  'unhidden',
  // money
  'price_raised',
  'price_lowered',
  'price_changed',
  'price_per_changed',
  'min_seats_raised',
  'min_seats_lowered',
  'max_seats_raised',
  'max_seats_lowered',
  'signup_fee_raised',
  'signup_fee_lowered',
  'signup_fee_changed',
  'currency_changed',
  'billing_cycle_changed',
  // lifecycle
  'trial_lengthened',
  'trial_shortened',
  'trial_changed',
  'trial_mode_changed',
  'grace_lengthened',
  'grace_shortened',
  'grace_changed',
  // stock and overage
  'stock_limited',
  'stock_unlimited',
  'stock_raised',
  'stock_lowered',
  'oversell_enabled',
  'oversell_disabled',
  'overages_enabled',
  'overages_disabled',
  'overage_price_raised',
  'overage_price_lowered',
  'overage_price_changed',
  // features
  'feature_added',
  'feature_removed',
  'limit_raised',
  'limit_lowered',
  'limit_changed',
  'switch_on',
  'switch_off',
  'feature_redefined',
  'reset_shortened',
  'reset_lengthened',
  'reset_changed',
  // providers
  'provider_added',
  'provider_removed',
  'provider_default_changed',
  'provider_settings_changed',
  // free-form data
  'setting_added',
  'setting_removed',
  'setting_changed',
  'metadata_added',
  'metadata_removed',
  'metadata_changed',
  'notifications_changed',
] as const;

/** What kind of change it is. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change to one package. */
export interface Change {
  /** What kind of change. */
  readonly kind: ChangeKind;
  /** Added, removed or changed: the marker printed before it. */
  readonly action: ChangeAction;
  /** Where in the package, as a dotted path: `price`, `features.max_rooms`, `providers.bbb`. */
  readonly path: string;
  /** The value before (null when there was none). */
  readonly old: DiffValue;
  /** The value after (null when there is none). */
  readonly new: DiffValue;
  /** True when it takes something away from existing subscribers. */
  readonly breaking: boolean;
  /** Unit of `old` / `new` when they are amounts of a limit or money (`GB`, `EUR`). */
  readonly unit?: string;
}

/** How a package as a whole changed. */
export type PackageChangeStatus = 'added' | 'removed' | 'renamed' | 'changed';

/** Every change of one package, in a stable order. */
export interface PackageDiff {
  /** The package's code: the new one, or the old one for a removed package. */
  readonly code: string;
  /** The code before a rename. */
  readonly old_code?: string;
  /** How the package as a whole changed. */
  readonly status: PackageChangeStatus;
  /** True when any of its changes is breaking. */
  readonly breaking: boolean;
  /** The changes, in the order properties appear in a manifest. */
  readonly changes: readonly Change[];
}

/** One side of a diff, as labelled by the caller. */
export interface DiffSide {
  /** What the side was read from, as given: `HEAD~1`, `out/manifest.json`. */
  readonly label: string;
  /** The manifest's inputs hash, when it has one. */
  readonly inputs_hash: string | null;
  /** The catalog's content hash. */
  readonly catalog_hash: string;
}

/** Totals of a diff. */
export interface DiffSummary {
  /** How many changes are breaking. */
  readonly breaking: number;
  /** How many changes there are. */
  readonly changes: number;
}

/** The semantic difference between two manifests. */
export interface ManifestDiff {
  /** The old side. */
  readonly old: DiffSide;
  /** The new side. */
  readonly new: DiffSide;
  /** True when the catalogs differ (features may mean different things). */
  readonly catalog_changed: boolean;
  /** Packages with at least one change, sorted by code. */
  readonly packages: readonly PackageDiff[];
  /** Totals. */
  readonly summary: DiffSummary;
}
