// Every catalog cross-check's documented example produces its code, as Biome runs its rule docs:
// an example in docs/diagnostics.md that stopped producing its diagnostic would teach the wrong thing.
import { describe, expect, it } from 'vitest';
import { CATALOG_CODES } from '../../../src/catalog/codes.js';
import { rule as consumableMax } from '../../../src/catalog/rules/consumable-max.js';
import type { CatalogRule } from '../../../src/catalog/rules/context.js';
import { rule as duplicateEntry } from '../../../src/catalog/rules/duplicate-entry.js';
import { rule as fieldSuffix } from '../../../src/catalog/rules/field-suffix.js';
import { CATALOG_RULE_CODES } from '../../../src/catalog/rules/index.js';
import { rule as settingsSchema } from '../../../src/catalog/rules/settings-schema.js';
import { rule as switchQuota } from '../../../src/catalog/rules/switch-quota.js';
import { rule as unknownReference } from '../../../src/catalog/rules/unknown-reference.js';
import { runRule, type Lists } from './helpers.js';

/** Each rule's code, the rule, and which catalog file its example is an excerpt of. */
const CASES: [code: string, rule: CatalogRule, list: keyof Lists][] = [
  [CATALOG_CODES.duplicateEntry.code, duplicateEntry, 'features'],
  [CATALOG_CODES.missingFieldSuffix.code, fieldSuffix, 'features'],
  [CATALOG_CODES.consumableMax.code, consumableMax, 'features'],
  [CATALOG_CODES.unknownReference.code, unknownReference, 'serviceTypes'],
  [CATALOG_CODES.switchQuota.code, switchQuota, 'features'],
  [CATALOG_CODES.badSettingsSchema.code, settingsSchema, 'providerTypes'],
];

describe('the registry examples of the catalog rules', () => {
  it('cover every code the catalog rules report (SP5001, a missing file, is tested in cross-checks.test.ts)', () => {
    expect(CASES.map(([code]) => code).sort()).toEqual(CATALOG_RULE_CODES.map((c) => c.code).sort());
  });

  it.each(CASES)('%s: its example produces it', (code, rule, list) => {
    const example = Object.values(CATALOG_CODES).find((c) => c.code === code)?.example ?? '';
    const found = runRule(rule, { [list]: example }).map((d) => d.code);
    expect(found).toContain(code);
  });
});
