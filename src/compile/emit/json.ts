// out/manifest.json: the manifest as data. Deterministic: keys in the order the resolver builds them
// (user-keyed maps sorted), 2-space indent, trailing newline, no timestamps (docs/compile.md#the-manifest).
import type { Manifest } from '../../generated/manifest.js';

/** The text of out/manifest.json. */
export function renderManifestJson(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}
