// The dedupe memory of check 2 (SPEC §8.5): the first instant of each recent
// `(subscription, transaction_id)`. It sees every event, so it is a small open-addressing hash
// table over typed arrays rather than a `Map`:
// - an id is kept as a 52-bit fingerprint (from two independent 32-bit hashes) beside its
//   subscription's index, so the table holds no reference to the event: parsed events die young
//   instead of being promoted by the garbage collector. Two different ids of one subscription are
//   mistaken for each other with a probability of about (its live ids) / 2⁵² per event: 2·10⁻¹³
//   with a thousand live ids;
// - the probe reads only `tags`, one byte a slot (8 bits of the fingerprint); the rest of a slot
//   (20 bytes) is read only when a tag matches, about once in 255 probed slots. With hundreds of
//   thousands of live ids the table is tens of MiB: a probe reading it would miss the caches and
//   the TLB on nearly every event, which cost more than everything else the evaluator does for an
//   event, while the tags of a million slots fit in 1 MiB;
// - entries that can no longer make a duplicate are dropped when the table fills up, in place
//   when the live ones still fit: a fresh table would cost page faults for its memory and, being
//   off the JS heap, full garbage collections (V8 counts typed-array memory as external pressure).
//   So memory follows the live window, not the event count.

/** Smallest table, in slots (a power of two). */
const MIN_CAPACITY = 1 << 10;

/**
 * The table is rebuilt when more than this share of the slots is used. Probes scan adjacent
 * one-byte tags, so a fairly high load costs little; rebuilds come less often.
 */
const MAX_LOAD = 0.8;

/** After a rebuild at most this share of the slots is used: the table doubles until it is so. */
const TARGET_LOAD = 0.5;

/** Numbers per slot in `cells`: the fingerprint and the first instant. */
const STRIDE = 2;

/** 2³²: the fingerprint is the first hash plus 20 bits of the second times this (exact in a double). */
const HIGH = 4_294_967_296;

/** First-seen instants of recent transaction ids, per stream (an integer naming a subscription id). */
export class RecentTransactions {
  /** Slot count, a power of two. */
  private capacity = MIN_CAPACITY;
  /** Per slot: 0 when empty, else 8 bits of the fingerprint's high part (1..255). */
  private tags = new Uint8Array(MIN_CAPACITY);
  /** Per slot, `STRIDE` numbers: the fingerprint and the first instant. */
  private cells = new Float64Array(STRIDE * MIN_CAPACITY);
  /** Per slot: the stream index. */
  private streams = new Int32Array(MIN_CAPACITY);
  /** Used slots. */
  private used = 0;

  /**
   * @param windowMs the dedupe window
   * @param streamList every stream by index, for their latest instants (read when rebuilding)
   */
  constructor(
    private readonly windowMs: number,
    private readonly streamList: readonly { readonly latest: number }[],
  ) {}

  /**
   * Check 2 for an event of `stream` at `t`: true when the id was first seen less than a window
   * before `t` and less than a window before `latest`, the stream's latest instant (the bound that
   * lets old entries go). Otherwise the event becomes the id's first sighting.
   */
  isDuplicate(stream: number, id: string, t: number, latest: number): boolean {
    // Two 32-bit hashes of the UTF-16 code units, taken two units per step (murmur3's block
    // mixing with two seeds derived from the stream), each finished with murmur3's fmix32.
    let a = (0x811c9dc5 ^ stream) | 0;
    let b = (0x9747b28c ^ Math.imul(stream, 0x5bd1e995)) | 0;
    const length = id.length;
    let i = 0;
    for (; i + 1 < length; i += 2) {
      let k = Math.imul(id.charCodeAt(i) | (id.charCodeAt(i + 1) << 16), 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      a ^= k;
      a = (Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64) | 0;
      b ^= k;
      b = (Math.imul((b << 17) | (b >>> 15), 9) + 0x2e7a5f31) | 0;
    }
    if (i < length) {
      const k = Math.imul(id.charCodeAt(i), 0xcc9e2d51);
      a ^= k;
      b ^= (k << 7) | (k >>> 25);
    }
    a ^= length;
    b ^= length;
    a ^= a >>> 16;
    a = Math.imul(a, 0x85ebca6b);
    a ^= a >>> 13;
    a = Math.imul(a, 0xc2b2ae35);
    a ^= a >>> 16;
    b ^= b >>> 15;
    b = Math.imul(b, 0x2c1b3c6d);
    b ^= b >>> 12;
    b = Math.imul(b, 0x297a2d39);
    b ^= b >>> 15;
    // Never 0 (the empty mark): the second hash's 20 bits are 1..2²⁰.
    const high = (b >>> 12) | 1;
    const fingerprint = (a >>> 0) + HIGH * high;
    // The tag is not the home slot's bits (the first hash's low bits) nor 0, the empty mark.
    const tag = high >>> 12 || 1;

    const tags = this.tags;
    const mask = this.capacity - 1;
    let slot = a & mask;
    for (let stored = tags[slot]!; stored !== 0; stored = tags[slot]!) {
      if (stored === tag && this.cells[slot * STRIDE] === fingerprint && this.streams[slot] === stream) {
        const lapse = this.cells[slot * STRIDE + 1]! + this.windowMs;
        if (lapse > t && lapse > latest) return true;
        this.cells[slot * STRIDE + 1] = t; // lapsed: this event is the new first
        return false;
      }
      slot = (slot + 1) & mask;
    }
    tags[slot] = tag;
    this.cells[slot * STRIDE] = fingerprint;
    this.cells[slot * STRIDE + 1] = t;
    this.streams[slot] = stream;
    if (++this.used > this.capacity * MAX_LOAD) this.rebuild();
    return false;
  }

  /** How many ids are remembered (for tests of the memory bound). */
  get size(): number {
    return this.used;
  }

  /** Whether the entry in `slot` can still make a duplicate: its stream is less than a window past it. */
  private isLive(slot: number): boolean {
    return this.cells[slot * STRIDE + 1]! + this.windowMs > this.streamList[this.streams[slot]!]!.latest;
  }

  /** Drop lapsed entries in place, then resize when the live ones are not at the target load. */
  private rebuild(): void {
    const live = this.compact();
    let next = MIN_CAPACITY;
    while (next * TARGET_LOAD < live) next *= 2;
    if (next !== this.capacity) this.resize(next);
    this.used = live;
  }

  /**
   * Drop lapsed entries in place and return how many are left. Linear probing finds an entry by
   * scanning from its home slot to the first empty one, so removing entries may cut others off
   * their home: every entry is taken out and put back at the first empty slot from its home.
   * Starting after a slot that was empty before (no probe sequence crosses it) and going round
   * once, each entry goes back at or before where it was, and the sequences of the entries
   * already put back only cover visited slots.
   */
  private compact(): number {
    const { capacity, tags, cells, streams } = this;
    const mask = capacity - 1;
    let start = 0;
    while (tags[start] !== 0) start++;
    let live = 0;
    for (let step = 1; step <= capacity; step++) {
      const slot = (start + step) & mask;
      const tag = tags[slot]!;
      if (tag === 0) continue;
      tags[slot] = 0;
      if (!this.isLive(slot)) continue;
      live++;
      // The home slot: the fingerprint's low bits (`&` takes them modulo 2³², exactly).
      let target = cells[slot * STRIDE]! & mask;
      while (tags[target] !== 0) target = (target + 1) & mask;
      tags[target] = tag;
      if (target === slot) continue;
      cells[target * STRIDE] = cells[slot * STRIDE]!;
      cells[target * STRIDE + 1] = cells[slot * STRIDE + 1]!;
      streams[target] = streams[slot]!;
    }
    return live;
  }

  /** Move the entries (all live, just compacted) into a table of `capacity` slots. */
  private resize(capacity: number): void {
    const tags = new Uint8Array(capacity);
    const cells = new Float64Array(STRIDE * capacity);
    const streams = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let slot = 0; slot < this.capacity; slot++) {
      const tag = this.tags[slot]!;
      if (tag === 0) continue;
      let target = this.cells[slot * STRIDE]! & mask;
      while (tags[target] !== 0) target = (target + 1) & mask;
      tags[target] = tag;
      cells[target * STRIDE] = this.cells[slot * STRIDE]!;
      cells[target * STRIDE + 1] = this.cells[slot * STRIDE + 1]!;
      streams[target] = this.streams[slot]!;
    }
    this.capacity = capacity;
    this.tags = tags;
    this.cells = cells;
    this.streams = streams;
  }
}
