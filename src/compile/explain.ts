// `svcpkg explain PACKAGE` (docs/compile.md#svcpkg-explain-package): the resolved package, each value with where it came from —
// the package's YAML, the catalog, the schema's defaults or the lockfile. Reads, never writes.
import path from 'node:path';
import { checkRepo, type RepoCheckOptions } from '../check/repo.js';
import type { CheckedPackage } from '../check/context.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticCollector, markFatal } from '../diagnostics/collector.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { ResolvedPackage } from '../generated/manifest.js';
import { joinPointer } from '../source/parse.js';
import { buildFromPackages } from './build.js';
import { readLockfile } from './lockfile/read.js';
import type { Origin } from './resolve/origin.js';
import { compareKeys } from './sort-keys.js';

/** What to explain. */
export interface ExplainOptions extends RepoCheckOptions {
  /** The package code. */
  code: string;
  /** The lockfile (absolute, or relative to `cwd`). Only read. */
  lockfile: string;
}

/** One value of the resolved package and its origin. */
export interface ExplainedValue {
  /** JSON pointer into the resolved package. */
  path: string;
  /** The value: a scalar, a list of scalars, or an empty mapping. */
  value: unknown;
  /** Where it came from. */
  origin: Origin;
  /** A remark ("schema default", "alias of `bbb`", "not set"). */
  note?: string;
}

/** A package explained. */
export interface Explanation {
  /** Its code. */
  code: string;
  /** The file it is written in (display path). */
  file: string;
  /** 1-based line of its `code`. */
  line: number;
  /** The package as the manifest would hold it. */
  package: ResolvedPackage;
  /** Every value with its origin, in the manifest's order. */
  values: ExplainedValue[];
}

/** The outcome of `explainPackage`. */
export interface ExplainResult {
  /** The explanation, when the package exists and has no errors. */
  explanation?: Explanation;
  /**
   * Errors that prevent explaining it (in the package or the lockfile), sorted. Without a usable
   * catalog nothing can be explained: those errors are fatal (`isFatal`).
   */
  diagnostics: Diagnostic[];
  /** Set when no package has the code: a "did you mean" hint and the known codes. */
  notFound?: { hint?: string; known: string[] };
}

/** Explain the package `options.code`. Packages with errors elsewhere in the repo do not prevent it. */
export async function explainPackage(options: ExplainOptions): Promise<ExplainResult> {
  const [check, lock] = await Promise.all([checkRepo(options), readLockfile(path.resolve(options.cwd, options.lockfile), options.cwd)]);
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  if (!check.catalog) return { diagnostics: markFatal(errors) };

  const target = check.packages.find((p) => p.pkg.code === options.code);
  if (!target) {
    const known = [...new Set(check.packages.flatMap((p) => (p.pkg.code === undefined ? [] : [p.pkg.code])))].sort(compareKeys);
    const hint = didYouMean(options.code, known);
    return { diagnostics: [], notFound: { known, ...(hint ? { hint } : {}) } };
  }
  const hasErrors = (p: CheckedPackage) => errors.some((d) => d.file === p.source.file && d.document === p.source.index);
  const blocking = new DiagnosticCollector();
  blocking.addAll(errors.filter((d) => d.file === target.source.file && d.document === target.source.index));
  blocking.addAll(lock.diagnostics);
  if (blocking.size > 0) return { diagnostics: blocking.done() };

  const clean = check.packages.filter((p) => !hasErrors(p));
  const build = buildFromPackages(check.catalog, clean, lock, { mintedNote: 'not in the lockfile yet: the next compile mints it', origins: true });
  const built = build.packages.get(options.code);
  const own = new DiagnosticCollector();
  own.addAll(build.diagnostics.filter((d) => d.severity === 'error' && d.file === target.source.file && d.document === target.source.index));
  if (!built || own.size > 0) return { diagnostics: own.done() };

  const values: ExplainedValue[] = [];
  const visit = (value: unknown, pointer: string) => {
    if (isLeaf(value)) {
      const origin = built.origins.get(pointer) ?? { origin: 'package' as const };
      values.push({ path: pointer, value, origin: origin.origin, ...(origin.note ? { note: origin.note } : {}) });
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${pointer}/${i}`));
    else for (const [key, item] of Object.entries(value as Record<string, unknown>)) visit(item, pointer + joinPointer([key]));
  };
  visit(built.resolved, '');
  return {
    explanation: { code: options.code, file: target.source.file, line: target.source.locate('/code').line, package: built.resolved, values },
    diagnostics: [],
  };
}

/** Scalars, lists of scalars and empty containers are shown whole. */
function isLeaf(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every((item) => item === null || typeof item !== 'object');
  return Object.keys(value).length === 0;
}
