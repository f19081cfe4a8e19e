// Running the whole validation: per file (parse, schema, package rules — cacheable), then across packages.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../catalog/model.js';
import { checkDocument } from '../schema/validate.js';
import { SOURCE_CODES } from '../source/codes.js';
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
  /** How many packages: known without the packages themselves (a cached result reads them only on need). */
  readonly packageCount: number;
  /**
   * Whether it was read by the fast path (js-yaml; positions from the pointer scan), else by the
   * full parser. Kept with a cached or worker result, so that positions asked for later come from
   * the same place, without deciding again (docs/decisions.md, "the fast path is remembered").
   */
  readonly fastPath: boolean;
}

/** Options of checkFile. */
export interface CheckFileOptions extends ParseOptions {
  /** Allow the js-yaml fast path (default true); false forces the full parser (tests compare both). */
  fast?: boolean;
}

/** Parse a package file, validate each document against the package schema and run the package rules. */
export function checkFile(file: string, text: string, catalog: Catalog, options: CheckFileOptions = {}): CheckedFile {
  const fast = options.fast !== false ? parseSourceFast(file, text, options) : undefined;
  const parsed = fast ?? parseSource(file, text, options);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const packages: CheckedPackage[] = [];
  for (const source of parsed.documents) {
    const raw = source.value as Record<string, unknown>;
    const schemaDiagnostics = checkDocument(source, 'service-package');
    diagnostics.push(...schemaDiagnostics);
    dropRestatedYaml11Warnings(diagnostics, source.index, schemaDiagnostics);
    // Forbidden keys (`__proto__`…) were reported by the parser; drop them before any rule looks.
    const forbidden = parsed.diagnostics.filter((d) => d.code === SOURCE_CODES.forbiddenKey.code && d.document === source.index).map((d) => d.path);
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
  return { file, text, diagnostics, packages, packageCount: packages.length, fastPath: fast !== undefined };
}

/**
 * One cause, one diagnostic: `recording: yes` is a YAML 1.1 boolean (SP1011) *and* not a boolean
 * (SP2003) on the same span. The schema error says both (its hint reads "YAML 1.2 reads `yes` as
 * text: write true"), so the warning goes; SP1011 stays wherever the text is accepted (metadata).
 */
function dropRestatedYaml11Warnings(diagnostics: Diagnostic[], document: number, schemaDiagnostics: readonly Diagnostic[]): void {
  const restated = new Set(schemaDiagnostics.filter((d) => d.hint?.startsWith('YAML 1.2 reads')).map((d) => d.path));
  if (restated.size === 0) return;
  for (let i = diagnostics.length - 1; i >= 0; i--) {
    const d = diagnostics[i]!;
    if (d.code === YAML11_BOOLEAN && d.document === document && restated.has(d.path)) diagnostics.splice(i, 1);
  }
}

const YAML11_BOOLEAN = SOURCE_CODES.yaml11Boolean.code;

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
