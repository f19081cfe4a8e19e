// Which partition an event belongs to (`simulate --jobs N`, `--partition K/N`; docs/simulation.md#replay-on-every-core).
// Everything the evaluator keeps between events — dedupe window, latest instant, buckets, counters —
// is per subscription id, so events are routed by a stable hash of their subscription id, and a
// partition sees every event of its subscriptions, in file order. An event without a string id
// touches no state but the totals (it is `invalid`), so any partition may take it: partition 0.
import type { EventForm } from './event-form.js';

/** The key a raw line's subscription id is read from, by event form. */
const KEYS: Record<EventForm, string> = { lago: '"external_subscription_id"', cloudevents: '"subject"' };

/** The field of a parsed event holding its subscription id, by event form. */
const FIELDS: Record<EventForm, string> = { lago: 'external_subscription_id', cloudevents: 'subject' };

/**
 * The subscription id of a raw NDJSON line, as JSON.parse would read it at the top level, or
 * undefined when it has none (or is not JSON). A cheap scan, without parsing, for the common line:
 * no backslash (so every `"` opens or closes a string, and the key cannot be written escaped), the
 * key once (so it is the top-level one if there is one: a nested key only, or invalid JSON, makes
 * an `invalid` event any partition may take), followed by a string value. Anything else is parsed.
 */
export function subscriptionKeyOfLine(line: string, form: EventForm): string | undefined {
  const key = KEYS[form];
  if (line.indexOf('\\') === -1) {
    const at = line.indexOf(key);
    if (at === -1) return undefined;
    if (line.indexOf(key, at + key.length) === -1) {
      let i = skipSpace(line, at + key.length);
      if (line.charCodeAt(i) === 0x3a /* : */) {
        i = skipSpace(line, i + 1);
        if (line.charCodeAt(i) === 0x22 /* " */) {
          const close = line.indexOf('"', i + 1);
          if (close !== -1) return line.slice(i + 1, close);
        }
      }
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return subscriptionKeyOfValue(value, form);
}

/** The subscription id of a parsed event (an inline event, or a line the scan could not read), or undefined. */
export function subscriptionKeyOfValue(value: unknown, form: EventForm): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const id = (value as Record<string, unknown>)[FIELDS[form]];
  return typeof id === 'string' ? id : undefined;
}

/**
 * The partition (0-based) of a subscription id among `count`: FNV-1a over its UTF-16 code units,
 * so it is the same on every machine and in every run. Undefined (no id): partition 0.
 */
export function partitionOf(key: string | undefined, count: number): number {
  if (key === undefined || count <= 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

/** The index after the JSON whitespace starting at `i`. */
function skipSpace(line: string, i: number): number {
  let c = line.charCodeAt(i);
  while (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) c = line.charCodeAt(++i);
  return i;
}
