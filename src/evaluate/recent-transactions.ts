// The dedupe memory of check 2 (SPEC §8.5): the first instant of each recent
// `(subscription, transaction_id)`. It sees every event, so it is a small open-addressing hash
// table over one Float64Array rather than a `Map`:
// - an id is kept as a 52-bit fingerprint (from two independent 32-bit hashes) beside its
//   subscription's index, so the table holds no reference to the event: parsed events die young
//   instead of being promoted by the garbage collector, and a probe reads one 16-byte slot. Two
//   different ids of one subscription are mistaken for each other with a probability of about
//   (its live ids) / 2⁵² per event: 2·10⁻¹³ with a thousand live ids;
// - entries that can no longer make a duplicate are dropped when the table grows, so memory
//   follows the live window, not the event count.

/** Smallest table, in slots (a power of two). */
const MIN_CAPACITY = 1 << 10;

/**
 * The table is rebuilt when more than this share of the slots is used. Linear probing stays short
 * at this load (a few probes, in adjacent 16-byte slots), and rebuilds come less often.
 */
const MAX_LOAD = 0.7;

/** Numbers per slot in `cells`: the fingerprint (0 = empty) and the first instant. */
const STRIDE = 2;

/** 2³²: the fingerprint is the first hash plus 20 bits of the second times this (exact in a double). */
const HIGH = 4_294_967_296;

/** First-seen instants of recent transaction ids, per stream (an integer naming a subscription id). */
export class RecentTransactions {
  /** Slot count, a power of two. */
  private capacity = MIN_CAPACITY;
  /** The slots, `STRIDE` numbers each. */
  private cells = new Float64Array(STRIDE * MIN_CAPACITY);
  /** Per slot: the stream index (read when fingerprints match, and when rebuilding). */
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
    const fingerprint = (a >>> 0) + HIGH * ((b >>> 12) | 1);

    const cells = this.cells;
    const mask = this.capacity - 1;
    let slot = a & mask;
    for (;;) {
      const stored = cells[slot * STRIDE]!;
      if (stored === 0) break;
      if (stored === fingerprint && this.streams[slot] === stream) {
        const lapse = cells[slot * STRIDE + 1]! + this.windowMs;
        if (lapse > t && lapse > latest) return true;
        cells[slot * STRIDE + 1] = t; // lapsed: this event is the new first
        return false;
      }
      slot = (slot + 1) & mask;
    }
    cells[slot * STRIDE] = fingerprint;
    cells[slot * STRIDE + 1] = t;
    this.streams[slot] = stream;
    if (++this.used > this.capacity * MAX_LOAD) this.rebuild();
    return false;
  }

  /** How many ids are remembered (for tests of the memory bound). */
  get size(): number {
    return this.used;
  }

  /** Drop lapsed entries and resize to four times the live ones: amortised O(1) per insert. */
  private rebuild(): void {
    const { capacity, cells, streams, windowMs, streamList } = this;
    let live = 0;
    for (let slot = 0; slot < capacity; slot++) {
      if (cells[slot * STRIDE] === 0) continue;
      if (cells[slot * STRIDE + 1]! + windowMs > streamList[streams[slot]!]!.latest) live++;
      else cells[slot * STRIDE] = 0;
    }
    let next = MIN_CAPACITY;
    while (next < 4 * live) next *= 2;
    const freshCells = new Float64Array(STRIDE * next);
    const freshStreams = new Int32Array(next);
    const mask = next - 1;
    for (let slot = 0; slot < capacity; slot++) {
      const fingerprint = cells[slot * STRIDE]!;
      if (fingerprint === 0) continue;
      // The home slot comes from the first hash, the fingerprint's low 32 bits.
      let target = (fingerprint % HIGH) & mask;
      while (freshCells[target * STRIDE] !== 0) target = (target + 1) & mask;
      freshCells[target * STRIDE] = fingerprint;
      freshCells[target * STRIDE + 1] = cells[slot * STRIDE + 1]!;
      freshStreams[target] = streams[slot]!;
    }
    this.capacity = next;
    this.cells = freshCells;
    this.streams = freshStreams;
    this.used = live;
  }
}
