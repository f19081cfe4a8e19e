// Assembling the manifest (docs/compile.md#the-manifest): the resolved catalog, the packages sorted by code, and a
// hash of every input so that consumers can tell whether two manifests came from the same sources.
// In memory every package feature carries its whole catalog definition (the joined shape readers use);
// the file written splits them again, so that each definition appears once (`manifestFile`).
import { canonicalJson, sha256 } from '../catalog/hash.js';
import type { Catalog } from '../catalog/model.js';
import type { Manifest, ManifestFile, ManifestPackage, PackageFeature, ResolvedFeature, ResolvedPackage } from '../generated/manifest.js';
import { resolveCatalog } from './resolve/catalog.js';
import { compareKeys } from './sort-keys.js';

/**
 * Version of out/manifest.json's shape written by this svcpkg: 3 names each package feature's catalog
 * definition by code instead of repeating it; 2 added seat and overage prices (manifest-upgrade.ts reads 1 and 2).
 */
export const MANIFEST_FORMAT_VERSION = 3;

/**
 * Version of the joined shape held in memory. It is format 2's: every reader (diff, simulate,
 * evaluate) kept working on it when format 3 changed only how the file stores it.
 */
export const JOINED_MANIFEST_VERSION = 2;

/** The keys of a package feature that are the package's own; every other key is the catalog definition's. */
export const PACKAGE_FEATURE_KEYS = ['value', 'periodicity_type', 'periodicity', 'overage'] as const;

/** A resolved package and the document it was written as. */
export interface ManifestInput {
  /** The package, resolved. */
  resolved: ResolvedPackage;
  /** Its YAML document's value as written. */
  source: unknown;
}

/**
 * The manifest of `packages`. `inputs_hash` is the sha256 of the canonical JSON of the catalog
 * hash and, per package in code order, its document as written and its ids.
 */
export function buildManifest(catalog: Catalog, packages: readonly ManifestInput[]): Manifest {
  const sorted = [...packages].sort((a, b) => compareKeys(a.resolved.code, b.resolved.code));
  const inputs = {
    catalog: catalog.hash,
    packages: sorted.map(({ resolved, source }) => ({ source, id: resolved.id, uuid: resolved.uuid, ulid: resolved.ulid })),
  };
  return {
    format_version: JOINED_MANIFEST_VERSION,
    inputs_hash: sha256(canonicalJson(inputs)),
    catalog: resolveCatalog(catalog),
    packages: sorted.map((p) => p.resolved),
  };
}

/**
 * The manifest as out/manifest.json stores it (format 3): the same data, each package feature
 * reduced to what is the package's own — its definition is `catalog.features`' entry with its code.
 * Key order is the joined shape's, so the file stays deterministic.
 */
export function manifestFile(manifest: Manifest): ManifestFile {
  return {
    format_version: MANIFEST_FORMAT_VERSION,
    inputs_hash: manifest.inputs_hash,
    catalog: manifest.catalog,
    packages: manifest.packages.map(filePackage),
  };
}

function filePackage(pkg: ResolvedPackage): ManifestPackage {
  // Library callers may hand over manifests made by hand: a package without features stays so.
  if ((pkg.features as ResolvedPackage['features'] | undefined) === undefined) return pkg as unknown as ManifestPackage;
  // fromEntries defines own properties: a `__proto__` code stays a key (validation refuses it, SP1009).
  const features = Object.fromEntries(Object.entries(pkg.features).map(([code, feature]) => [code, packageFeature(feature)]));
  // Spread keeps every key in its place: `features` is replaced where it stands.
  return { ...pkg, features };
}

function packageFeature(feature: ResolvedFeature): PackageFeature {
  return { value: feature.value, periodicity_type: feature.periodicity_type, periodicity: feature.periodicity, overage: feature.overage };
}
