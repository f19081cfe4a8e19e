// Pairing the packages of two manifests: the same code, or a rename (docs/compile.md#stable-identities-svcpkglockjson: `previous_code`,
// or the same lockfile id under another code).
import type { DiffPackage } from './model.js';
import { compareCodes } from './order.js';

/** A package on one or both sides. */
export interface PackagePair {
  /** The package before, absent when it was added. */
  readonly old?: DiffPackage;
  /** The package after, absent when it was removed. */
  readonly new?: DiffPackage;
}

function byCode(packages: readonly DiffPackage[]): Map<string, DiffPackage> {
  const out = new Map<string, DiffPackage>();
  // The first wins: a compiled manifest never repeats a code, a hand-edited one might.
  for (const pkg of packages) if (!out.has(pkg.code)) out.set(pkg.code, pkg);
  return out;
}

/** Every package of either side, paired, in no particular order. */
export function pairPackages(oldPackages: readonly DiffPackage[], newPackages: readonly DiffPackage[]): PackagePair[] {
  const before = byCode(oldPackages);
  const after = byCode(newPackages);
  const pairs: PackagePair[] = [];
  const unmatchedOld = new Map<string, DiffPackage>();
  for (const [code, pkg] of before) {
    const same = after.get(code);
    if (same) pairs.push({ old: pkg, new: same });
    else unmatchedOld.set(code, pkg);
  }
  const unmatchedNew = [...after.values()].filter((pkg) => !before.has(pkg.code)).sort((a, b) => compareCodes(a.code, b.code));
  for (const pkg of unmatchedNew) {
    const previous = pkg.previous_code ? unmatchedOld.get(pkg.previous_code) : undefined;
    const sameId = previous ?? [...unmatchedOld.values()].find((candidate) => candidate.id !== '' && candidate.id === pkg.id);
    if (sameId) {
      unmatchedOld.delete(sameId.code);
      pairs.push({ old: sameId, new: pkg });
    } else {
      pairs.push({ new: pkg });
    }
  }
  for (const pkg of unmatchedOld.values()) pairs.push({ old: pkg });
  return pairs;
}
