// Every catalog cross-check, in the order they run. Adding one: a file here, a line below.
import type { CodeDefinition } from '../../diagnostics/registry.js';
import * as consumableMax from './consumable-max.js';
import type { CatalogRule } from './context.js';
import * as duplicateEntry from './duplicate-entry.js';
import * as fieldSuffix from './field-suffix.js';
import * as settingsSchema from './settings-schema.js';
import * as switchQuota from './switch-quota.js';
import * as unknownReference from './unknown-reference.js';

const MODULES = [duplicateEntry, fieldSuffix, consumableMax, switchQuota, unknownReference, settingsSchema];

/** The catalog's cross-checks (SP5002–SP5007). */
export const CATALOG_RULES: readonly CatalogRule[] = MODULES.map((m) => m.rule);

/** The codes the catalog rules report. */
export const CATALOG_RULE_CODES: readonly CodeDefinition[] = MODULES.flatMap((m) => m.codes);

export { catalogRuleContext, firstByCode } from './context.js';
export type { CatalogEntry, CatalogLists, CatalogReportDetails, CatalogRule, CatalogRuleContext } from './context.js';
