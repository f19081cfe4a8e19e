// The evaluator's own view of its inputs: a structural subset of the compiled manifest (docs/compile.md#the-manifest)
// and the subscriptions of a scenario (docs/simulation.md#running-a-scenario-svcpkg-simulate), so the evaluate stage depends on no other stage
// and the real manifest type is assignable to `EvaluatorManifest` as is.

/** A calendar unit of billing, trial and grace intervals. */
export type IntervalUnit = 'day' | 'week' | 'month' | 'year';

/** A reset unit of a feature, in the seed's words (`daily` = day, …). */
export type ResetUnit = 'daily' | 'weekly' | 'monthly' | 'yearly';

/** How a feature's events add up to usage (docs/simulation.md#usage-buckets-and-windows). */
export type AggregationType = 'count_agg' | 'sum_agg' | 'max_agg' | 'unique_count_agg';

/** A level below the subscription where a value may be narrowed (docs/simulation.md#override-levels). */
export type OverrideLevel = 'account' | 'room';

/** The part of a catalog feature's `feature_settings` the evaluator reads. */
export interface EvaluatorFeatureSettings {
  /** `limit`: a number or `true` (unlimited); `switch`: on or off. */
  readonly value_type: 'limit' | 'switch';
  /** For non-consumables: the event property that groups events into one use. */
  readonly use_key?: string | null;
  /** Levels where a subscription may narrow the value. */
  readonly override_levels?: readonly OverrideLevel[];
}

/** The part of a catalog feature definition the evaluator reads. */
export interface EvaluatorFeature {
  /** Feature code, as used by packages and events. */
  readonly code: string;
  /** How events add up to usage. */
  readonly aggregation_type: AggregationType;
  /** Usage accumulates per reset window (true) or is capped per use (false). */
  readonly consumable: boolean;
  /** The value limits usage. */
  readonly quota: boolean;
  /** Reset unit of a consumable's windows (also the window of quota notifications). */
  readonly periodicity_type: ResetUnit;
  /** Reset every this many units; 0 = one window for the subscription's life. */
  readonly periodicity: number;
  /** The event property holding the amount (sum/max) or the identity (unique). */
  readonly field_suffix?: string | null;
  /** Settings added by svcpkg to the seed's model. */
  readonly feature_settings: EvaluatorFeatureSettings;
}

/** One tier of a graduated or volume overage price (docs/revenue.md). */
export interface EvaluatorOverageTier {
  /** Last unit of the tier, inclusive; null or absent for the open last tier. */
  readonly up_to?: number | null;
  /** Price of one unit in the tier (at most 4 decimals). */
  readonly price: number;
}

/** What units above a limit cost in one billing period (docs/revenue.md); absent fields take their defaults. */
export interface EvaluatorOveragePrice {
  /** Charge model; absent = `per_unit`. */
  readonly model?: 'per_unit' | 'package' | 'graduated' | 'volume';
  /** per_unit: price of one unit; package: price of one block. */
  readonly price?: number | null;
  /** package: units in one block. */
  readonly per?: number | null;
  /** graduated and volume: the tiers in order. */
  readonly tiers?: readonly EvaluatorOverageTier[] | null;
}

/** A feature as resolved inside a package: its definition plus the package's value. */
export interface EvaluatorPackageFeature extends EvaluatorFeature {
  /**
   * Limit features: a non-negative integer, `true` = unlimited, `false` = not included, or
   * `seats` = the subscription's seats (docs/revenue.md). Switches: on/off.
   */
  readonly value: number | boolean | 'seats';
  /** Price of usage above the limit when overages are enabled; null or absent = billed at 0. */
  readonly overage?: EvaluatorOveragePrice | null;
}

/** A lifecycle or quota event a package can notify about (docs/packages.md#notification-preferences). */
export type NotificationEvent =
  | 'quota_threshold'
  | 'quota_exceeded'
  | 'trial_ending'
  | 'grace_started'
  | 'suspended';

/** A channel a notification is sent on. */
export type NotificationChannel = 'email' | 'webhook';

/** One of a package's notification preferences. */
export interface EvaluatorNotificationPreference {
  /** What to notify about. */
  readonly event: NotificationEvent;
  /** Where to send it. */
  readonly channels: readonly NotificationChannel[];
  /** Percent of the limit for `quota_threshold` (1..100); null otherwise. */
  readonly threshold?: number | null;
  /** Feature codes the preference is limited to; null or absent = every limit feature. */
  readonly features?: readonly string[] | null;
}

/** The part of a compiled package the evaluator reads. */
export interface EvaluatorPackage {
  /** Package code, referenced by subscriptions. */
  readonly code: string;
  /** Only `active` packages accept new subscriptions. */
  readonly status: 'draft' | 'active' | 'inactive';
  /** A retired package accepts no new subscriptions. */
  readonly retired: boolean;
  /** Price of one billing period (per seat with `price_per: seat`). */
  readonly price: number;
  /** Whether `price` is per package (absent: package) or per seat (docs/revenue.md). */
  readonly price_per?: 'package' | 'seat';
  /** Fewest seats a subscription may have; absent = 1. */
  readonly min_seats?: number;
  /** Most seats a subscription may have; null or absent = no bound. */
  readonly max_seats?: number | null;
  /** Charged once when a subscription starts. */
  readonly signup_fee: number;
  /** ISO 4217 code of `price` and `signup_fee`; null when both are 0. */
  readonly currency: string | null;
  /** Billing cycle length, in `periodicity_type` units. */
  readonly periodicity: number;
  /** Billing cycle unit. */
  readonly periodicity_type: IntervalUnit;
  /** Trial length in `trial_interval` units; 0 = no trial. */
  readonly trial_period: number;
  /** Trial unit. */
  readonly trial_interval: IntervalUnit;
  /** `outside`: paid periods start after the trial; `inside`: the trial is the start of the first period. */
  readonly trial_mode: 'outside' | 'inside';
  /** Grace length after the end of access, in `grace_interval` units. */
  readonly grace_period: number;
  /** Grace unit. */
  readonly grace_interval: IntervalUnit;
  /** Whether the number of live subscriptions is limited by `stock_qty`. */
  readonly has_stock: boolean;
  /** How many subscriptions may be live at once when `has_stock`. */
  readonly stock_qty: number | null;
  /** Admit subscriptions beyond the stock (marked oversold). */
  readonly oversell_enabled: boolean;
  /** Apply adds above a limit and bill them as overage instead of refusing them. */
  readonly overages_enabled: boolean;
  /** The package's features with their values, by feature code. */
  readonly features: Readonly<Record<string, EvaluatorPackageFeature>>;
  /** What the package notifies about. */
  readonly notification_preferences: readonly EvaluatorNotificationPreference[];
}

/** The part of a compiled manifest the evaluator reads. */
export interface EvaluatorManifest {
  /** The resolved platform catalog. */
  readonly catalog: {
    /** Every feature events may name. */
    readonly features: readonly EvaluatorFeature[];
  };
  /** Every package, by any order. */
  readonly packages: readonly EvaluatorPackage[];
}

/** Feature values by feature code: a non-negative integer, `true` (unlimited / on) or `false`. */
export type FeatureValues = Readonly<Record<string, number | boolean>>;

/** How a cancellation ends access (docs/simulation.md#lifecycle). */
export type CancelMode = 'end_of_period' | 'immediate';

/** A subscription to simulate, with its instants already resolved to epoch milliseconds (UTC). */
export interface Subscription {
  /** Matches events' `external_subscription_id`. */
  readonly id: string;
  /** Code of the package subscribed to. */
  readonly package: string;
  /** When the subscription starts (ms). */
  readonly starts_at: number;
  /** End of a fixed term (ms): access ends at this instant. */
  readonly ends_at?: number;
  /** A cancellation requested at `at` (ms). */
  readonly cancel?: {
    /** When the cancellation is requested (ms). */
    readonly at: number;
    /** Whether access ends at once or at the end of the current period. */
    readonly mode: CancelMode;
  };
  /**
   * A migration (docs/simulation.md): the subscription starts on `from` (a package of the old
   * set) and moves to `package` of the manifest at `at`; without `at` it stays on `from` for good.
   */
  readonly migration?: {
    /** The package the subscription starts on. */
    readonly from: EvaluatorPackage;
    /** When it moves to the manifest's package (ms); absent = never. */
    readonly at?: number;
  };
  /** Seats (docs/revenue.md); absent = the package's `min_seats`. */
  readonly seats?: number;
  /** Subscription-level values: replace package values, may exceed them and may add features. */
  readonly features?: FeatureValues;
  /** Account-level values by account id: can only narrow. */
  readonly accounts?: Readonly<Record<string, FeatureValues>>;
  /** Room-level values by room id: can only narrow. */
  readonly rooms?: Readonly<Record<string, FeatureValues>>;
}

/** Options of `createEvaluator`. */
export interface EvaluatorOptions {
  /** Days during which a repeated `(subscription, transaction_id)` is a duplicate; 0 disables it. Default 35. */
  dedupeWindowDays?: number;
  /** Days without events after which a non-consumable use is over: a later event starts a new use. Default 35. */
  useIdleDays?: number;
}
