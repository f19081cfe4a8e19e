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
 * A repeated key: the `yaml` package's error, plus what a diagnostic needs to name it — the key as
 * parsed and the span of its first occurrence (the value used is the last one's: docs/decisions.md).
 */
export interface DuplicateKeyError extends YAMLError {
  /** The key, as parsed (`String` of its scalar value). */
  readonly key: string;
  /** Start and end offsets of the key's first occurrence in the same mapping. */
  readonly first: readonly [number, number];
}

/** Whether a parser error is a duplicate key found by duplicateKeyErrors. */
export function isDuplicateKeyError(error: YAMLError): error is DuplicateKeyError {
  return error.code === 'DUPLICATE_KEY' && typeof (error as Partial<DuplicateKeyError>).key === 'string';
}

/**
 * The errors `uniqueKeys: true` would have reported for a document: one per key whose scalar value
 * equals (`===`) an earlier key's of the same mapping, at the key's first character, with the same
 * code and message. A Map per mapping (value → first key node) replaces the pairwise comparison.
 */
export function duplicateKeyErrors(root: unknown, api: YamlApi): DuplicateKeyError[] {
  const errors: DuplicateKeyError[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (api.isMap(node)) {
      const seen = new Map<unknown, YamlNode>();
      for (const item of (node as Collection).items) {
        const pair = item as PairLike;
        const key = pair.key;
        if (api.isScalar(key)) {
          const value = (key as { value: unknown }).value;
          // `===` semantics: NaN never equals itself (a Map would say it does).
          if (!(typeof value === 'number' && Number.isNaN(value))) {
            const first = seen.get(value);
            if (first) {
              const start = (key as YamlNode).range?.[0] ?? 0;
              const error = new api.YAMLParseError([start, start + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
              const range = first.range;
              errors.push(Object.assign(error, { key: String(value), first: [range?.[0] ?? 0, range?.[1] ?? 0] as const }));
            } else {
              seen.set(value, key as YamlNode);
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
