// Where an event of a known feature lands and what it does there (docs/simulation.md#usage-buckets-and-windows):
// the subscription-level bucket (a consumable's window or a use) and the account and room buckets,
// the bounds a remove or an add must keep in each (check 5, continued), and check 8, the limit at
// each level. One per evaluator, refilled for each event: the hot loop allocates nothing here.
import { Bucket } from './bucket.js';
import type { Level } from './decision.js';
import { COUNT, SUM, type FeatureRule } from './feature-rule.js';
import type { FeaturePlan } from './overrides.js';
import type { Payload } from './payload.js';
import { idOf } from './payload.js';
import type { FeatureState } from './state.js';

/** Whether adding `amount` to a sum bucket would take it to Infinity. */
function overflows(bucket: Bucket | null, amount: number): boolean {
  return bucket !== null && !Number.isFinite(bucket.usageAfterAdd(SUM, amount, ''));
}

/** The buckets of the event being decided and, once measured, what an add would do there. */
export class Landing {
  /** The subscription-level bucket: the consumable's window, or the use. */
  bucket = new Bucket(COUNT);
  /** The account's bucket, when the account has a value of its own (consumables). */
  accountBucket: Bucket | null = null;
  /** The room's bucket, when the room has a value of its own (consumables). */
  roomBucket: Bucket | null = null;
  /** Usage of the subscription-level bucket after an add (`measure`). */
  after = 0;
  /** Whether an add exceeds a limit at any level (`measure`). */
  exceeded = false;
  /** The level reported: the first exceeded, else the subscription's (`measure`). */
  level: Level = 'subscription';
  /** The limit at the reported level (`measure`). */
  limit = 0;
  /** Usage of the reported level's bucket before and after an add (`measure`). */
  shownBefore = 0;
  shownAfter = 0;

  /**
   * Find the buckets of an event of `f` at `t`: a consumable's window rolls first when `t` left it;
   * a non-consumable's event lands in the use named by its use key (`idleMs`: when a use is over).
   */
  land(f: FeatureState, payload: Payload, properties: Record<string, unknown>, t: number, idleMs: number): void {
    const rule = f.rule;
    if (rule.consumable) {
      if (t >= f.window.end || t < f.window.start) f.roll(t);
      this.bucket = f.bucket;
      this.accountBucket = payload.account === undefined ? null : f.accountBucket(payload.account);
      this.roomBucket = payload.room === undefined ? null : f.roomBucket(payload.room);
    } else {
      this.bucket = f.useBucket(rule.useKey === undefined ? undefined : idOf(properties[rule.useKey]), t, idleMs);
      this.accountBucket = null;
      this.roomBucket = null;
    }
  }

  /** Check 5, continued: the first bucket a remove (count or sum) would take below 0, or null. */
  underflow(rule: FeatureRule, payload: Payload): Bucket | null {
    const aggregation = rule.aggregation;
    const { amount, identity } = payload;
    if (this.bucket.usageAfterRemove(aggregation, amount, identity) < 0) return this.bucket;
    const account = this.accountBucket;
    if (account !== null && account.usageAfterRemove(aggregation, amount, identity) < 0) return account;
    const room = this.roomBucket;
    if (room !== null && room.usageAfterRemove(aggregation, amount, identity) < 0) return room;
    return null;
  }

  /**
   * Check 5, continued: whether a sum's add would take a bucket to Infinity (finite amounts can
   * overflow together); usage stays a finite number, which the JSON report can hold.
   */
  overflows(payload: Payload): boolean {
    const amount = payload.amount;
    return overflows(this.bucket, amount) || overflows(this.accountBucket, amount) || overflows(this.roomBucket, amount);
  }

  /**
   * Check 8: an add above the limit at any level. Reported: the subscription's bucket when nothing
   * is exceeded, else the first level exceeded along subscription → account → room.
   */
  measure(rule: FeatureRule, plan: FeaturePlan, payload: Payload): void {
    const { amount, identity, accountLimit, roomLimit } = payload;
    const aggregation = rule.aggregation;
    const bucket = this.bucket;
    const after = bucket.usageAfterAdd(aggregation, amount, identity);
    let level: Level = 'subscription';
    let limit = plan.limit;
    let shownBefore = bucket.usage;
    let shownAfter = after;
    let exceeded = false;
    if (rule.quota && !rule.isSwitch) {
      if (!rule.consumable) {
        // A use is one bucket, capped by the narrowest value that applies to the event.
        if (accountLimit < limit) (limit = accountLimit), (level = 'account');
        if (roomLimit < limit) (limit = roomLimit), (level = 'room');
        exceeded = limit === 0 || after > limit;
      } else if (limit === 0 || after > limit) {
        exceeded = true;
      } else {
        const accountBucket = this.accountBucket;
        if (accountBucket !== null) {
          const accountAfter = accountBucket.usageAfterAdd(aggregation, amount, identity);
          if (accountLimit === 0 || accountAfter > accountLimit) {
            exceeded = true;
            level = 'account';
            limit = accountLimit;
            shownBefore = accountBucket.usage;
            shownAfter = accountAfter;
          }
        }
        const roomCap = accountLimit < roomLimit ? accountLimit : roomLimit;
        const roomBucket = this.roomBucket;
        if (!exceeded && roomBucket !== null) {
          const roomAfter = roomBucket.usageAfterAdd(aggregation, amount, identity);
          if (roomCap === 0 || roomAfter > roomCap) {
            exceeded = true;
            level = 'room';
            limit = roomCap;
            shownBefore = roomBucket.usage;
            shownAfter = roomAfter;
          }
        }
      }
    }
    this.after = after;
    this.exceeded = exceeded;
    this.level = level;
    this.limit = limit;
    this.shownBefore = shownBefore;
    this.shownAfter = shownAfter;
  }

  /** Apply an add to every bucket the event lands in. */
  add(aggregation: FeatureRule['aggregation'], payload: Payload): void {
    const { amount, identity } = payload;
    this.bucket.add(aggregation, amount, identity);
    this.accountBucket?.add(aggregation, amount, identity);
    this.roomBucket?.add(aggregation, amount, identity);
  }

  /** Apply a remove to every bucket the event lands in. */
  remove(aggregation: FeatureRule['aggregation'], payload: Payload): void {
    const { amount, identity } = payload;
    this.bucket.remove(aggregation, amount, identity);
    this.accountBucket?.remove(aggregation, amount, identity);
    this.roomBucket?.remove(aggregation, amount, identity);
  }
}
