// The dedupe memory: same answers as a plain Map model, and memory bounded by the window.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LARGE_LOG, RecentTransactions } from '../../src/evaluate/recent-transactions.js';

/**
 * The rule of check 2 with an unbounded Map: what the table must agree with. With `hash`, ids of
 * one fingerprint are one id, as the table takes them.
 */
class Model {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly windowMs: number,
    private readonly hash: (id: string) => number | string = (id) => id,
  ) {}
  isDuplicate(stream: number, id: string, t: number, latest: number): boolean {
    const key = `${stream}\u0000${this.hash(id)}`;
    const first = this.seen.get(key);
    if (first !== undefined && first + this.windowMs > t && first + this.windowMs > latest) return true;
    this.seen.set(key, t);
    return false;
  }
}

/** One recorded id: its stream, its number, and how far the clock moves before it (back, too). */
interface Op {
  stream: number;
  id: number;
  step: number;
}

/** Replay `ops` through the table and the model, expecting the same answer to every id. */
function agreeOn(table: RecentTransactions, model: Model, ops: readonly Op[], streamCount: number): void {
  const streams = Array.from({ length: streamCount }, () => ({ latest: -Infinity }));
  let clock = 0;
  for (const { stream, id, step } of ops) {
    clock = Math.max(0, clock + step);
    const s = streams[stream]!;
    const expected = model.isDuplicate(stream, `t${id}`, clock, s.latest);
    expect(table.isDuplicate(stream, `t${id}`, clock, s.latest)).toBe(expected);
    if (!expected && clock >= s.latest) s.latest = clock;
  }
}

describe('RecentTransactions', () => {
  it('agrees with the Map model through rebuilds, lapses and out-of-order instants', () => {
    const op = fc.record({ stream: fc.integer({ min: 0, max: 5 }), id: fc.integer({ min: 0, max: 3000 }), step: fc.integer({ min: -3, max: 5 }) });
    fc.assert(
      fc.property(fc.array(op, { minLength: 500, maxLength: 3000 }), fc.integer({ min: 1, max: 400 }), (ops, windowMs) => {
        agreeOn(new RecentTransactions(windowMs), new Model(windowMs), ops, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with the Map model when the table is compacted in place many times', () => {
    // A steady live set (a few hundred ids per window) keeps the table at one size: every rebuild
    // drops lapsed ids in place, moving the others back towards their home slots, across the
    // table's wrap-around. Ids come back at random gaps, some within the window, some after it.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 50, max: 300 }), (seed, windowMs) => {
        const streams = Array.from({ length: 3 }, () => ({ latest: -Infinity }));
        const table = new RecentTransactions(windowMs);
        const model = new Model(windowMs);
        let state = seed;
        const next = (): number => (state = (Math.imul(state, 48271) % 2147483647) >>> 0);
        for (let clock = 0; clock < 20_000; clock++) {
          const stream = next() % 3;
          const id = `r${next() % 1500}`; // ids recur: duplicates inside the window, lapsed ones after it
          const t = clock - (next() % 4 === 0 ? next() % 20 : 0); // some out of order
          const s = streams[stream]!;
          const expected = model.isDuplicate(stream, id, t, s.latest);
          expect(table.isDuplicate(stream, id, t, s.latest)).toBe(expected);
          if (!expected && t >= s.latest) s.latest = t;
        }
        expect(table.size).toBeLessThan(1024);
      }),
      { numRuns: 20 },
    );
  });

  it('keeps memory proportional to the ids inside the window, not to the event count', () => {
    const streams = [{ latest: -Infinity }];
    const table = new RecentTransactions(1000);
    let peak = 0;
    for (let i = 0; i < 200_000; i++) {
      table.isDuplicate(0, `id-${i}`, i, streams[0]!.latest); // one new id per ms, 1000 live
      streams[0]!.latest = i;
      peak = Math.max(peak, table.size);
    }
    expect(peak).toBeLessThan(4096);
  });

  it('agrees with the Map model when logs become tables, through growth, lapses and out-of-order instants', () => {
    // A tiny `largeLog` turns every busy stream's log into a hash table (id-table.ts) early.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 20, max: 400 }),
        fc.constantFrom(16, 32, 64),
        fc.integer({ min: 50, max: 3000 }),
        (seed, windowMs, largeLog, distinct) => {
          const streams = Array.from({ length: 3 }, () => ({ latest: -Infinity }));
          const table = new RecentTransactions(windowMs, largeLog);
          const model = new Model(windowMs);
          let state = seed;
          const next = (): number => (state = (Math.imul(state, 48271) % 2147483647) >>> 0);
          for (let clock = 0; clock < 6000; clock++) {
            const stream = next() % 3;
            const id = `r${next() % distinct}`;
            const t = clock - (next() % 4 === 0 ? next() % 30 : 0);
            const s = streams[stream]!;
            const expected = model.isDuplicate(stream, id, t, s.latest);
            expect(table.isDuplicate(stream, id, t, s.latest)).toBe(expected);
            if (!expected && t >= s.latest) s.latest = t;
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('agrees with the Map model when fingerprints collide, in logs and in tables', () => {
    // A fingerprint of 1..7 makes most ids collide: the table must take colliding ids for one
    // (the documented risk, 2⁻⁵² per pair with real fingerprints) and stay consistent.
    const tiny = (id: string): number => 1 + (id.length * 31 + id.charCodeAt(id.length - 1)) % 7;
    fc.assert(
      fc.property(
        fc.array(fc.record({ stream: fc.integer({ min: 0, max: 2 }), id: fc.integer({ min: 0, max: 500 }), step: fc.integer({ min: -3, max: 5 }) }), { minLength: 200, maxLength: 2000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(16, LARGE_LOG),
        (ops, windowMs, largeLog) => {
          agreeOn(new RecentTransactions(windowMs, largeLog, tiny), new Model(windowMs, tiny), ops, 3);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps a large stream (a table) proportional to its live window too', () => {
    const live = LARGE_LOG * 2; // live ids in the window: past LARGE_LOG, so the log becomes a table
    const table = new RecentTransactions(live);
    let latest = -Infinity;
    let peak = 0;
    const events = 4 * live;
    for (let i = 0; i < events; i++) {
      if (table.isDuplicate(0, `id-${i}`, i, latest)) throw new Error(`id-${i} taken for a duplicate`);
      latest = i;
      peak = Math.max(peak, table.size);
    }
    expect(peak).toBeLessThan(4 * live);
    // Every id of the last window is still a duplicate, an older one is not.
    const last = events - 1;
    expect(table.isDuplicate(0, `id-${last}`, events, latest)).toBe(true);
    expect(table.isDuplicate(0, `id-${events - live + 1}`, events, latest)).toBe(true);
    expect(table.isDuplicate(0, `id-${events - live - 1}`, events, latest)).toBe(false);
  });

  it('tells apart equal ids of different streams', () => {
    const streams = [{ latest: 0 }, { latest: 0 }];
    const table = new RecentTransactions(1000);
    expect(table.isDuplicate(0, 'x', 1, 0)).toBe(false);
    expect(table.isDuplicate(1, 'x', 1, 0)).toBe(false);
    expect(table.isDuplicate(0, 'x', 2, 1)).toBe(true);
    expect(table.isDuplicate(1, 'x', 2, 1)).toBe(true);
  });
});
