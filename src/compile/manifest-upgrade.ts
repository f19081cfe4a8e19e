// Reading manifests of every format (docs/compile.md#manifest-formats) into the one shape every reader
// (diff, simulate, evaluate) uses in memory — format 2's, each package feature joined with its catalog
// definition. Version 1 (before seat and overage prices, docs/revenue.md) gets the values every
// version 1 package had — priced per package, 1 seat at least, no seat maximum, no overage price;
// version 3 (what compile writes) gets each package feature joined with `catalog.features`' entry.
import { JOINED_MANIFEST_VERSION, PACKAGE_FEATURE_KEYS } from './manifest.js';

/** The manifest format versions this svcpkg reads. */
export const READABLE_MANIFEST_VERSIONS: readonly number[] = [1, 2, 3];

/**
 * `value` (parsed JSON) in the joined shape when it is a readable manifest of another version; any
 * other value unchanged, for the schema check to judge. Never mutates `value`. A version 3 feature
 * that cannot be joined (unknown code, other keys) is left as written: the joined shape's schema then
 * rejects it where it stands, and the version says 2 so that the file's schema does not accept it either.
 */
export function upgradeManifest(value: unknown): unknown {
  if (!isRecord(value) || !Array.isArray(value['packages'])) return value;
  if (value['format_version'] === 1) return { ...value, format_version: JOINED_MANIFEST_VERSION, packages: value['packages'].map(upgradeVersion1Package) };
  if (value['format_version'] === 3) return joinFeatures(value, value['packages']);
  return value;
}

function upgradeVersion1Package(pkg: unknown): unknown {
  if (!isRecord(pkg)) return pkg;
  const features = pkg['features'];
  return {
    ...pkg,
    price_per: pkg['price_per'] ?? 'package',
    min_seats: pkg['min_seats'] ?? 1,
    max_seats: pkg['max_seats'] ?? null,
    ...(isRecord(features) ? { features: mapEntries(features, (f) => (isRecord(f) ? { ...f, overage: f['overage'] ?? null } : f)) } : {}),
  };
}

/** Version 3 → the joined shape: each package feature becomes its catalog definition with the package's own values. */
function joinFeatures(manifest: Record<string, unknown>, packages: readonly unknown[]): unknown {
  const catalog = manifest['catalog'];
  const list = isRecord(catalog) && Array.isArray(catalog['features']) ? catalog['features'] : [];
  const definitions = new Map<unknown, Record<string, unknown>>();
  for (const def of list) if (isRecord(def)) definitions.set(def['code'], def);
  const join = (code: string, own: unknown): unknown => {
    const def = definitions.get(code);
    if (!def || !isRecord(own) || !hasExactly(own, PACKAGE_FEATURE_KEYS)) return own;
    // The definition's keys in their order, the package's reset settings in place of the defaults,
    // then value and overage: the order format 2 wrote, so joined manifests compare equal.
    return { ...def, periodicity_type: own['periodicity_type'], periodicity: own['periodicity'], value: own['value'], overage: own['overage'] };
  };
  return {
    ...manifest,
    format_version: JOINED_MANIFEST_VERSION,
    packages: packages.map((pkg) => {
      if (!isRecord(pkg) || !isRecord(pkg['features'])) return pkg;
      return { ...pkg, features: mapEntries(pkg['features'], (own, code) => join(code, own)) };
    }),
  };
}

/** A record's entries mapped, as own properties (a `__proto__` key stays a key). */
function mapEntries(record: Record<string, unknown>, map: (value: unknown, key: string) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value, key)]));
}

function hasExactly(record: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(record);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(record, k));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
