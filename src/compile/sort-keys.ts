// Deterministic output: maps keyed by users (features, settings, metadata) are written sorted by key.

/**
 * A deep copy with the keys of every object sorted (arrays keep their order). Built with
 * Object.fromEntries so that a `__proto__` key stays a plain property and never sets a prototype.
 */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sortKeysDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort(compareKeys)
      .map((key) => [key, sortKeysDeep((value as Record<string, unknown>)[key])] as const);
    return Object.fromEntries(entries) as T;
  }
  return value;
}

/** Code-unit order: the same on every machine and locale. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
