// Stable ordering and safe lookups shared by the diff engine.

/** Code-point order: the same in every locale and on every machine. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An own property of a record (never one inherited from Object.prototype, for untrusted JSON). */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}
