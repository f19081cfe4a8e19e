// The overage and denied markers of a chart, bounded: every marker is kept until there are more
// than the cap; then markers of the same decision and reason that fall in the same stretch of time
// merge into one that counts them (keeping the highest, the most telling), and the stretches
// double in length until the markers fit. Denials spread over a year stay visible over the year.
import type { UsageMarker } from './usage-history.js';

/** Width of the first stretches, once markers merge (ms). */
const FIRST_WIDTH_MS = 1000;

/** A bounded set of markers. */
export class MarkerBins {
  /** 0 while every marker is kept apart; then the length of a stretch (ms). */
  private width = 0;
  private markers = new Map<string, UsageMarker>();
  private seq = 0;

  /** @param max most markers kept */
  constructor(private readonly max: number) {}

  /** Add a marker that stands for `marker.count` events. */
  add(marker: UsageMarker): void {
    this.put(this.markers, marker, this.seq++);
    if (this.markers.size > this.max) this.coarsen();
  }

  /** The markers in time order. */
  list(): UsageMarker[] {
    return [...this.markers.values()].sort((a, b) => a.t - b.t);
  }

  /** True when some markers stand for several events. */
  get merged(): boolean {
    return this.width > 0;
  }

  private key(marker: UsageMarker, seq: number): string {
    return this.width === 0 ? `#${seq}` : `${Math.floor(marker.t / this.width)}|${marker.decision}|${marker.reason ?? ''}`;
  }

  private put(into: Map<string, UsageMarker>, marker: UsageMarker, seq: number): void {
    const key = this.key(marker, seq);
    const same = into.get(key);
    if (same === undefined) {
      into.set(key, marker);
      return;
    }
    const count = same.count + marker.count;
    const higher = (marker.v ?? -Infinity) > (same.v ?? -Infinity);
    into.set(key, { ...(higher ? marker : same), count });
  }

  private coarsen(): void {
    while (this.markers.size > this.max) {
      this.width = this.width === 0 ? FIRST_WIDTH_MS : this.width * 2;
      const merged = new Map<string, UsageMarker>();
      let seq = 0;
      for (const marker of this.markers.values()) this.put(merged, marker, seq++);
      this.markers = merged;
    }
  }
}
