// Canonical JSON (sorted keys, no whitespace) and its sha256: content hashes that ignore key order.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal data always serialises the same way. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** `sha256:` + hex digest of a string. */
export function sha256(text: string): string {
  return 'sha256:' + createHash('sha256').update(text).digest('hex');
}
