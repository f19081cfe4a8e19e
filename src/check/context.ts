// What a semantic rule sees and how it reports: one small function per concern (docs/architecture.md#stage-map, STYLE).
import { diagnosticOf } from '../diagnostics/collector.js';
import type { Diagnostic, RelatedLocation, Severity } from '../diagnostics/diagnostic.js';
import type { CodeDefinition } from '../diagnostics/registry.js';
import type { Catalog } from '../catalog/model.js';
import type { ServicePackage } from '../generated/service-package.js';
import type { LocateTarget, SourceDocument } from '../source/parse.js';

/**
 * A package after the schema pass. `pkg` holds only properties that passed their schema, so every
 * property present has its declared type; `raw` is the document as written, for presence checks.
 */
export interface CheckedPackage {
  /** The YAML document the package came from. */
  readonly source: SourceDocument;
  /** Well-typed view: properties (or map entries) with schema errors are left out. */
  readonly pkg: Partial<ServicePackage>;
  /** The document's value as written. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** Whether the package had any schema error. */
  readonly schemaValid: boolean;
}

/** Extra details of a reported problem. */
export interface ReportDetails {
  /** Point at the key instead of the value. */
  target?: LocateTarget;
  /** How to fix it. */
  hint?: string | undefined;
  /** Other places that explain it. */
  related?: RelatedLocation[];
  /** Override the code's default severity (e.g. an error for `active`, a warning for `draft`). */
  severity?: Severity;
}

/** Report a problem at a JSON pointer of the current package's document. */
export type Report = (code: CodeDefinition, pointer: string, message: string, details?: ReportDetails) => void;

/** What a per-package rule sees. */
export interface PackageRuleContext {
  /** The package (well-typed view). */
  readonly pkg: Partial<ServicePackage>;
  /** The package as checked, with its source. */
  readonly checked: CheckedPackage;
  /** The platform catalog. */
  readonly catalog: Catalog;
  /** Whether a top-level property was written in the YAML (even with a bad value). */
  authored(property: string): boolean;
  /** Report a problem in this package. */
  report: Report;
}

/** What a cross-package rule sees. */
export interface RepoRuleContext {
  /** Every package of the repo, in file order. */
  readonly packages: readonly CheckedPackage[];
  /** The platform catalog. */
  readonly catalog: Catalog;
  /** Report a problem in one package. */
  report(pkg: CheckedPackage, code: CodeDefinition, pointer: string, message: string, details?: ReportDetails): void;
}

/** A rule over one package. */
export interface PackageRule {
  readonly scope: 'package';
  /** Rule name (its file name). */
  readonly name: string;
  /** Codes it reports. */
  readonly codes: readonly CodeDefinition[];
  /** Push diagnostics through ctx.report. */
  check(ctx: PackageRuleContext): void;
}

/** A rule across packages (duplicates, tiers, dominated packages). */
export interface RepoRule {
  readonly scope: 'repo';
  /** Rule name (its file name). */
  readonly name: string;
  /** Codes it reports. */
  readonly codes: readonly CodeDefinition[];
  /** Push diagnostics through ctx.report. */
  check(ctx: RepoRuleContext): void;
}

/** A located related place inside a package's document. */
export function relatedAt(pkg: CheckedPackage, pointer: string, message: string, target: LocateTarget = 'value'): RelatedLocation {
  return { ...pkg.source.locate(pointer, target), file: pkg.source.file, message };
}

/** Build a diagnostic for a package. */
export function packageDiagnostic(
  pkg: CheckedPackage,
  code: CodeDefinition,
  pointer: string,
  message: string,
  details: ReportDetails = {},
): Diagnostic {
  const place = { ...pkg.source.locate(pointer, details.target ?? 'value'), file: pkg.source.file, path: pointer, document: pkg.source.index };
  return diagnosticOf(code, place, message, { hint: details.hint || undefined, related: details.related, severity: details.severity });
}
