// The streaming JSON writer of `simulate --format json`: the same bytes as JSON.stringify(value, null, 2),
// written section by section, so a report too large for one string still gets written.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimulationReport, SubscriptionReport } from '../../src/evaluate/index.js';
import { writeJson, type JsonSink } from '../../src/simulate/report-writer.js';
import { folder, REPO, simulate } from './helpers.js';

/** A sink collecting every write. */
function collector(): JsonSink & { writes: string[]; text(): string } {
  const writes: string[] = [];
  return { writes, write: (s: string) => writes.push(s), text: () => writes.join('') };
}

async function streamed(value: unknown, options: { depth?: number; chunk?: number } = {}): Promise<string> {
  const sink = collector();
  await writeJson(value, sink, options);
  return sink.text();
}

const old = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/** Report-shaped values, with the optional members JSON.stringify drops when undefined. */
const feature = fc.record({
  code: fc.string(),
  limit: fc.oneof(fc.integer(), fc.constant('unlimited'), fc.boolean()),
  usage: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
  peak: fc.integer(),
  accepted: fc.nat(),
  overage: fc.nat(),
  denied: fc.nat(),
  overage_amount: fc.double({ noNaN: true, noDefaultInfinity: true }),
});
const subscription = fc.record({
  id: fc.string({ unit: 'binary' }),
  package: fc.string(),
  status_at_end: fc.constantFrom('pending', 'trial', 'active', 'grace', 'suspended', 'rejected'),
  rejected_reason: fc.option(fc.string(), { nil: undefined }),
  oversold: fc.boolean(),
  phases: fc.array(fc.record({ phase: fc.string(), start: fc.string(), end: fc.string() }), { maxLength: 3 }),
  charges: fc.record({ currency: fc.string(), signup_fee: fc.double({ noNaN: true, noDefaultInfinity: true }), periods: fc.nat(), recurring: fc.nat(), total: fc.nat() }),
  notifications: fc.array(fc.record({ event: fc.string(), feature: fc.option(fc.string(), { nil: undefined }), at: fc.string() }), { maxLength: 3 }),
  features: fc.array(feature, { maxLength: 4 }),
});
const report = fc.record({
  format_version: fc.constant(2),
  end: fc.string(),
  totals: fc.record({ events: fc.nat(), accepted: fc.nat(), overage: fc.nat(), denied: fc.nat(), by_reason: fc.dictionary(fc.string(), fc.nat()) }),
  subscriptions: fc.array(subscription, { maxLength: 8 }),
});

describe('writeJson', () => {
  it('writes the bytes of JSON.stringify(value, null, 2) for random reports, at any depth and chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(report, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 300 }), async (value, depth, chunk) => {
        expect(await streamed(value, { depth, chunk })).toBe(old(value));
      }),
      { numRuns: 200 },
    );
  });

  it('writes the bytes of JSON.stringify for any JSON-like value (undefined, -0, empty containers, odd keys)', async () => {
    const anything = fc.anything({ withNullPrototype: true, withObjectString: false, withBoxedValues: false, withMap: false, withSet: false, withBigInt: false, withDate: true, withTypedArray: false, withSparseArray: true });
    await fc.assert(
      fc.asyncProperty(anything, fc.integer({ min: 0, max: 5 }), async (value, depth) => {
        if (value === undefined || typeof value === 'symbol' || typeof value === 'function') return; // no JSON text at all
        expect(await streamed(value, { depth, chunk: 7 })).toBe(old(value));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out and nulls what JSON.stringify does, and calls toJSON with the key', async () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol('s')], d: { toJSON: (key: string) => `key ${key}` }, e: [{}, []], f: -0 };
    for (const depth of [0, 1, 2, 3]) expect(await streamed(value, { depth })).toBe(old(value));
  });

  it('writes the demo scenario report as it was printed before: one JSON.stringify of the whole report', async () => {
    const yaml = (await readFile(path.join(REPO, 'scenarios/demo.yaml'), 'utf8'))
      .replace('manifest: ../out/manifest.json', `packages: ${path.join(REPO, 'packages.d')}`)
      .replace('events: demo-events.ndjson', `events: ${path.join(REPO, 'scenarios/demo-events.ndjson')}`);
    const dir = await folder({ 'demo.yaml': yaml });
    const { code, stdout } = await simulate(['demo.yaml', '--format', 'json', '--quiet'], dir);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as SimulationReport;
    expect(parsed.subscriptions.length).toBeGreaterThan(3);
    expect(stdout).toBe(old(parsed));
    expect(await streamed(parsed, { chunk: 1 })).toBe(stdout);
  });

  it('writes a 200,000-subscription report, larger than the longest string V8 can hold, piece by piece', async () => {
    // One realistic section, padded to ~3 KB with extra features, copied 200,000 times with its own id.
    const feature = { code: 'max_participants', limit: 250, usage: 180, peak: 249, accepted: 1200, overage: 0, denied: 3, overage_amount: 0, overage_charge: 0 };
    const section: SubscriptionReport = {
      id: 's',
      package: 'meet-standard',
      status_at_end: 'active',
      oversold: false,
      phases: [{ phase: 'trial', start: '2026-01-05T00:00:00.000Z', end: '2026-01-19T00:00:00.000Z' }],
      charges: { currency: 'EUR', seats: 1, signup_fee: 0, periods: 4, recurring: 79.6, overage: 0, unbilled_overage: 0, total: 79.6 },
      notifications: [{ event: 'limit_reached', feature: 'max_participants', at: '2026-02-01T00:00:00.000Z' }],
      features: Array.from({ length: 12 }, (_, i) => ({ ...feature, code: `feature_${i}` })),
    } as unknown as SubscriptionReport;
    const count = 200_000;
    const big = {
      format_version: 2,
      end: '2026-05-01T00:00:00.000Z',
      totals: { events: 0, accepted: 0, overage: 0, denied: 0, by_reason: {}, revenue: {} },
      subscriptions: Array.from({ length: count }, (_, i) => ({ ...section, id: `sub-${i}` })),
    } as SimulationReport;
    const sectionLength = old(big.subscriptions[0]).length;

    let total = 0;
    let longest = 0;
    let head = '';
    let tail = '';
    const sink: JsonSink = {
      write(text: string) {
        total += text.length;
        longest = Math.max(longest, text.length);
        if (head.length < 200) head += text.slice(0, 200);
        tail = (tail + text).slice(-200);
        return true;
      },
    };
    await writeJson(big, sink);
    expect(total).toBeGreaterThan(2 ** 29); // above V8's maximum string length: JSON.stringify would throw
    expect(longest).toBeLessThan((1 << 16) + 2 * sectionLength); // bounded by the chunk plus one section
    expect(head.slice(0, 60)).toBe('{\n  "format_version": 2,\n  "end": "2026-05-01T00:00:00.000Z",'.slice(0, 60));
    const end = '        }\n      ]\n    }\n  ]\n}\n';
    expect(tail.slice(-end.length)).toBe(end);
  });

  it('waits for drain when the sink asks to', async () => {
    const writes: string[] = [];
    let waiting: (() => void) | undefined;
    const sink: JsonSink = {
      write: (s: string) => (writes.push(s), false),
      once: (event, listener) => {
        if (event === 'drain') waiting = listener;
      },
    };
    const done = writeJson({ a: [1, 2, 3] }, sink, { chunk: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(1); // paused on the first write
    for (let i = 0; i < 100 && waiting; i++) {
      const resume = waiting;
      waiting = undefined;
      resume();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await done;
    expect(writes.join('')).toBe(old({ a: [1, 2, 3] }));
  });
});

/** A child process writing a 20,000-subscription report to its real stdout pipe with the built writer. */
function pipeChild(): { stdout: NodeJS.ReadableStream & { destroy(): void }; done: Promise<{ code: number | null; stderr: string }> } {
  const script = `const { writeJson } = await import(${JSON.stringify(path.join(REPO, 'dist/simulate/report-writer.js'))});
const big = { subscriptions: Array.from({ length: 20000 }, (_, i) => ({ id: 's' + i, features: Array.from({ length: 10 }, (_, j) => ({ code: 'f' + j, n: j })) })) };
try { await writeJson(big, process.stdout); process.stderr.write('done'); } catch (e) { process.stderr.write('caught ' + e.code); }`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return { stdout: child.stdout, done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr }))) };
}

describe('writeJson on a real pipe (dist/)', () => {
  it('writes everything through backpressure', async () => {
    const child = pipeChild();
    let length = 0;
    child.stdout.on('data', (c: Buffer) => (length += c.length));
    const { code, stderr } = await child.done;
    expect([code, stderr]).toEqual([0, 'done']);
    expect(length).toBeGreaterThan(1 << 20);
  });

  it('stops with EPIPE, not a crash or a hang, when the reader goes away', async () => {
    const child = pipeChild();
    child.stdout.once('data', () => child.stdout.destroy());
    const { code, stderr } = await child.done;
    expect([code, stderr]).toEqual([0, 'caught EPIPE']);
  });
});
