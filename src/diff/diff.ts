// The diff engine: two compiled manifests in, their semantic difference out — pure, plain data.
import { change } from './classify.js';
import { dataChanges } from './data.js';
import { featureListChanges } from './features.js';
import { pairPackages, type PackagePair } from './match.js';
import type { Change, DiffManifest, DiffSide, ManifestDiff, PackageDiff } from './model.js';
import { compareCodes } from './order.js';
import { propertyChanges } from './properties.js';
import { providerChanges } from './providers.js';

/** How the two sides are named in the result (what they were read from). */
export interface DiffLabels {
  /** The old side's label; default `old`. */
  old?: string;
  /** The new side's label; default `new`. */
  new?: string;
}

/** The changes of one pair of packages, or null when nothing changed. */
function diffPair(pair: PackagePair): PackageDiff | null {
  const { old: o, new: n } = pair;
  if (!o && n) return packageDiff(n.code, undefined, 'added', [change('package_added', 'added', 'code', null, n.code)]);
  if (o && !n) return packageDiff(o.code, undefined, 'removed', [change('package_removed', 'removed', 'code', o.code, null)]);
  if (!o || !n) return null;
  const renamed = o.code !== n.code;
  // Manifest property order: identity, properties, providers, features, then free-form data.
  const changes = [
    ...(renamed ? [change('package_renamed', 'changed', 'code', o.code, n.code)] : []),
    ...propertyChanges(o, n),
    ...providerChanges(o, n),
    ...featureListChanges(o, n),
    ...dataChanges(o, n),
  ];
  if (changes.length === 0) return null;
  return packageDiff(n.code, renamed ? o.code : undefined, renamed ? 'renamed' : 'changed', changes);
}

function packageDiff(code: string, oldCode: string | undefined, status: PackageDiff['status'], changes: Change[]): PackageDiff {
  return { code, ...(oldCode !== undefined ? { old_code: oldCode } : {}), status, breaking: changes.some((c) => c.breaking), changes };
}

function side(manifest: DiffManifest, label: string): DiffSide {
  return { label, inputs_hash: manifest.inputs_hash ?? null, catalog_hash: manifest.catalog.hash };
}

/**
 * The semantic difference between two compiled manifests: per package, what was added, removed
 * or changed, each change classified breaking or not. Packages come sorted by code (the old code
 * for a removed package); within a package, changes follow manifest property order and then
 * feature or provider code, so equal inputs always give equal output.
 */
export function diffManifests(oldManifest: DiffManifest, newManifest: DiffManifest, labels: DiffLabels = {}): ManifestDiff {
  const packages = pairPackages(oldManifest.packages, newManifest.packages)
    .map(diffPair)
    .filter((d): d is PackageDiff => d !== null)
    .sort((a, b) => compareCodes(a.code, b.code) || compareCodes(a.status, b.status));
  const changes = packages.flatMap((p) => p.changes);
  return {
    old: side(oldManifest, labels.old ?? 'old'),
    new: side(newManifest, labels.new ?? 'new'),
    catalog_changed: oldManifest.catalog.hash !== newManifest.catalog.hash,
    packages,
    summary: { breaking: changes.filter((c) => c.breaking).length, changes: changes.length },
  };
}
