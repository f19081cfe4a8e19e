// Reading a compiled manifest file (docs/compile.md): the one place that turns bytes on disk into
// the generated `Manifest` — read through the safe path, parsed, upgraded from an older readable
// format (manifest-upgrade.ts) and checked against schemas/manifest.schema.json. Callers (diff,
// simulate) word the failures for their own context.
import type { Manifest } from '../generated/manifest.js';
import type { SchemaProblem } from '../schema/collapse.js';
import { checkValue } from '../schema/validate.js';
import { MAX_MACHINE_FILE_SIZE, readFileSafely } from '../source/safe-file.js';
import { READABLE_MANIFEST_VERSIONS, upgradeManifest } from './manifest-upgrade.js';

/** Why a manifest file could not be used. */
export type ManifestReadFailure =
  /** The file could not be read (missing, not a regular file, too large, a link leaving the root). */
  | { kind: 'unreadable'; reason: string }
  /** The bytes are not JSON. */
  | { kind: 'not-json'; message: string }
  /**
   * JSON of no readable format version; `problems` are the schema's findings for it, for callers
   * that word both cases alike.
   */
  | { kind: 'version'; found: unknown; problems: readonly SchemaProblem[] }
  /** A readable version that does not match the manifest schema. */
  | { kind: 'invalid'; problems: readonly SchemaProblem[] };

/** The outcome of reading a manifest file. */
export type ManifestRead = { ok: true; manifest: Manifest } | { ok: false; failure: ManifestReadFailure };

/**
 * Read the compiled manifest at `file` (absolute). A link found under `root` is followed only
 * while it stays inside `root` (docs/decisions.md, "untrusted input"). Never throws for bad input.
 */
export function readManifestFile(file: string, root: string): ManifestRead {
  const read = readFileSafely(file, { maxBytes: MAX_MACHINE_FILE_SIZE, root });
  if (!read.ok) return { ok: false, failure: { kind: 'unreadable', reason: read.errno ?? read.reason } };
  let value: unknown;
  try {
    value = JSON.parse(read.bytes.toString('utf8'));
  } catch (error) {
    return { ok: false, failure: { kind: 'not-json', message: error instanceof Error ? error.message : String(error) } };
  }
  const version = (value as { format_version?: unknown } | null)?.format_version;
  // An older format reads as the current one (manifest-upgrade.ts); the schema judges the rest.
  value = upgradeManifest(value);
  const problems = checkValue('manifest', value);
  if (typeof version !== 'number' || !READABLE_MANIFEST_VERSIONS.includes(version)) {
    return { ok: false, failure: { kind: 'version', found: version, problems } };
  }
  if (problems.length > 0) return { ok: false, failure: { kind: 'invalid', problems } };
  return { ok: true, manifest: value as Manifest };
}
