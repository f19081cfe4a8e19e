// From checked packages to a manifest in memory: reconcile the lockfile, resolve every package,
// assemble the manifest. Shared by `compile`, `compileInMemory` and `explain`; writes nothing.
import type { Catalog } from '../catalog/model.js';
import type { CheckedPackage } from '../check/context.js';
import { packageDiagnostic, relatedAt } from '../check/context.js';
import { diagnosticOf, hasErrors } from '../diagnostics/collector.js';
import type { Diagnostic, RelatedLocation } from '../diagnostics/diagnostic.js';
import type { Manifest, ResolvedPackage } from '../generated/manifest.js';
import type { ServicePackage } from '../generated/service-package.js';
import { joinPointer } from '../source/parse.js';
import { COMPILE_CODES } from './codes.js';
import { randomMinter, type IdMinter } from './lockfile/mint.js';
import { ID_KINDS, planLockfile, type LockChange, type LockPlace, type LockPlan, type PackageIdentity } from './lockfile/plan.js';
import type { LockfileSource } from './lockfile/read.js';
import { buildManifest } from './manifest.js';
import type { Origins } from './resolve/origin.js';
import { resolvePackage } from './resolve/package.js';

/** How to build. */
export interface BuildOptions {
  /** Report every lockfile change as an error instead of making it (--locked). */
  locked?: boolean;
  /** Where fresh ids come from (default: crypto random). */
  minter?: IdMinter;
  /** Origin note of ids minted by this build (default: "minted by this compile"). */
  mintedNote?: string;
  /** Record where each value came from (`svcpkg explain`); compile skips it (docs/compile.md#svcpkg-explain-package). */
  origins?: boolean;
}

/** A package of the build. */
export interface BuiltPackage {
  /** The package as checked. */
  checked: CheckedPackage;
  /** The package resolved. */
  resolved: ResolvedPackage;
  /** Where each of its values came from; empty unless the build was asked for origins. */
  origins: Origins;
}

/** The outcome of a build. */
export interface Build {
  /** The manifest, unless there were errors. */
  manifest?: Manifest;
  /** Every package resolved, by code. */
  packages: ReadonlyMap<string, BuiltPackage>;
  /** The lockfile reconciliation, when the lockfile was usable. */
  plan?: LockPlan;
  /** Problems found building (lockfile reconciliation, resolution). */
  diagnostics: Diagnostic[];
}

/**
 * Build the manifest of schema-valid, checked packages. Packages without a code are skipped (the
 * checks reported them). With a lockfile that has errors nothing is built: ids cannot be trusted.
 */
export function buildFromPackages(catalog: Catalog, packages: readonly CheckedPackage[], lock: LockfileSource, options: BuildOptions = {}): Build {
  const diagnostics: Diagnostic[] = [];
  const built = new Map<string, BuiltPackage>();
  if (!lock.lockfile) return { packages: built, diagnostics };

  const byCode = new Map<string, CheckedPackage>();
  for (const p of packages) if (p.pkg.code !== undefined && !byCode.has(p.pkg.code)) byCode.set(p.pkg.code, p);
  const identities: PackageIdentity[] = [...byCode].map(([code, p]) => ({
    code,
    ...(p.pkg.previous_code !== undefined ? { previousCode: p.pkg.previous_code } : {}),
    pinned: Object.fromEntries(ID_KINDS.filter((k) => p.pkg[k] !== undefined).map((k) => [k, p.pkg[k]])),
  }));
  const plan = planLockfile(lock.lockfile, identities, options.minter ?? randomMinter);

  const place = (where: LockPlace): RelatedLocation | undefined => {
    if (where.in === 'lockfile') return { ...lock.locate(where.pointer), file: lock.file, message: where.message };
    const other = byCode.get(where.code);
    return other ? relatedAt(other, where.pointer, where.message) : undefined;
  };
  for (const problem of plan.problems) {
    const checked = byCode.get(problem.code);
    if (!checked) continue;
    const related = (problem.related ?? []).map(place).filter((r): r is RelatedLocation => r !== undefined);
    diagnostics.push(packageDiagnostic(checked, problem.definition, problem.pointer, problem.message, { hint: problem.hint, related }));
  }
  if (options.locked) diagnostics.push(...lockedDiagnostics(plan.changes, byCode, lock));

  const notes = new Map<string, string>();
  for (const change of plan.changes) {
    if (change.kind === 'mint') notes.set(change.code, options.mintedNote ?? 'minted by this compile');
    else if (change.kind === 'revive') notes.set(change.code, 'revived from a tombstone');
    else if (change.kind === 'rename') notes.set(change.code, `carried over from \`${change.from}\` (previous_code)`);
  }
  for (const [code, checked] of byCode) {
    const ids = plan.ids.get(code);
    if (!ids) continue;
    const note = notes.get(code);
    // Reaching resolution means the package passed its schema: the view is a whole ServicePackage.
    const resolution = resolvePackage(checked.pkg as ServicePackage, note ? { ...ids, note } : ids, catalog, { origins: options.origins === true });
    for (const problem of resolution.problems) {
      diagnostics.push(packageDiagnostic(checked, COMPILE_CODES.unresolvable, problem.pointer, problem.message));
    }
    if (resolution.resolved) built.set(code, { checked, resolved: resolution.resolved, origins: resolution.origins });
  }

  if (hasErrors(diagnostics)) return { packages: built, plan, diagnostics };
  const manifest = buildManifest(
    catalog,
    [...built.values()].map((b) => ({ resolved: b.resolved, source: b.checked.raw })),
  );
  return { manifest, packages: built, plan, diagnostics };
}

/** Under --locked, every change the lockfile would need is an error where it arises. */
function lockedDiagnostics(changes: readonly LockChange[], byCode: ReadonlyMap<string, CheckedPackage>, lock: LockfileSource): Diagnostic[] {
  const rerun = `run \`svcpkg compile\` without --locked and commit ${lock.file}`;
  const out: Diagnostic[] = [];
  for (const change of changes) {
    const checked = byCode.get(change.code);
    if (change.kind === 'tombstone') {
      const pointer = joinPointer(['packages', change.code]);
      out.push(
        diagnosticOf(
          COMPILE_CODES.lockfileOutdated,
          { ...lock.locate(pointer, 'key'), file: lock.file, path: pointer },
          `the package \`${change.code}\` is no longer in the packages folder, and --locked forbids marking it removed in ${lock.file}`,
          { hint: rerun },
        ),
      );
      continue;
    }
    if (!checked) continue;
    const message =
      change.kind === 'mint'
        ? lock.exists
          ? `the package \`${change.code}\` has no ids in ${lock.file}, and --locked forbids minting them`
          : `${lock.file} does not exist, and --locked forbids creating it with ids for \`${change.code}\``
        : change.kind === 'revive'
          ? `the package \`${change.code}\` was removed earlier (a tombstone in ${lock.file}), and --locked forbids reviving it`
          : `the package \`${change.code}\` takes over the ids of \`${change.from}\`, and --locked forbids recording the rename in ${lock.file}`;
    const pointer = change.kind === 'rename' ? '/previous_code' : '/code';
    out.push(packageDiagnostic(checked, COMPILE_CODES.lockfileOutdated, pointer, message, { hint: rerun }));
  }
  return out;
}
