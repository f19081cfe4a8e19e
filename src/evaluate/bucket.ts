// Buckets hold usage (docs/simulation.md#usage-buckets-and-windows): count and sum = adds − removes; max = the largest amount added;
// unique = how many identities are currently added. Sums are kept to 6 decimals so that adding
// and removing fractions (0.1 GB + 0.2 GB − 0.3 GB) lands exactly on 0 and on integer limits.
import { COUNT, MAX, SUM, type Aggregation } from './feature-rule.js';

/** Decimals kept by sums: amounts are rounded to micro-units. */
const AMOUNT_SCALE = 1_000_000;

/** Round a sum to 6 decimals, the precision usage is kept at (and never -0). */
export function roundAmount(value: number): number {
  return Math.round(value * AMOUNT_SCALE) / AMOUNT_SCALE + 0;
}

/** Usage of one feature in one place (a subscription's window, an account's, a room's, a use). */
export class Bucket {
  /** Current usage. */
  usage = 0;
  /** Highest usage this bucket has reached. */
  peak = 0;
  /** Identities currently added (unique_count_agg only). */
  readonly identities: Set<string> | null;
  /** Instant of the latest event that landed in this bucket (uses expire when idle). */
  lastAt = -Infinity;
  /**
   * High-water mark of the usage above the limit that applied, in micro-units (subscription-level
   * buckets only): overage units are its rises, so usage that falls and rises again is not billed twice.
   */
  excess = 0;

  constructor(aggregation: Aggregation) {
    this.identities = aggregation === COUNT || aggregation === SUM || aggregation === MAX ? null : new Set();
  }

  /** Empty the bucket for a new window. */
  reset(): void {
    this.usage = 0;
    this.peak = 0;
    this.excess = 0;
    this.identities?.clear();
  }

  /** The usage an add would leave. */
  usageAfterAdd(aggregation: Aggregation, amount: number, identity: string): number {
    switch (aggregation) {
      case COUNT:
        return this.usage + 1;
      case SUM:
        return roundAmount(this.usage + amount);
      case MAX:
        return amount > this.usage ? amount : this.usage;
      default:
        return this.identities!.has(identity) ? this.usage : this.usage + 1;
    }
  }

  /** The usage a remove would leave (never called for max_agg, whose removes are invalid). */
  usageAfterRemove(aggregation: Aggregation, amount: number, identity: string): number {
    switch (aggregation) {
      case COUNT:
        return this.usage - 1;
      case SUM:
        return roundAmount(this.usage - amount);
      default:
        return this.identities!.has(identity) ? this.usage - 1 : this.usage;
    }
  }

  /** Apply an add. */
  add(aggregation: Aggregation, amount: number, identity: string): void {
    this.usage = this.usageAfterAdd(aggregation, amount, identity);
    if (this.identities !== null) this.identities.add(identity);
    if (this.usage > this.peak) this.peak = this.usage;
  }

  /** Apply a remove. */
  remove(aggregation: Aggregation, amount: number, identity: string): void {
    this.usage = this.usageAfterRemove(aggregation, amount, identity);
    if (this.identities !== null) this.identities.delete(identity);
  }
}
