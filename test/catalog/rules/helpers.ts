// Shared table for the catalog rule tests: small YAML lists in, exactly the expected diagnostics out.
import { describe, expect, it } from 'vitest';
import { catalogRuleContext, type CatalogEntry, type CatalogRule } from '../../../src/catalog/rules/index.js';
import { sortDiagnostics, type Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { FeatureDefinition } from '../../../src/generated/catalog-feature.js';
import type { ProviderTypeDefinition } from '../../../src/generated/provider-type.js';
import type { ServiceTypeDefinition } from '../../../src/generated/service-type.js';
import { parseSource } from '../../../src/source/parse.js';

/** The entries of a YAML list, as the loader hands them to the rules (the schema pass is the loader's). */
export function entries<T>(file: string, yaml: string): CatalogEntry<T>[] {
  const parsed = parseSource(file, yaml, { root: 'sequence' });
  expect(parsed.diagnostics).toEqual([]);
  return parsed.documents.flatMap((doc) => (doc.value as T[]).map((value, i) => ({ value, doc, pointer: `/${i}` })));
}

/** The three lists of a small catalog, as YAML (an absent list is empty). */
export interface Lists {
  features?: string;
  serviceTypes?: string;
  providerTypes?: string;
}

/** Run one rule over `lists`; its diagnostics, sorted. */
export function runRule(rule: CatalogRule, lists: Lists): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ctx = catalogRuleContext(
    {
      features: entries<FeatureDefinition>('features.yaml', lists.features ?? '[]'),
      serviceTypes: entries<ServiceTypeDefinition>('service-types.yaml', lists.serviceTypes ?? '[]'),
      providerTypes: entries<ProviderTypeDefinition>('provider-types.yaml', lists.providerTypes ?? '[]'),
    },
    diagnostics,
  );
  rule(ctx);
  return sortDiagnostics(diagnostics);
}

/** A diagnostic as `[code, file, line, column]`. */
export type Found = [code: string, file: string, line: number, column: number];

/** One row: a small catalog and every diagnostic it must produce. */
export interface Case extends Lists {
  /** What the row shows. */
  name: string;
  /** Every diagnostic expected, in file and position order. */
  expected: Found[];
  /** Pattern the first diagnostic's message must match. */
  message?: RegExp;
  /** Text the first diagnostic's hint must contain (`null`: it has none). */
  hint?: string | null;
}

/** One test per row of `cases`, running `rule`. */
export function ruleCases(title: string, rule: CatalogRule, cases: readonly Case[]): void {
  describe(title, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const diagnostics = runRule(rule, c);
      expect(diagnostics.map((d): Found => [d.code, d.file, d.line, d.column])).toEqual(c.expected);
      const [first] = diagnostics;
      if (c.message) expect(first?.message).toMatch(c.message);
      if (c.hint === null) expect(first?.hint).toBeUndefined();
      else if (c.hint !== undefined) expect(first?.hint).toContain(c.hint);
      for (const d of diagnostics) expect(d.severity).toBe('error');
    });
  });
}
