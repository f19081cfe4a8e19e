// Shared helpers for the check-stage tests: the default catalog, and checking YAML snippets.
import { expect, it } from 'vitest';
import { DEFAULT_CATALOG_DIR } from '../../src/assets.js';
import type { Catalog } from '../../src/catalog/model.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { checkAcrossPackages, checkFile, type CheckedPackage } from '../../src/check/index.js';
import { sortDiagnostics, type Diagnostic } from '../../src/diagnostics/diagnostic.js';

const loaded = await loadCatalog(DEFAULT_CATALOG_DIR);
if (!loaded.catalog) throw new Error(`the default catalog does not load: ${JSON.stringify(loaded.diagnostics)}`);

/** The default platform catalog. */
export const catalog: Catalog = loaded.catalog;

/** Every diagnostic for a set of files (name → text), file rules and cross-package rules, sorted. */
export function checkRepo(files: Record<string, string>, withCatalog: Catalog = catalog): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const packages: CheckedPackage[] = [];
  for (const [file, text] of Object.entries(files)) {
    const checked = checkFile(file, text, withCatalog);
    diagnostics.push(...checked.diagnostics);
    packages.push(...checked.packages);
  }
  diagnostics.push(...checkAcrossPackages(packages, withCatalog));
  return sortDiagnostics(diagnostics);
}

/** Every diagnostic for one file `p.yaml`. */
export function checkYaml(text: string, withCatalog: Catalog = catalog): Diagnostic[] {
  return checkRepo({ 'p.yaml': text }, withCatalog);
}

/** A diagnostic as `[code, line, column]`. */
export type Found = [code: string, line: number, column: number];

/** `[code, line, column]` of each diagnostic. */
export function found(diagnostics: readonly Diagnostic[]): Found[] {
  return diagnostics.map((d) => [d.code, d.line, d.column]);
}

/**
 * A `meet` package that is clean on its own, with `body` appended from line 5:
 * lines 1–4 are code, name, service_type and one `bbb` provider (a draft, so no status needed).
 */
export function meet(body = '', code = 'test-pkg'): string {
  return `code: ${code}\nname: Test ${code}\nservice_type: meet\nproviders: [{ type: bbb }]\n${body}`;
}

/** One row of a rule's table: a YAML snippet and the diagnostics it must produce, exactly. */
export interface Case {
  /** What the row shows. */
  name: string;
  /** The package file (or several files, checked together). */
  yaml: string | Record<string, string>;
  /** Every diagnostic expected, as [code, line, column], in file and position order. */
  expected: Found[];
  /** Text (or pattern) the first diagnostic's hint must contain. */
  hint?: string | RegExp;
  /** Pattern the first diagnostic's message must match. */
  message?: RegExp;
  /** Severity of the first diagnostic, when not the code's default. */
  severity?: 'error' | 'warning';
}

/** Run a table of cases: each must produce exactly its expected diagnostics. */
export function checkCases(cases: readonly Case[], withCatalog: Catalog = catalog): void {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const diagnostics = typeof c.yaml === 'string' ? checkYaml(c.yaml, withCatalog) : checkRepo(c.yaml, withCatalog);
    expect(found(diagnostics)).toEqual(c.expected);
    const first = diagnostics[0];
    if (c.hint !== undefined) {
      if (typeof c.hint === 'string') expect(first?.hint).toContain(c.hint);
      else expect(first?.hint).toMatch(c.hint);
    }
    if (c.message !== undefined) expect(first?.message).toMatch(c.message);
    if (c.severity !== undefined) expect(first?.severity).toBe(c.severity);
  });
}
