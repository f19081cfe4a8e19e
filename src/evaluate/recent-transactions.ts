// The dedupe memory of check 2 (docs/simulation.md#what-each-event-gets): the first instant of each recent
// `(subscription, transaction_id)`. It sees every event and holds hundreds of thousands of ids,
// nearly all of them seen once, so it is built for the common case — a new id — and for the memory
// system rather than with a `Map`:
// - each stream (subscription id) has a log of (fingerprint, first instant) pairs in arrival
//   order and a small Bloom filter over the log. A new id costs a hash, one word of the filter and
//   an append at the log's end: no probe into a large table, which would miss the caches and the
//   TLB on nearly every event. Only when the filter answers "maybe" (a repeated id, or fewer than
//   one new id in a hundred: 0.65% in the benchmark) is the stream's log scanned, newest first;
// - an id is kept as its 52-bit fingerprint (fingerprint.ts), so nothing refers to the event:
//   parsed events die young instead of being promoted by the garbage collector. Two different ids
//   of one subscription are mistaken for each other with a probability of about
//   (its live ids) / 2⁵² per event: 2·10⁻¹³ with a thousand live ids;
// - when a log is full, the entries that can no longer make a duplicate (first seen a window
//   before the stream's latest instant, which only grows) are dropped in place and the filter is
//   rebuilt from the rest; the log doubles only when the live entries fill three quarters of it.
//   So memory follows the live window, not the event count;
// - a log that would grow past `LARGE_LOG` entries becomes a hash table (id-table.ts): a "maybe"
//   scans the whole log, so a stream's cost per event grew with its live ids (one subscription
//   with 700,000: ~6 µs an event), where a table costs one probe. Smaller streams keep the log,
//   whose filter word and appends the caches keep better than a table's slots.
import { fingerprint } from './fingerprint.js';
import { IdTable } from './id-table.js';

/** Smallest log, in entries. */
const MIN_CAPACITY = 16;

/** Filter words (32 bits) per log entry: 16 bits an entry, 3 of them set per id. */
const WORDS_PER_ENTRY = 0.5;

/**
 * Entries past which a log becomes a table. A "maybe" (0.65% of new ids) scans the log, a few
 * hundred entries an event on average at this size — still cheaper than a table's probe into
 * megabytes, which misses the caches and the TLB; measured with the bench's events over 5 to 100
 * subscriptions (docs/decisions.md).
 */
export const LARGE_LOG = 65_536;

/** The ids of one stream. */
class StreamLog {
  /** (fingerprint, first instant) pairs, `length` of them in use. */
  keys: Float64Array;
  /** Entries in use. */
  length = 0;
  /** Bloom filter over the fingerprints in the log: one 32-bit word an id, 3 bits of it. */
  filter: Int32Array;
  /** Once the log has outgrown `LARGE_LOG`: its ids, in a table (the log and filter are then empty). */
  table: IdTable | null = null;

  constructor(capacity: number) {
    this.keys = new Float64Array(2 * capacity);
    this.filter = new Int32Array(capacity * WORDS_PER_ENTRY);
  }
}

/** An id's fingerprint in the dedupe memory. */
function idFingerprint(id: string): number {
  return fingerprint(0, id);
}

/** The filter bits of a fingerprint: 3 of 32, from bits of the fingerprint the word index does not use. */
function filterBits(key: number): number {
  const high = Math.floor(key / 4_294_967_296) >>> 1; // the high part's lowest bit is always 1
  return (1 << (high & 31)) | (1 << ((high >>> 5) & 31)) | (1 << ((high >>> 10) & 31));
}

/** First-seen instants of recent transaction ids, per stream (an integer naming a subscription id). */
export class RecentTransactions {
  /** Per stream: its log (undefined until its first id). */
  private readonly logs: (StreamLog | undefined)[] = [];

  /**
   * @param windowMs the dedupe window
   * @param largeLog entries past which a log becomes a table (a parameter for tests)
   * @param hash the fingerprint of an id (a parameter for tests, which force collisions with it)
   */
  constructor(
    private readonly windowMs: number,
    private readonly largeLog = LARGE_LOG,
    private readonly hash: (id: string) => number = idFingerprint,
  ) {}

  /**
   * Check 2 for an event of `stream` at `t`: true when the id was first seen less than a window
   * before `t` and less than a window before `latest`, the stream's latest instant (the bound that
   * lets old entries go). Otherwise the event becomes the id's first sighting.
   */
  isDuplicate(stream: number, id: string, t: number, latest: number): boolean {
    while (this.logs.length <= stream) this.logs.push(undefined);
    const log = (this.logs[stream] ??= new StreamLog(MIN_CAPACITY));
    const key = this.hash(id);
    if (log.table !== null) return log.table.isDuplicate(key, t, latest);
    const word = key & (log.filter.length - 1);
    const bits = filterBits(key);
    if ((log.filter[word]! & bits) === bits) {
      // Newest first: a resent event is usually a recent one.
      const keys = log.keys;
      for (let i = log.length - 1; i >= 0; i--) {
        if (keys[2 * i] !== key) continue;
        const lapse = keys[2 * i + 1]! + this.windowMs;
        if (lapse > t && lapse > latest) return true;
        keys[2 * i + 1] = t; // lapsed: this event is the new first
        return false;
      }
    }
    if (2 * log.length === log.keys.length) {
      // The clean may have made the log a table (TypeScript still sees the null checked above).
      const table = this.clean(log, latest);
      if (table !== null) {
        table.insert(key, t);
        return false;
      }
    }
    log.keys[2 * log.length] = key;
    log.keys[2 * log.length + 1] = t;
    log.length++;
    log.filter[key & (log.filter.length - 1)]! |= bits;
    return false;
  }

  /** How many ids are remembered (for tests of the memory bound). */
  get size(): number {
    let size = 0;
    for (const log of this.logs) size += log === undefined ? 0 : log.table === null ? log.length : log.table.size;
    return size;
  }

  /**
   * Make room in a full log: drop the entries that lapsed for good (first seen a window or more
   * before `latest`), doubling the log when the rest still fill three quarters of it, and rebuild
   * the filter. A log that would double past `largeLog` entries becomes a table instead, returned.
   */
  private clean(log: StreamLog, latest: number): IdTable | null {
    const keys = log.keys;
    let live = 0;
    for (let i = 0; i < log.length; i++) {
      if (keys[2 * i + 1]! + this.windowMs <= latest) continue;
      keys[2 * live] = keys[2 * i]!;
      keys[2 * live + 1] = keys[2 * i + 1]!;
      live++;
    }
    log.length = live;
    // Doubled only when the live entries fill three quarters of it: the log (and its filter, sized
    // to it) stays within 1⅓ of the subscription's live window, so the filters of all
    // subscriptions stay small enough for the caches; a clean still frees a quarter or more, so
    // its cost per id stays O(1).
    if (4 * live >= 3 * (keys.length >> 1) && keys.length > this.largeLog) {
      // Past `largeLog`: a table, at most a quarter full (id-table.ts).
      let capacity = 16;
      while (capacity < 4 * (live + 1)) capacity *= 2;
      const table = new IdTable(capacity, this.windowMs);
      for (let i = 0; i < live; i++) table.insert(keys[2 * i]!, keys[2 * i + 1]!);
      log.table = table;
      log.keys = new Float64Array(0);
      log.filter = new Int32Array(0);
      log.length = 0;
      return table;
    }
    if (4 * live >= 3 * (keys.length >> 1)) {
      const capacity = keys.length; // twice the entries it held
      log.keys = new Float64Array(2 * capacity);
      log.keys.set(keys.subarray(0, 2 * live));
      log.filter = new Int32Array(capacity * WORDS_PER_ENTRY);
    } else {
      log.filter.fill(0);
    }
    const filter = log.filter;
    const mask = filter.length - 1;
    for (let i = 0; i < live; i++) {
      const key = log.keys[2 * i]!;
      filter[key & mask]! |= filterBits(key);
    }
    return null;
  }
}
