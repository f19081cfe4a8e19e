// Assembling the manifest (docs/compile.md#the-manifest): the resolved catalog, the packages sorted by code, and a
// hash of every input so that consumers can tell whether two manifests came from the same sources.
import { canonicalJson, sha256 } from '../catalog/hash.js';
import type { Catalog } from '../catalog/model.js';
import type { Manifest, ResolvedPackage } from '../generated/manifest.js';
import { resolveCatalog } from './resolve/catalog.js';
import { compareKeys } from './sort-keys.js';

/** Version of the manifest's shape written by this svcpkg: 2 added seat and overage prices (manifest-upgrade.ts reads 1). */
export const MANIFEST_FORMAT_VERSION = 2;

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
    format_version: MANIFEST_FORMAT_VERSION,
    inputs_hash: sha256(canonicalJson(inputs)),
    catalog: resolveCatalog(catalog),
    packages: sorted.map((p) => p.resolved),
  };
}
