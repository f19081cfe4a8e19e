// Admission of subscriptions (docs/simulation.md#lifecycle): in order of `starts_at` (ties: scenario order), a
// subscription to a retired or non-active package is rejected, and one to a package whose stock
// is taken by live subscriptions is rejected or, with oversell, admitted as oversold. Whether a
// subscription is live depends only on its timeline, so admission is decided before any event.
import { timelineOf, type Timeline } from './lifecycle.js';
import type { EvaluatorPackage, Subscription } from './model.js';

/** Why a subscription was rejected. */
export type RejectionReason = 'not_subscribable' | 'out_of_stock';

/** The admission of one subscription. */
export interface Admission {
  /** The subscription's timeline (also kept for rejected ones: their start still matters). */
  timeline: Timeline;
  /** Why it was rejected; undefined when admitted. */
  rejected: RejectionReason | undefined;
  /** Admitted beyond the package's stock thanks to `oversell_enabled`. */
  oversold: boolean;
}

/** A min-heap of instants: the grace ends of a package's live subscriptions. */
class InstantHeap {
  private readonly items: number[] = [];

  /** How many instants are held. */
  get size(): number {
    return this.items.length;
  }

  /** The smallest instant (Infinity when empty). */
  peek(): number {
    return this.items[0] ?? Infinity;
  }

  /** Add an instant. */
  push(value: number): void {
    const items = this.items;
    let i = items.push(value) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= value) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = value;
  }

  /** Remove the smallest instant. */
  pop(): void {
    const items = this.items;
    const last = items.pop();
    if (last === undefined || items.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && items[right]! < items[left]! ? right : left;
      if (items[child]! >= last) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
  }
}

/**
 * Admit subscriptions; the result is in the input's order. `packageOf` resolves each
 * subscription's package (the caller has checked they exist).
 */
export function admit(
  subscriptions: readonly Subscription[],
  packageOf: (sub: Subscription) => EvaluatorPackage,
): Admission[] {
  const admissions: Admission[] = subscriptions.map((sub) => ({
    timeline: timelineOf(packageOf(sub), sub),
    rejected: undefined,
    oversold: false,
  }));
  const order = subscriptions.map((_, i) => i);
  // Array.prototype.sort is stable: ties keep the scenario's order.
  order.sort((a, b) => subscriptions[a]!.starts_at - subscriptions[b]!.starts_at);
  const live = new Map<string, InstantHeap>();
  for (const i of order) {
    const sub = subscriptions[i]!;
    const pkg = packageOf(sub);
    const admission = admissions[i]!;
    if (pkg.retired || pkg.status !== 'active') {
      admission.rejected = 'not_subscribable';
      continue;
    }
    if (!pkg.has_stock) continue;
    let heap = live.get(pkg.code);
    if (!heap) live.set(pkg.code, (heap = new InstantHeap()));
    // Live at the start means in trial, active or grace: started already and grace not over.
    while (heap.peek() <= sub.starts_at) heap.pop();
    if (heap.size >= (pkg.stock_qty ?? Infinity)) {
      if (!pkg.oversell_enabled) {
        admission.rejected = 'out_of_stock';
        continue;
      }
      admission.oversold = true;
    }
    heap.push(admission.timeline.graceEnd);
  }
  return admissions;
}
