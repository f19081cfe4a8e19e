// Every semantic rule, in the order they run. Adding a rule: one file here, one line below.
import type { CodeDefinition } from '../../diagnostics/registry.js';
import type { PackageRule, RepoRule } from '../context.js';
import * as currency from './currency.js';
import * as decimals from './decimals.js';
import * as dominated from './dominated.js';
import * as duplicateCode from './duplicate-code.js';
import * as duplicateId from './duplicate-id.js';
import * as duplicateName from './duplicate-name.js';
import * as featureCode from './feature-code.js';
import * as featureEnforcement from './feature-enforcement.js';
import * as featureReset from './feature-reset.js';
import * as featureSwitchValue from './feature-switch-value.js';
import * as featureZeroLimit from './feature-zero-limit.js';
import * as notificationFeatures from './notification-features.js';
import * as notificationThreshold from './notification-threshold.js';
import * as overageBilled from './overage-billed.js';
import * as overageFeature from './overage-feature.js';
import * as overageModel from './overage-model.js';
import * as overageTiers from './overage-tiers.js';
import * as overageUnpriced from './overage-unpriced.js';
import * as providerDefault from './provider-default.js';
import * as providerRequired from './provider-required.js';
import * as providerSettings from './provider-settings.js';
import * as providerType from './provider-type.js';
import * as retiredVisible from './retired-visible.js';
import * as seatBounds from './seat-bounds.js';
import * as seatsValue from './seats-value.js';
import * as secrets from './secrets.js';
import * as serviceType from './service-type.js';
import * as stock from './stock.js';
import * as tierDuplicate from './tier-duplicate.js';
import * as tierPrice from './tier-price.js';
import * as trialMode from './trial-mode.js';
import * as unpriced from './unpriced.js';

/** Rules over one package. */
export const PACKAGE_RULES: readonly PackageRule[] = [
  serviceType.rule,
  featureCode.rule,
  featureSwitchValue.rule,
  featureZeroLimit.rule,
  featureReset.rule,
  featureEnforcement.rule,
  providerType.rule,
  providerDefault.rule,
  providerRequired.rule,
  providerSettings.rule,
  secrets.rule,
  stock.rule,
  trialMode.rule,
  retiredVisible.rule,
  currency.rule,
  decimals.rule,
  overageFeature.rule,
  overageBilled.rule,
  overageUnpriced.rule,
  overageModel.rule,
  overageTiers.rule,
  seatBounds.rule,
  seatsValue.rule,
  notificationThreshold.rule,
  notificationFeatures.rule,
];

/** Rules across packages. */
export const REPO_RULES: readonly RepoRule[] = [
  duplicateCode.rule,
  duplicateId.rule,
  duplicateName.rule,
  tierDuplicate.rule,
  tierPrice.rule,
  dominated.rule,
  unpriced.rule,
];

/** Every code the rules report. */
export const RULE_CODES: readonly CodeDefinition[] = [...PACKAGE_RULES, ...REPO_RULES].flatMap((r) => r.codes);
