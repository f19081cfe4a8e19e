// Free-form manifest data (settings, metadata, notification preferences) as comparable JSON values.
import type { DiffValue } from './model.js';

/**
 * A JSON copy of `value` with object keys sorted, so equal data prints and compares the same
 * whatever order it was written in. Values JSON cannot hold become null.
 */
export function toDiffValue(value: unknown): DiffValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toDiffValue);
  if (typeof value === 'object') {
    const out: Record<string, DiffValue> = {};
    for (const key of Object.keys(value).sort()) out[key] = toDiffValue((value as Record<string, unknown>)[key]);
    return out;
  }
  return null;
}

/** True when two values hold the same JSON data (object key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(toDiffValue(a)) === JSON.stringify(toDiffValue(b));
}
