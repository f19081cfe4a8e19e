// Duplicate keys in YAML mappings, found in linear time. The `yaml` package's own check
// (`uniqueKeys`) compares each key with every earlier one: 40,000 keys took 45 s (docs/decisions.md).
import type { Node as YamlNode, YAMLError } from 'yaml';

/** The parts of the `yaml` package the check uses (passed in: the package is loaded lazily). */
export interface YamlApi {
  isMap(node: unknown): boolean;
  isSeq(node: unknown): boolean;
  isPair(node: unknown): boolean;
  isScalar(node: unknown): boolean;
  YAMLParseError: new (pos: [number, number], code: 'DUPLICATE_KEY', message: string) => YAMLError;
}

interface Collection {
  items: unknown[];
}
interface PairLike {
  key: unknown;
  value: unknown;
}

/**
 * The errors `uniqueKeys: true` would have reported for a document: one per key whose scalar value
 * equals (`===`) an earlier key's of the same mapping, at the key's first character, with the same
 * code and message. A Set per mapping replaces the pairwise comparison.
 */
export function duplicateKeyErrors(root: unknown, api: YamlApi): YAMLError[] {
  const errors: YAMLError[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (api.isMap(node)) {
      const seen = new Set<unknown>();
      for (const item of (node as Collection).items) {
        const pair = item as PairLike;
        const key = pair.key;
        if (api.isScalar(key)) {
          const value = (key as { value: unknown }).value;
          // `===` semantics: NaN never equals itself (a Set would say it does).
          if (!(typeof value === 'number' && Number.isNaN(value))) {
            if (seen.has(value)) {
              const start = (key as YamlNode).range?.[0] ?? 0;
              errors.push(new api.YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
            } else {
              seen.add(value);
            }
          }
        }
        stack.push(pair.value, key);
      }
    } else if (api.isSeq(node)) {
      for (const item of (node as Collection).items) stack.push(item);
    } else if (api.isPair(node)) {
      // A single-pair mapping inside a flow sequence (`[a: 1]`).
      stack.push((node as PairLike).value, (node as PairLike).key);
    }
  }
  return errors;
}

/** Merge two error lists by start offset, keeping each list's own order (a stable merge). */
export function mergeByOffset(first: readonly YAMLError[], second: readonly YAMLError[]): YAMLError[] {
  if (second.length === 0) return [...first];
  const sorted = [...second].sort((a, b) => a.pos[0] - b.pos[0]);
  const out: YAMLError[] = [];
  let j = 0;
  for (const error of first) {
    while (j < sorted.length && (sorted[j]?.pos[0] ?? 0) < error.pos[0]) out.push(sorted[j++] as YAMLError);
    out.push(error);
  }
  while (j < sorted.length) out.push(sorted[j++] as YAMLError);
  return out;
}
