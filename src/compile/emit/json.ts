// out/manifest.json: the manifest as data, in the format compile writes (manifestFile: each catalog
// feature defined once). Deterministic: keys in the order the resolver builds them (user-keyed maps
// sorted), 2-space indent, trailing newline, no timestamps (docs/compile.md#the-manifest).
import type { Manifest, ManifestFile } from '../../generated/manifest.js';
import { manifestFile } from '../manifest.js';

/** The text of out/manifest.json; pass the file's shape when the caller already has it. */
export function renderManifestJson(manifest: Manifest | ManifestFile): string {
  return JSON.stringify(manifest.format_version === 3 ? manifest : manifestFile(manifest), null, 2) + '\n';
}
