// The data behind the HTML report's charts (`svcpkg simulate --html`): for each subscription and
// feature, its usage over time built from the per-event decisions as they stream by —
// downsampled (see extrema-bins.ts), with its reset windows and a marker for every overage and
// denied event, up to caps. Memory is bounded by the caps, not by the number of events.
import type { Decision, DenialReason, EvaluatorManifest, Level, ReportedLimit, UsageEvent } from '../evaluate/index.js';
import { ExtremaBins, type UsagePoint } from './extrema-bins.js';
import { MarkerBins } from './marker-bins.js';

export type { UsagePoint } from './extrema-bins.js';

/**
 * How a feature is drawn: `window` — a consumable quota, usage accumulating in reset windows;
 * `use` — a per-use quota (participants per meeting), the highest use at each time; `switch` —
 * a feature without a quota, its events on a strip.
 */
export type ChartKind = 'window' | 'use' | 'switch';

/** An overage or denied event, drawn as a marker. */
export interface UsageMarker {
  /** Instant (ms). */
  t: number;
  /** Height to draw it at: the usage it reached or would have reached; null for a denial without usage (drawn on the baseline). */
  v: number | null;
  /** Overage (applied above the limit) or denied. */
  decision: 'overage' | 'denied';
  /** Why it was denied. */
  reason?: DenialReason;
  /** The level whose limit it went above. */
  level?: Level;
  /** The limit at that level. */
  limit?: ReportedLimit;
  /** The event's transaction id (of the highest, when it stands for several). */
  transaction_id: string | null;
  /** How many events it stands for: 1, or more where dense markers were merged. */
  count: number;
}

/** A reset window of a consumable feature. */
export interface ResetWindow {
  /** First instant (ms). */
  start: number;
  /** First instant after it (ms); Infinity when it never resets. */
  end: number;
}

/** One subscription and feature over time. */
export interface FeatureHistory {
  /** Subscription id. */
  subscription: string;
  /** Feature code. */
  feature: string;
  /** How it is drawn. */
  kind: ChartKind;
  /** Events that named it (with a valid instant or not). */
  events: number;
  /** Instant of its first event with a valid timestamp (ms); undefined when none had one. */
  first: number | undefined;
  /** Instant of its last event with a valid timestamp (ms). */
  last: number | undefined;
  /** The usage line (`window`, `use`) or the instants of applied events (`switch`), downsampled, in time order. */
  points: UsagePoint[];
  /** Overage and denied events, in time order: every one up to the cap, then merged by stretches of time. */
  markers: UsageMarker[];
  /** True when some markers stand for several events. */
  markersMerged: boolean;
  /** Reset windows that held events (`window` only), up to the cap. */
  windows: ResetWindow[];
  /** Reset windows beyond the cap, not kept. */
  windowsDropped: number;
}

/** Caps of a history. */
export interface UsageHistoryOptions {
  /** Bins per series (each keeps up to 4 points). Default 240. */
  maxBins?: number;
  /** Markers kept per series before merging. Default 240. */
  maxMarkers?: number;
  /** Reset windows kept per series. Default 400. */
  maxWindows?: number;
  /** Subscriptions charted, the first ones in scenario order. Default 200. */
  maxSubscriptions?: number;
}

/** The kind of every feature a manifest knows (catalog, then codes only packages have). */
export function featureKinds(manifest: EvaluatorManifest): Map<string, ChartKind> {
  const kinds = new Map<string, ChartKind>();
  const kindOf = (f: { consumable: boolean; quota: boolean; feature_settings: { value_type: string } }): ChartKind =>
    !f.quota || f.feature_settings.value_type === 'switch' ? 'switch' : f.consumable ? 'window' : 'use';
  for (const f of manifest.catalog.features) kinds.set(f.code, kindOf(f));
  for (const pkg of manifest.packages) {
    for (const [code, f] of Object.entries(pkg.features)) if (!kinds.has(code)) kinds.set(code, kindOf(f));
  }
  return kinds;
}

/** One series being recorded. */
class Series {
  readonly bins: ExtremaBins;
  events = 0;
  first: number | undefined = undefined;
  last: number | undefined = undefined;
  readonly markers: MarkerBins;
  readonly windows: ResetWindow[] = [];
  windowsDropped = 0;
  /** Latest subscription-level usage and the end of its window, to place markers of other levels. */
  private lastUsage = 0;
  private lastWindowEnd = Infinity;

  constructor(
    readonly subscription: string,
    readonly feature: string,
    readonly kind: ChartKind,
    maxBins: number,
    maxMarkers: number,
    private readonly maxWindows: number,
  ) {
    this.bins = new ExtremaBins(maxBins);
    this.markers = new MarkerBins(maxMarkers);
  }

  record(transactionId: string | null, decision: Decision): void {
    this.events++;
    const t = decision.at;
    if (t === undefined) return;
    if (this.first === undefined || t < this.first) this.first = t;
    if (this.last === undefined || t > this.last) this.last = t;
    const window = decision.window;
    if (this.kind === 'window' && window !== undefined) this.noteWindow(window.start, window.end);
    const outcome = decision.decision;
    const after = decision.usage_after;
    if (outcome === 'accepted' || outcome === 'overage') {
      if (this.kind === 'switch') this.bins.add(t, 1, Infinity);
      else if (this.kind === 'use' && after !== undefined) this.bins.add(t, after, Infinity);
      else if (decision.level === 'subscription' && after !== undefined) {
        // An overage above an account's or room's limit reports that bucket: the line keeps the
        // last subscription-level usage, which the next event at that level corrects.
        const windowEnd = window?.end ?? Infinity;
        this.bins.add(t, after, windowEnd);
        this.lastUsage = after;
        this.lastWindowEnd = windowEnd;
      }
      if (outcome === 'overage') this.mark(transactionId, decision, t, this.height(decision, t));
      return;
    }
    const placed = decision.reason === 'over_limit' ? this.height(decision, t) : null;
    this.mark(transactionId, decision, t, placed);
  }

  /** Where a marker of an event that reached a limit goes. */
  private height(decision: Decision, t: number): number | null {
    if (this.kind === 'switch') return null;
    if (this.kind === 'use' || decision.level === 'subscription') return decision.usage_after ?? null;
    return t < this.lastWindowEnd ? this.lastUsage : 0;
  }

  private mark(transactionId: string | null, decision: Decision, t: number, v: number | null): void {
    const marker: UsageMarker = { t, v, decision: decision.decision === 'overage' ? 'overage' : 'denied', transaction_id: transactionId, count: 1 };
    if (decision.reason !== undefined) marker.reason = decision.reason;
    if (decision.level !== undefined) marker.level = decision.level;
    if (decision.limit !== undefined) marker.limit = decision.limit;
    this.markers.add(marker);
  }

  private noteWindow(start: number, end: number): void {
    const latest = this.windows[this.windows.length - 1];
    if (latest !== undefined && latest.start === start) return;
    if (this.windows.some((w) => w.start === start)) return;
    if (this.windows.length >= this.maxWindows) {
      this.windowsDropped++;
      return;
    }
    this.windows.push({ start, end });
  }

  history(): FeatureHistory {
    return {
      subscription: this.subscription,
      feature: this.feature,
      kind: this.kind,
      events: this.events,
      first: this.first,
      last: this.last,
      points: this.bins.points(),
      markers: this.markers.list(),
      markersMerged: this.markers.merged,
      windows: [...this.windows].sort((a, b) => a.start - b.start),
      windowsDropped: this.windowsDropped,
    };
  }
}

/** Records the usage history of one run from its decisions. */
export class UsageHistoryRecorder {
  private readonly kinds: Map<string, ChartKind>;
  /** Series by subscription, then feature; only charted subscriptions have an entry. */
  private readonly series = new Map<string, Map<string, Series>>();
  private readonly maxBins: number;
  private readonly maxMarkers: number;
  private readonly maxWindows: number;
  /** Subscriptions beyond the cap, which are not charted. */
  readonly uncharted: readonly string[];

  /**
   * @param manifest the packages of the run (for how each feature is drawn)
   * @param subscriptions the scenario's subscription ids, in scenario order
   */
  constructor(manifest: EvaluatorManifest, subscriptions: readonly string[], options: UsageHistoryOptions = {}) {
    this.kinds = featureKinds(manifest);
    this.maxBins = options.maxBins ?? 240;
    this.maxMarkers = options.maxMarkers ?? 240;
    this.maxWindows = options.maxWindows ?? 400;
    const charted = subscriptions.slice(0, options.maxSubscriptions ?? 200);
    for (const id of charted) this.series.set(id, new Map());
    this.uncharted = subscriptions.slice(charted.length);
  }

  /** Record one event's decision. Events naming no charted subscription or known feature are skipped. */
  record(event: UsageEvent | undefined, decision: Decision): void {
    if (typeof event !== 'object' || event === null) return;
    const subscription = event.external_subscription_id;
    const code = event.code;
    if (typeof subscription !== 'string' || typeof code !== 'string') return;
    const features = this.series.get(subscription);
    if (features === undefined) return;
    let series = features.get(code);
    if (series === undefined) {
      const kind = this.kinds.get(code);
      if (kind === undefined) return;
      series = new Series(subscription, code, kind, this.maxBins, this.maxMarkers, this.maxWindows);
      features.set(code, series);
    }
    series.record(typeof event.transaction_id === 'string' ? event.transaction_id : null, decision);
  }

  /** Every recorded history, by subscription (scenario order), then feature (first event order). */
  histories(): FeatureHistory[] {
    const out: FeatureHistory[] = [];
    for (const features of this.series.values()) for (const series of features.values()) out.push(series.history());
    return out;
  }
}
