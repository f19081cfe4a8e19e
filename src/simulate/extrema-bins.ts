// Downsampling a usage series while it streams in: time is cut into bins of equal width, and each
// bin keeps its first, lowest, highest and last point — enough to draw the series at that
// resolution without losing a peak or a drop. When there are too many bins their width doubles
// and neighbours merge, so memory stays bounded however many events arrive.

/** A point of a usage series. */
export interface UsagePoint {
  /** Instant (ms). */
  t: number;
  /** Usage after the event. */
  v: number;
  /** End of the reset window the usage belongs to (ms); Infinity when it never resets. */
  windowEnd: number;
}

/** One point kept by a bin, with its arrival order. */
interface Kept {
  t: number;
  v: number;
  windowEnd: number;
  seq: number;
}

/** The extremes of one bin. */
interface Bin {
  first: Kept;
  last: Kept;
  min: Kept;
  max: Kept;
}

/** A series downsampled to at most `maxBins` bins (up to 4 points each). */
export class ExtremaBins {
  private width: number;
  private bins = new Map<number, Bin>();
  private seq = 0;

  /**
   * @param maxBins most bins kept; when exceeded, bins double in width
   * @param initialWidthMs the width bins start with
   */
  constructor(
    private readonly maxBins: number,
    initialWidthMs = 1000,
  ) {
    this.width = initialWidthMs;
  }

  /** Current bin width (ms). */
  get binWidth(): number {
    return this.width;
  }

  /**
   * Add a point. Points come in time order: a subscription's applied events are (older ones are
   * refused as out of order), and the drawing follows arrival order.
   */
  add(t: number, v: number, windowEnd: number): void {
    const point: Kept = { t, v, windowEnd, seq: this.seq++ };
    const key = Math.floor(t / this.width);
    const bin = this.bins.get(key);
    if (bin === undefined) {
      this.bins.set(key, { first: point, last: point, min: point, max: point });
      if (this.bins.size > this.maxBins) this.coarsen();
      return;
    }
    bin.last = point;
    if (v < bin.min.v) bin.min = point;
    if (v > bin.max.v) bin.max = point;
  }

  /** The kept points in arrival order, each once. */
  points(): UsagePoint[] {
    const keys = [...this.bins.keys()].sort((a, b) => a - b);
    const out: UsagePoint[] = [];
    for (const key of keys) {
      const bin = this.bins.get(key)!;
      const kept = [bin.first, bin.min, bin.max, bin.last].sort((a, b) => a.seq - b.seq);
      let previous = -1;
      for (const k of kept) {
        if (k.seq === previous) continue;
        previous = k.seq;
        out.push({ t: k.t, v: k.v, windowEnd: k.windowEnd });
      }
    }
    return out;
  }

  /** Double the bin width until the bins fit, merging neighbours. */
  private coarsen(): void {
    while (this.bins.size > this.maxBins) {
      this.width *= 2;
      const merged = new Map<number, Bin>();
      for (const [key, bin] of this.bins) {
        const to = Math.floor(key / 2);
        const other = merged.get(to);
        merged.set(to, other === undefined ? bin : mergeBins(other, bin));
      }
      this.bins = merged;
    }
  }
}

/** The extremes of two bins together. */
function mergeBins(a: Bin, b: Bin): Bin {
  return {
    first: a.first.seq <= b.first.seq ? a.first : b.first,
    last: a.last.seq >= b.last.seq ? a.last : b.last,
    min: a.min.v < b.min.v || (a.min.v === b.min.v && a.min.seq <= b.min.seq) ? a.min : b.min,
    max: a.max.v > b.max.v || (a.max.v === b.max.v && a.max.seq <= b.max.seq) ? a.max : b.max,
  };
}
