// What a catalog rule sees and how it reports: the three lists after their schema pass, one small
// function per concern, as the package rules in check/rules do (docs/architecture.md).
import { diagnosticOf } from '../../diagnostics/collector.js';
import type { Diagnostic, RelatedLocation } from '../../diagnostics/diagnostic.js';
import type { CodeDefinition } from '../../diagnostics/registry.js';
import type { FeatureDefinition } from '../../generated/catalog-feature.js';
import type { ProviderTypeDefinition } from '../../generated/provider-type.js';
import type { ServiceTypeDefinition } from '../../generated/service-type.js';
import type { SourceDocument } from '../../source/parse.js';

/** One entry of a catalog list that passed its schema, with where it was written. */
export interface CatalogEntry<T> {
  /** The entry, well typed. */
  readonly value: T;
  /** The YAML document (the whole list) it came from. */
  readonly doc: SourceDocument;
  /** JSON pointer of the entry inside its document, e.g. `/3`. */
  readonly pointer: string;
}

/** The three lists of a catalog folder, each entry schema-valid. */
export interface CatalogLists {
  /** Entries of features.yaml. */
  readonly features: readonly CatalogEntry<FeatureDefinition>[];
  /** Entries of service-types.yaml. */
  readonly serviceTypes: readonly CatalogEntry<ServiceTypeDefinition>[];
  /** Entries of provider-types.yaml. */
  readonly providerTypes: readonly CatalogEntry<ProviderTypeDefinition>[];
}

/** Extra details of a reported catalog problem. */
export interface CatalogReportDetails {
  /** How to fix it. */
  hint?: string;
  /** Other places that explain it. */
  related?: RelatedLocation[];
}

/** What a catalog rule sees. */
export interface CatalogRuleContext extends CatalogLists {
  /** Features by code (the first definition wins when a code is defined twice). */
  readonly featureByCode: ReadonlyMap<string, FeatureDefinition>;
  /** Service types by code (the first definition wins). */
  readonly serviceTypeByCode: ReadonlyMap<string, ServiceTypeDefinition>;
  /** Report a problem at `pointer` inside `entry`. */
  report(entry: CatalogEntry<unknown>, pointer: string, code: CodeDefinition, message: string, details?: CatalogReportDetails): void;
  /** A related location at `pointer` inside `entry`. */
  locate(entry: CatalogEntry<unknown>, pointer: string, message: string): RelatedLocation;
}

/** A catalog rule: pushes diagnostics through `ctx.report`. */
export type CatalogRule = (ctx: CatalogRuleContext) => void;

/** A rule context over `lists` that pushes what the rules report onto `diagnostics`. */
export function catalogRuleContext(lists: CatalogLists, diagnostics: Diagnostic[]): CatalogRuleContext {
  const locate = (entry: CatalogEntry<unknown>, pointer: string, message: string): RelatedLocation => ({
    ...entry.doc.locate(entry.pointer + pointer),
    file: entry.doc.file,
    message,
  });
  return {
    ...lists,
    featureByCode: firstByCode(lists.features, (f) => [f.code]),
    serviceTypeByCode: firstByCode(lists.serviceTypes, (t) => [t.code]),
    locate,
    report(entry, pointer, code, message, details = {}) {
      const place = { ...entry.doc.locate(entry.pointer + pointer), file: entry.doc.file, path: entry.pointer + pointer, document: entry.doc.index };
      diagnostics.push(diagnosticOf(code, place, message, details));
    },
  };
}

/** Index entries by the codes `codesOf` gives them; the first entry to claim a code keeps it. */
export function firstByCode<T>(entries: readonly CatalogEntry<T>[], codesOf: (value: T) => string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const entry of entries) for (const code of codesOf(entry.value)) if (!map.has(code)) map.set(code, entry.value);
  return map;
}
