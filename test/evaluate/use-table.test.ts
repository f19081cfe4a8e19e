// The use table (use-table.ts): the same usage as a Map of uses that restart when idle, through
// rebuilds and idle drops, and memory that follows the live uses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UseTable } from '../../src/evaluate/use-table.js';

/** The rule with an unbounded Map: a use idle for `idleMs` or more starts afresh. */
class Model {
  private readonly uses = new Map<string, { usage: number; excess: number; lastAt: number }>();
  slot(use: string, t: number, idleMs: number): { usage: number; excess: number; lastAt: number } {
    let state = this.uses.get(use);
    if (state === undefined) this.uses.set(use, (state = { usage: 0, excess: 0, lastAt: t }));
    else if (state.lastAt + idleMs <= t) (state.usage = 0), (state.excess = 0);
    state.lastAt = t;
    return state;
  }
}

describe('UseTable', () => {
  it('agrees with the Map model through rebuilds and idle uses', () => {
    const op = fc.record({ use: fc.integer({ min: 0, max: 400 }), step: fc.integer({ min: 0, max: 4 }), add: fc.integer({ min: 1, max: 9 }) });
    fc.assert(
      fc.property(fc.array(op, { minLength: 200, maxLength: 2000 }), fc.integer({ min: 1, max: 300 }), (ops, idleMs) => {
        const table = new UseTable();
        const model = new Model();
        let clock = 0;
        for (const { use, step, add } of ops) {
          clock += step;
          const key = `use-${use}`;
          const slot = table.slot(key, clock, idleMs);
          const expected = model.slot(key, clock, idleMs);
          expect(table.usageAt(slot)).toBe(expected.usage);
          expect(table.excessAt(slot)).toBe(expected.excess);
          expected.usage += add;
          expected.excess = Math.max(expected.excess, add);
          table.store(slot, expected.usage, expected.excess);
          expect(table.usageAt(table.find(key))).toBe(expected.usage);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('finds nothing for a use never seen', () => {
    const table = new UseTable();
    table.slot('a', 0, 10);
    expect(table.find('b')).toBe(-1);
  });

  it('drops idle uses, so it holds about the live ones, not all ever seen', () => {
    const table = new UseTable();
    let most = 0;
    // One new use a tick, idle after 1,000 ticks: about 1,000 live, 100,000 ever seen.
    for (let t = 0; t < 100_000; t++) {
      table.slot(`u${t}`, t, 1000);
      most = Math.max(most, table.size);
    }
    expect(most).toBeLessThan(2.5 * 1000);
  });
});
