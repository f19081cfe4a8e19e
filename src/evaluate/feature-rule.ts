// A feature definition compiled for the hot loop: small integers and plain fields instead of the
// manifest's nested strings, so each event reads a few properties of one record.
import { resetUnit } from './calendar.js';
import type { EvaluatorFeature, IntervalUnit } from './model.js';

/** `count_agg`: each add counts 1. */
export const COUNT = 0;
/** `sum_agg`: adds the number at the feature's field. */
export const SUM = 1;
/** `max_agg`: keeps the largest number added. */
export const MAX = 2;
/** `unique_count_agg`: counts the distinct identities at the feature's field. */
export const UNIQUE = 3;

/** One of COUNT, SUM, MAX, UNIQUE. */
export type Aggregation = typeof COUNT | typeof SUM | typeof MAX | typeof UNIQUE;

/** How a feature is evaluated. */
export interface FeatureRule {
  /** Feature code. */
  readonly code: string;
  /** Position of the feature in the evaluator's feature index (catalog order). */
  readonly index: number;
  /** How events add up. */
  readonly aggregation: Aggregation;
  /** Usage accumulates per reset window (true) or is capped per use (false). */
  readonly consumable: boolean;
  /** The value limits usage. */
  readonly quota: boolean;
  /** A switch (on/off) rather than a limit. */
  readonly isSwitch: boolean;
  /** Event property with the amount or identity; undefined for count_agg. */
  readonly field: string | undefined;
  /** Event property naming the use of a non-consumable; undefined when every event is its own use. */
  readonly useKey: string | undefined;
  /** Unit of the reset windows (consumable buckets, quota notifications). */
  readonly resetUnit: IntervalUnit;
  /** Reset every this many units; 0 = never. */
  readonly resetEvery: number;
  /** Whether account-level values apply. */
  readonly accountLevel: boolean;
  /** Whether room-level values apply. */
  readonly roomLevel: boolean;
}

/** The aggregation code of a manifest aggregation type. */
function aggregationOf(type: EvaluatorFeature['aggregation_type']): Aggregation {
  switch (type) {
    case 'sum_agg':
      return SUM;
    case 'max_agg':
      return MAX;
    case 'unique_count_agg':
      return UNIQUE;
    default:
      return COUNT;
  }
}

/** Compile a feature definition (catalog or package-resolved) at position `index`. */
export function featureRule(def: EvaluatorFeature, index: number): FeatureRule {
  const levels = def.feature_settings.override_levels ?? [];
  return {
    code: def.code,
    index,
    aggregation: aggregationOf(def.aggregation_type),
    consumable: def.consumable,
    quota: def.quota,
    isSwitch: def.feature_settings.value_type === 'switch',
    field: def.field_suffix ?? undefined,
    useKey: def.feature_settings.use_key ?? undefined,
    resetUnit: resetUnit(def.periodicity_type),
    resetEvery: def.periodicity,
    accountLevel: levels.includes('account'),
    roomLevel: levels.includes('room'),
  };
}
