// After the schema pass: keep only what is well-typed, so rules never see a value of the wrong type.
import type { ServicePackage } from '../generated/service-package.js';
import { splitPointer } from '../source/parse.js';

/** Mappings whose entries are checked one by one: a bad entry drops only that entry. */
const ENTRY_MAPS = new Set(['features', 'package_settings', 'package_metadata']);

/**
 * A shallow copy of the package without the properties that have schema errors at or below them.
 * In `features`, `package_settings` and `package_metadata` only the bad entries go; elsewhere the
 * whole top-level property goes (lists included, so indices stay those of the YAML).
 */
export function sanitizePackage(raw: Record<string, unknown>, errorPointers: readonly string[]): Partial<ServicePackage> {
  const out: Record<string, unknown> = { ...raw };
  for (const pointer of errorPointers) {
    const [top, entry] = splitPointer(pointer);
    if (top === undefined) continue;
    if (entry !== undefined && ENTRY_MAPS.has(top) && isPlainObject(out[top])) {
      const copy = { ...(out[top] as Record<string, unknown>) };
      delete copy[entry];
      out[top] = copy;
    } else {
      delete out[top];
    }
  }
  return out as Partial<ServicePackage>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
