// The uses of one non-consumable feature of one subscription (docs/simulation.md#usage-buckets-and-windows),
// for count, sum and max: an open-addressing table in one typed array, keyed by the use key's
// 52-bit fingerprint (fingerprint.ts), each slot holding (fingerprint, usage, excess, latest
// instant) side by side — 32 bytes, so finding a use and reading its state is one cache line. A
// `Map<string, Bucket>` cost a probe and, for each new use, a bucket object and a key string that
// lived for the idle time and were promoted by the garbage collector (hundreds of thousands live
// in the benchmark); here a new use is four stores into an array that refers to no event.
// Two use keys of one feature are mistaken for each other with a probability of about
// (its live uses) / 2⁵² per event. Idle uses are dropped when the table is rebuilt, so memory
// follows the live uses, not every use ever seen. (unique_count_agg keeps its identities in a
// `Set` per use, so it keeps the `Map`: see state.ts.)
import { fingerprint } from './fingerprint.js';

/** Smallest table, in slots. */
const MIN_CAPACITY = 16;

/** Numbers per slot: fingerprint (0 = free), usage, excess high-water mark (micro-units), latest instant. */
const STRIDE = 4;
const USAGE = 1;
const EXCESS = 2;
const LAST_AT = 3;

/** The uses of one feature. */
export class UseTable {
  /** The slots, `STRIDE` numbers each. */
  private slots = new Float64Array(MIN_CAPACITY * STRIDE);
  /** Slots in use. */
  size = 0;

  /**
   * The slot of `use` at `t` (an offset into the table, valid until the next call): a use unseen,
   * or idle for `idleMs` or more, starts afresh (usage and excess 0). Marks the use as seen at `t`.
   */
  slot(use: string, t: number, idleMs: number): number {
    const key = fingerprint(0, use);
    let slots = this.slots;
    let mask = slots.length / STRIDE - 1;
    let i = key & mask;
    for (let k = slots[i * STRIDE]!; k !== 0; k = slots[i * STRIDE]!) {
      if (k === key) {
        const at = i * STRIDE;
        if (slots[at + LAST_AT]! + idleMs <= t) {
          slots[at + USAGE] = 0;
          slots[at + EXCESS] = 0;
        }
        slots[at + LAST_AT] = t;
        return at;
      }
      i = (i + 1) & mask;
    }
    // A new use: keep the table at most half full, dropping idle uses first.
    if (2 * (this.size + 1) > mask + 1) {
      this.rebuild(t, idleMs);
      slots = this.slots;
      mask = slots.length / STRIDE - 1;
      for (i = key & mask; slots[i * STRIDE] !== 0; i = (i + 1) & mask);
    }
    const at = i * STRIDE;
    slots[at] = key;
    slots[at + USAGE] = 0;
    slots[at + EXCESS] = 0;
    slots[at + LAST_AT] = t;
    this.size++;
    return at;
  }

  /** The slot of `use`, or -1 when it has none (for reading usage outside the hot loop). */
  find(use: string): number {
    const key = fingerprint(0, use);
    const slots = this.slots;
    const mask = slots.length / STRIDE - 1;
    for (let i = key & mask; slots[i * STRIDE] !== 0; i = (i + 1) & mask) if (slots[i * STRIDE] === key) return i * STRIDE;
    return -1;
  }

  /** Usage of the use in `slot`. */
  usageAt(slot: number): number {
    return this.slots[slot + USAGE]!;
  }

  /** Excess high-water mark (micro-units) of the use in `slot`. */
  excessAt(slot: number): number {
    return this.slots[slot + EXCESS]!;
  }

  /** Store the usage and excess of the use in `slot` (after an event was applied to it). */
  store(slot: number, usage: number, excess: number): void {
    this.slots[slot + USAGE] = usage;
    this.slots[slot + EXCESS] = excess;
  }

  /**
   * Re-insert the uses that are not idle at `t`, into a table twice the size when they still fill
   * a quarter of this one (so the next rebuild is at least as many new uses away: amortised O(1)).
   */
  private rebuild(t: number, idleMs: number): void {
    const old = this.slots;
    let live = 0;
    for (let at = 0; at < old.length; at += STRIDE) if (old[at] !== 0 && old[at + LAST_AT]! + idleMs > t) live++;
    const capacity = old.length / STRIDE;
    const slots = (this.slots = new Float64Array((4 * (live + 1) > capacity ? 2 * capacity : capacity) * STRIDE));
    const mask = slots.length / STRIDE - 1;
    for (let at = 0; at < old.length; at += STRIDE) {
      const key = old[at]!;
      if (key === 0 || old[at + LAST_AT]! + idleMs <= t) continue;
      let i = key & mask;
      while (slots[i * STRIDE] !== 0) i = (i + 1) & mask;
      const to = i * STRIDE;
      slots[to] = key;
      slots[to + USAGE] = old[at + USAGE]!;
      slots[to + EXCESS] = old[at + EXCESS]!;
      slots[to + LAST_AT] = old[at + LAST_AT]!;
    }
    this.size = live;
  }
}
