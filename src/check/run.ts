// Running the whole validation: per file (parse, schema, package rules — cacheable), then across packages.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../catalog/model.js';
import { checkDocument } from '../schema/validate.js';
import { parseSourceFast } from '../source/fast.js';
import { parseSource, type ParseOptions } from '../source/parse.js';
import type { CheckedPackage, PackageRuleContext, ReportDetails } from './context.js';
import { packageDiagnostic } from './context.js';
import { PACKAGE_RULES, REPO_RULES } from './rules/index.js';
import { sanitizePackage } from './sanitize.js';

/** Everything learnt from one package file: reusable while its text and the catalog are unchanged. */
export interface CheckedFile {
  /** Display path. */
  readonly file: string;
  /** The text it was checked with. */
  readonly text: string;
  /** Problems confined to this file: YAML, schema and per-package rules. */
  readonly diagnostics: Diagnostic[];
  /** Its packages, one per YAML document that parsed as a mapping. */
  readonly packages: CheckedPackage[];
}

/** Options of checkFile. */
export interface CheckFileOptions extends ParseOptions {
  /** Allow the js-yaml fast path (default true); false forces the full parser (tests compare both). */
  fast?: boolean;
}

/** Parse a package file, validate each document against the package schema and run the package rules. */
export function checkFile(file: string, text: string, catalog: Catalog, options: CheckFileOptions = {}): CheckedFile {
  const parsed = (options.fast !== false ? parseSourceFast(file, text, options) : undefined) ?? parseSource(file, text, options);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const packages: CheckedPackage[] = [];
  for (const source of parsed.documents) {
    const raw = source.value as Record<string, unknown>;
    const schemaDiagnostics = checkDocument(source, 'service-package');
    diagnostics.push(...schemaDiagnostics);
    // Forbidden keys (`__proto__`…) were reported by the parser; drop them before any rule looks.
    const forbidden = parsed.diagnostics.filter((d) => d.code === 'SP1009' && d.document === source.index).map((d) => d.path);
    const pkg = sanitizePackage(raw, [...schemaDiagnostics.map((d) => d.path), ...forbidden]);
    const checked: CheckedPackage = { source, pkg, raw, schemaValid: schemaDiagnostics.length === 0 };
    packages.push(checked);
    const ctx: PackageRuleContext = {
      pkg,
      checked,
      catalog,
      authored: (property) => Object.prototype.hasOwnProperty.call(raw, property),
      report: (code, pointer, message, details?: ReportDetails) =>
        diagnostics.push(packageDiagnostic(checked, code, pointer, message, details)),
    };
    for (const rule of PACKAGE_RULES) rule.check(ctx);
  }
  return { file, text, diagnostics, packages };
}

/** Run the cross-package rules over every package of the repo. */
export function checkAcrossPackages(packages: readonly CheckedPackage[], catalog: Catalog): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of REPO_RULES) {
    rule.check({
      packages,
      catalog,
      report: (pkg, code, pointer, message, details) => diagnostics.push(packageDiagnostic(pkg, code, pointer, message, details)),
    });
  }
  return diagnostics;
}
