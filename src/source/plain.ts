// Checks and normalisations on a document's parsed value, shared by both parsers (fast.ts, parse.ts)
// so that what they accept does not depend on how the YAML source spells a key or a number.
import { escapePointerSegment } from './pointer.js';

/** Keys that could alter JavaScript objects reading the data (docs/diagnostics.md, SP1009). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Walk a parsed value once (iteratively, so depth cannot overflow the stack): return the JSON
 * pointer of every forbidden key, whatever its spelling in the source (escapes, quotes, aliases,
 * merges: the parsed key is what counts), and rewrite `-0` to `0` in place, so both parsers give
 * the same value for `-0`, `-0.0` and the like (docs/decisions.md).
 */
export function inspectParsed(root: unknown): string[] {
  const forbidden: string[] = [];
  const stack: [unknown, string][] = [[root, '']];
  const seen = new Set<object>(); // aliases share objects; visit each once
  while (stack.length > 0) {
    const [value, pointer] = stack.pop() as [unknown, string];
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (Object.is(item, -0)) value[i] = 0;
        else if (item !== null && typeof item === 'object') stack.push([item, `${pointer}/${i}`]);
      }
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      // Object.keys sees a `__proto__` key: both parsers define it as an own property.
      for (const key of Object.keys(record)) {
        const child = `${pointer}/${escapePointerSegment(key)}`;
        if (FORBIDDEN_KEYS.has(key)) forbidden.push(child);
        const item = record[key];
        if (Object.is(item, -0)) record[key] = 0;
        else if (item !== null && typeof item === 'object') stack.push([item, child]);
      }
    }
  }
  return forbidden;
}
