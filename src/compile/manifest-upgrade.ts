// Reading manifests written by an earlier svcpkg: a version 1 manifest (before seat and overage
// prices, docs/revenue.md) is read as version 2 with the values every version 1 package had —
// priced per package, 1 seat at least, no seat maximum, no overage price. One place, so that every
// reader (diff, simulate) treats old manifests alike.

/** The manifest format versions this svcpkg reads. */
export const READABLE_MANIFEST_VERSIONS: readonly number[] = [1, 2];

/**
 * `value` (parsed JSON) as the current manifest format when it is an older, readable one; any other
 * value unchanged, for the schema check to judge. Never mutates `value`.
 */
export function upgradeManifest(value: unknown): unknown {
  if (!isRecord(value) || value['format_version'] !== 1 || !Array.isArray(value['packages'])) return value;
  return { ...value, format_version: 2, packages: value['packages'].map(upgradePackage) };
}

function upgradePackage(pkg: unknown): unknown {
  if (!isRecord(pkg)) return pkg;
  const features = pkg['features'];
  return {
    ...pkg,
    price_per: pkg['price_per'] ?? 'package',
    min_seats: pkg['min_seats'] ?? 1,
    max_seats: pkg['max_seats'] ?? null,
    ...(isRecord(features)
      ? { features: Object.fromEntries(Object.entries(features).map(([code, f]) => [code, isRecord(f) ? { ...f, overage: f['overage'] ?? null } : f])) }
      : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
