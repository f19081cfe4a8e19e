// A subscription's feature values (docs/simulation.md#override-levels): package values, replaced by subscription values,
// narrowed per account and per room. Overrides that cannot apply are dropped and reported as
// warnings, which the scenario loader turns into located diagnostics.
import { featureRule, type FeatureRule } from './feature-rule.js';
import type { EvaluatorPackage, FeatureValues, Subscription } from './model.js';

/** Why an override was ignored. */
export type OverrideProblem =
  /** The feature is not in the catalog. */
  | 'unknown_feature'
  /** The feature's catalog `override_levels` does not include this level. */
  | 'level_not_allowed'
  /** The value would widen its parent's (overrides can only narrow). */
  | 'above_parent'
  /** Not a value of the feature's type (switch: boolean; limit: integer ≥ 0 or boolean). */
  | 'invalid_value';

/** An override the evaluator ignored. */
export interface OverrideWarning {
  /** The subscription's id. */
  subscription: string;
  /** Where the override was written. */
  level: 'subscription' | 'account' | 'room';
  /** The account or room id, for those levels. */
  owner?: string;
  /** The feature code as written. */
  feature: string;
  /** Why it was ignored. */
  problem: OverrideProblem;
  /** The value as written. */
  value: unknown;
  /** A sentence for people. */
  message: string;
}

/**
 * A feature's numeric value: a limit (Infinity = unlimited) or a switch (1 on, 0 off). A limit's
 * `false` at account or room level is 0: it allows nothing there.
 */
export type NumericValue = number;

/** One feature as a subscription sees it. */
export interface FeaturePlan {
  /** The feature's rule (the package's resolved definition when the package has it). */
  rule: FeatureRule;
  /** Whether the feature is included (limit not `false`, switch on). */
  included: boolean;
  /** The subscription-level value: a limit (Infinity = unlimited) or 1/0 for a switch. */
  limit: NumericValue;
  /** Narrower values by account id; null when there are none. */
  accounts: Map<string, NumericValue> | null;
  /** Narrower values by room id; null when there are none. */
  rooms: Map<string, NumericValue> | null;
}

/** Whether `value` is a valid value for the feature. */
function isValidValue(rule: FeatureRule, value: unknown): value is number | boolean {
  if (typeof value === 'boolean') return true;
  return !rule.isSwitch && typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The numeric form of a valid value at the subscription level. */
function numeric(rule: FeatureRule, value: number | boolean): NumericValue {
  if (typeof value === 'number') return value;
  if (rule.isSwitch) return value ? 1 : 0;
  return value ? Infinity : 0;
}

/** How a numeric value reads in messages. */
function describe(rule: FeatureRule, included: boolean, value: NumericValue): string {
  if (rule.isSwitch) return value > 0 && included ? 'on' : 'off';
  if (!included) return 'not included';
  return value === Infinity ? 'unlimited' : String(value);
}

/**
 * Resolve every feature a subscription sees, in report order, plus the overrides it ignored. A
 * package value `seats` is the subscription's `seats` (docs/revenue.md).
 */
export function resolveFeatures(
  pkg: EvaluatorPackage,
  sub: Subscription,
  rules: ReadonlyMap<string, FeatureRule>,
  seats = 1,
): { plans: FeaturePlan[]; warnings: OverrideWarning[] } {
  const warnings: OverrideWarning[] = [];
  const plans = new Map<string, FeaturePlan>();
  const warn = (
    level: OverrideWarning['level'],
    owner: string | undefined,
    feature: string,
    problem: OverrideProblem,
    value: unknown,
    message: string,
  ): void => {
    warnings.push({ subscription: sub.id, level, ...(owner === undefined ? {} : { owner }), feature, problem, value, message });
  };

  for (const code of Object.keys(pkg.features)) {
    const def = pkg.features[code]!;
    const catalogRule = rules.get(code);
    // The package's copy carries the effective reset settings; its index is the catalog's.
    const rule = featureRule(def, catalogRule ? catalogRule.index : -1);
    plans.set(code, planOf(rule, def.value === 'seats' ? seats : def.value));
  }

  for (const [code, value] of entries(sub.features)) {
    const known = plans.get(code)?.rule ?? rules.get(code);
    if (!known) {
      warn('subscription', undefined, code, 'unknown_feature', value, `feature \`${code}\` is not in the catalog: ignored`);
    } else if (!isValidValue(known, value)) {
      warn('subscription', undefined, code, 'invalid_value', value, invalidMessage(known, value));
    } else {
      plans.set(code, planOf(known, value)); // re-setting an existing key keeps its order
    }
  }

  for (const level of ['account', 'room'] as const) {
    const owners = level === 'account' ? sub.accounts : sub.rooms;
    for (const [owner, values] of entries(owners)) {
      for (const [code, value] of entries(values)) {
        const plan = plans.get(code);
        const rule = plan?.rule ?? rules.get(code);
        const where = `${level} \`${owner}\``;
        if (!rule) {
          warn(level, owner, code, 'unknown_feature', value, `${where}: feature \`${code}\` is not in the catalog: ignored`);
          continue;
        }
        if (!(level === 'account' ? rule.accountLevel : rule.roomLevel)) {
          warn(level, owner, code, 'level_not_allowed', value, `${where}: \`${code}\` cannot be set per ${level}: ignored`);
          continue;
        }
        if (!isValidValue(rule, value)) {
          warn(level, owner, code, 'invalid_value', value, `${where}: ${invalidMessage(rule, value)}`);
          continue;
        }
        const parentIncluded = plan?.included ?? false;
        const parent = plan && parentIncluded ? plan.limit : 0;
        const narrowed = typeof value === 'number' ? value : value ? (rule.isSwitch ? 1 : Infinity) : 0;
        // Rooms are not tied to accounts in a scenario, so both are checked against the
        // subscription; at event time the minimum along subscription → account → room applies.
        if (narrowed > parent) {
          warn(
            level,
            owner,
            code,
            'above_parent',
            value,
            `${where} sets \`${code}\` to ${describe(rule, true, narrowed)}, above the subscription's ${describe(rule, parentIncluded, parent)}: ignored (overrides can only narrow)`,
          );
          continue;
        }
        // Narrowing a feature the subscription lacks, or leaving a switch on, changes nothing.
        if (!plan || (rule.isSwitch && narrowed > 0)) continue;
        const map = level === 'account' ? (plan.accounts ??= new Map()) : (plan.rooms ??= new Map());
        map.set(owner, narrowed);
      }
    }
  }
  return { plans: [...plans.values()], warnings };
}

/** A plan with no overrides for a valid subscription-level value. */
function planOf(rule: FeatureRule, value: number | boolean): FeaturePlan {
  return { rule, included: value !== false, limit: numeric(rule, value), accounts: null, rooms: null };
}

/** Message for a value of the wrong type. */
function invalidMessage(rule: FeatureRule, value: unknown): string {
  const expected = rule.isSwitch ? 'true or false' : 'a non-negative integer, true (unlimited) or false';
  return `\`${rule.code}\` expects ${expected}, found ${JSON.stringify(value) ?? String(value)}: ignored`;
}

/** Own entries of a user-keyed mapping (never its prototype's). */
function entries<T>(record: Readonly<Record<string, T>> | undefined): [string, T][] {
  return record ? Object.entries(record) : [];
}
