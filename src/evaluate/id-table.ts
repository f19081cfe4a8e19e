// The dedupe memory of one large stream (recent-transactions.ts): its recent transaction ids as an
// open-addressing table of (52-bit fingerprint, first instant) pairs in one typed array, so a
// lookup costs one probe whatever the stream's size. A stream's log answers "maybe" for about
// one new id in 150 and is then scanned whole: cheap for a log of a thousand ids, but a
// subscription with 700,000 ids in its window paid ~6 µs an event (docs/decisions.md).
// Ids whose first sighting lapsed for good (a window before the stream's latest instant, which only
// grows) are dropped when the table is rebuilt, so memory follows the live window.

/** Numbers per slot: fingerprint (0 = free), first instant. */
const STRIDE = 2;

/** The recent ids of one stream, by fingerprint. */
export class IdTable {
  /** The slots, `STRIDE` numbers each; a power of two of them. */
  private slots: Float64Array;
  /** Slots in use, live or lapsed. */
  size = 0;

  /**
   * @param capacity slots to start with, a power of two
   * @param windowMs the dedupe window
   */
  constructor(
    capacity: number,
    private readonly windowMs: number,
  ) {
    this.slots = new Float64Array(capacity * STRIDE);
  }

  /**
   * Check 2 for the id of fingerprint `key` at `t` (see `RecentTransactions.isDuplicate`): true
   * when its first sighting is less than a window before `t` and before `latest`; otherwise this
   * event becomes its first sighting.
   */
  isDuplicate(key: number, t: number, latest: number): boolean {
    let slots = this.slots;
    let mask = slots.length / STRIDE - 1;
    let i = key & mask;
    for (let k = slots[i * STRIDE]!; k !== 0; k = slots[i * STRIDE]!) {
      if (k === key) {
        const lapse = slots[i * STRIDE + 1]! + this.windowMs;
        if (lapse > t && lapse > latest) return true;
        slots[i * STRIDE + 1] = t; // lapsed: this event is the new first
        return false;
      }
      i = (i + 1) & mask;
    }
    // A new id: keep the table at most half full, dropping lapsed ids first.
    if (2 * (this.size + 1) > mask + 1) {
      this.rebuild(latest);
      slots = this.slots;
      mask = slots.length / STRIDE - 1;
      for (i = key & mask; slots[i * STRIDE] !== 0; i = (i + 1) & mask);
    }
    this.put(i, key, t);
    return false;
  }

  /** Add an id known to be absent (when a log becomes a table). */
  insert(key: number, first: number): void {
    const slots = this.slots;
    const mask = slots.length / STRIDE - 1;
    let i = key & mask;
    while (slots[i * STRIDE] !== 0) i = (i + 1) & mask;
    this.put(i, key, first);
  }

  private put(i: number, key: number, first: number): void {
    this.slots[i * STRIDE] = key;
    this.slots[i * STRIDE + 1] = first;
    this.size++;
  }

  /**
   * Re-insert the ids that can still make a duplicate (first seen less than a window before
   * `latest`), into a table twice the size when they still fill a quarter of this one (so the next
   * rebuild is at least as many new ids away: amortised O(1)).
   */
  private rebuild(latest: number): void {
    const old = this.slots;
    const windowMs = this.windowMs;
    let live = 0;
    for (let at = 0; at < old.length; at += STRIDE) if (old[at] !== 0 && old[at + 1]! + windowMs > latest) live++;
    const capacity = old.length / STRIDE;
    this.slots = new Float64Array((4 * (live + 1) > capacity ? 2 * capacity : capacity) * STRIDE);
    this.size = 0;
    for (let at = 0; at < old.length; at += STRIDE) {
      const key = old[at]!;
      if (key !== 0 && old[at + 1]! + windowMs > latest) this.insert(key, old[at + 1]!);
    }
  }
}
