// Replay in partitions (`simulate --jobs N`, docs/simulation.md#replay-on-every-core): over random
// scenarios and raw event lines (escaped and repeated keys, nested ids, broken JSON, unknown and
// numeric ids, stock-limited packages, cancels, trials, overage prices), the merged report, usage
// histories and charge lines of 2 and 3 partitions are those of one thread, byte for byte.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../src/evaluate/index.js';
import { joinPartitionReports } from '../../src/simulate/partition-join.js';
import { partitionReport, partitionRun } from '../../src/simulate/partition-report.js';
import { replayPartitions, runPartitioned } from '../../src/simulate/partition-run.js';
import { partitionOf, subscriptionKeyOfLine } from '../../src/simulate/partition-route.js';
import { runScenario } from '../../src/simulate/run.js';
import type { Scenario } from '../../src/simulate/scenario.js';
import { UsageHistoryRecorder } from '../../src/simulate/usage-history.js';
import { manifest, ms, pkg } from '../evaluate/helpers.js';
import { tempFolder } from '../helpers/temp.js';

const START = ms('2026-01-01');
const DAY = 86_400_000;

const MANIFEST = manifest(
  pkg('basic', {
    price: 9.99,
    signup_fee: 1.005,
    currency: 'EUR',
    trial_period: 5,
    has_stock: true,
    stock_qty: 2,
    notification_preferences: [{ event: 'quota_threshold', threshold: 80, channels: ['email'] }],
    features: { max_rooms: 3, max_participants: 2, api_calls: 4, recording: true },
  }),
  pkg('pro', {
    price: 1200,
    currency: 'JPY',
    overages_enabled: true,
    features: {
      max_rooms: { value: 2, overage: { price: 150 } },
      max_storage: { value: 5, overage: { model: 'graduated', tiers: [{ up_to: 2, price: 0.333 }, { price: 10 }] } },
      max_participants: { value: 3, overage: { model: 'package', price: 5, per: 2 } },
      viewers: 2,
    },
  }),
  pkg('free', { features: { max_rooms: 1, public_chat: true } }),
);

/** Scenario end days the property picks from (some events fall exactly on them). */
const ENDS = [10, 20, 40, 100];

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const CODES = ['max_rooms', 'max_participants', 'max_storage', 'api_calls', 'viewers', 'recording', 'public_chat', 'nope'];

/** Random subscriptions: a package each, staggered starts, some cancelled or with fixed terms. */
const subscriptionsArb: fc.Arbitrary<Subscription[]> = fc
  .array(
    fc.record({
      package: fc.constantFrom('basic', 'pro', 'free'),
      startDay: fc.integer({ min: 0, max: 40 }),
      cancelDay: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
      immediate: fc.boolean(),
    }),
    { minLength: 1, maxLength: IDS.length },
  )
  .map((raw) =>
    raw.map((r, i): Subscription => ({
      id: IDS[i]!,
      package: r.package,
      starts_at: START + r.startDay * DAY,
      ...(r.cancelDay !== undefined ? { cancel: { at: START + (r.startDay + r.cancelDay) * DAY, mode: r.immediate ? 'immediate' : 'end_of_period' } } : {}),
    })),
  );

/** One raw NDJSON line: mostly plain events, some written in ways the line scan must not misread. */
const lineArb: fc.Arbitrary<(hour: number) => string> = fc
  .record({
    sub: fc.constantFrom(...IDS, 'ghost', 'ünï'),
    code: fc.constantFrom(...CODES),
    tx: fc.integer({ min: 0, max: 40 }),
    back: fc.integer({ min: 0, max: 30 }),
    amount: fc.constantFrom(1, 2.5, 4),
    remove: fc.boolean(),
    session: fc.constantFrom('s1', 's2'),
    shape: fc.constantFrom('plain', 'plain', 'plain', 'plain', 'escaped', 'twice', 'nested', 'spaced', 'broken', 'numeric', 'missing', 'blank', 'iso', 'midnight'),
  })
  .map((r) => (hour: number) => {
    const t = START + (hour - r.back) * 3_600_000;
    const properties = { gb: r.amount, session: r.session, viewer: r.session, operation_type: r.remove ? 'remove' : 'add' };
    const event = { transaction_id: `tx-${r.tx}`, external_subscription_id: r.sub, code: r.code, timestamp: t / 1000, properties };
    switch (r.shape) {
      case 'escaped': // the key written with an escape: only JSON.parse reads it
        return JSON.stringify(event).replace('"external_subscription_id"', '"external_subscription\\u005fid"');
      case 'twice': // JSON.parse keeps the last of repeated keys
        return JSON.stringify(event).replace('{', '{"external_subscription_id":"a",');
      case 'nested': // the id only inside the properties: an invalid event
        return JSON.stringify({ ...event, external_subscription_id: undefined, properties: { ...properties, external_subscription_id: r.sub } });
      case 'spaced':
        return JSON.stringify(event, null, 1).replace(/\n/g, ' ');
      case 'broken':
        return JSON.stringify(event).slice(0, -3);
      case 'numeric':
        return JSON.stringify({ ...event, external_subscription_id: 7 });
      case 'missing':
        return JSON.stringify({ ...event, transaction_id: undefined });
      case 'blank':
        return '   ';
      case 'midnight': // at one of the scenario ends the property picks: exactly at the end, often
        return JSON.stringify({ ...event, timestamp: (START + ENDS[r.tx % ENDS.length]! * DAY) / 1000 });
      case 'iso':
        return JSON.stringify({ ...event, timestamp: new Date(t).toISOString() });
      default:
        return JSON.stringify(event);
    }
  });

const linesArb = fc.array(fc.tuple(lineArb, fc.integer({ min: 0, max: 30 })), { maxLength: 150 }).map((items) => {
  let hour = 0;
  return items.map(([line, step]) => line((hour += step)));
});

/** A scenario over an events file holding `lines`. */
async function scenario(dir: string, subscriptions: Subscription[], lines: string[], end: number | undefined): Promise<Scenario> {
  const file = path.join(dir, `events-${Math.random().toString(36).slice(2)}.ndjson`);
  await writeFile(file, lines.join('\n') + (lines.length > 0 ? '\n' : ''));
  return {
    file: 'scenario.yaml',
    manifest: MANIFEST,
    packagesDisplay: 'manifest.json',
    subscriptions,
    end,
    endSpan: undefined,
    events: { kind: 'file', path: file, display: 'events.ndjson' },
  };
}

/** The run on one thread, with what the HTML page needs. */
async function oneThread(s: Scenario) {
  const history = new UsageHistoryRecorder(s.manifest, s.subscriptions.map((x) => x.id));
  const result = await runScenario(s, { chargeLines: true, onDecision: (event, decision) => history.record(event, decision) });
  return { report: result.report, end: result.end, eventsAfterEnd: result.eventsAfterEnd, histories: history.histories(), chargeLines: result.chargeLines };
}

describe('replay in partitions', () => {
  it('gives the report, histories and charge lines of one thread (2 and 3 partitions, random scenarios)', async () => {
    const dir = await tempFolder('partition');
    await fc.assert(
      fc.asyncProperty(subscriptionsArb, linesArb, fc.option(fc.constantFrom(...ENDS), { nil: undefined }), async (subs, lines, endDay) => {
        const s = await scenario(dir, subs, lines, endDay === undefined ? undefined : START + endDay * DAY);
        const one = await oneThread(s);
        for (const count of [2, 3]) {
          const merged = await runPartitioned(s, { count, histories: true, chargeLines: true });
          expect(JSON.stringify(merged.report)).toBe(JSON.stringify(one.report));
          expect(merged.end).toBe(one.end);
          expect(merged.eventsAfterEnd).toBe(one.eventsAfterEnd);
          expect(merged.histories).toEqual(one.histories);
          expect(merged.chargeLines).toEqual(one.chargeLines);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('--partition K/N reports, each replayed alone, merge into the report of one thread (random scenarios)', async () => {
    const dir = await tempFolder('partition');
    await fc.assert(
      fc.asyncProperty(subscriptionsArb, linesArb, fc.option(fc.constantFrom(...ENDS), { nil: undefined }), fc.integer({ min: 1, max: 4 }), async (subs, lines, endDay, count) => {
        const s = await scenario(dir, subs, lines, endDay === undefined ? undefined : START + endDay * DAY);
        const one = await oneThread(s);
        const run = partitionRun(s, { scenarioText: 'scenario', eventsSha256: '0'.repeat(64) });
        const files = [];
        // Any order: the merge sorts partitions by number.
        for (const k of Array.from({ length: count }, (_, i) => count - 1 - i)) {
          const replayed = await replayPartitions(s, { count, only: k });
          expect(replayed.results.map((r) => r.index)).toEqual([k]);
          files.push({ file: `part-${k + 1}.json`, text: JSON.stringify(partitionReport(s, run, count, replayed.end, replayed.eventsAfterEnd, replayed.results[0]!), null, 2) });
        }
        const joined = joinPartitionReports(files);
        expect(joined.diagnostics).toEqual([]);
        expect(JSON.stringify(joined.report, null, 2)).toBe(JSON.stringify(one.report, null, 2));
      }),
      { numRuns: 40 },
    );
  });

  it('routes a line as JSON.parse reads its top-level subscription id', () => {
    const cases: [string, string | undefined][] = [
      ['{"external_subscription_id":"acme","code":"x"}', 'acme'],
      ['{ "external_subscription_id" :  "acme" }', 'acme'],
      ['{"external_subscription\\u005fid":"acme"}', 'acme'],
      ['{"external_subscription_id":"a","external_subscription_id":"b"}', 'b'],
      ['{"properties":{"external_subscription_id":"a"},"external_subscription_id":"b"}', 'b'],
      ['{"code":"external_subscription_id"}', undefined],
      ['{"external_subscription_id":7}', undefined],
      ['{"external_subscription_id":"a\\"b"}', 'a"b'],
      ['not json', undefined],
    ];
    for (const [line, key] of cases) expect(subscriptionKeyOfLine(line, 'lago'), line).toBe(key);
    expect(subscriptionKeyOfLine('{"subject":"acme","type":"x"}', 'cloudevents')).toBe('acme');
  });

  it('spreads subscription ids over the partitions, the same way every time', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `customer-${i}`);
    for (const count of [2, 3, 8]) {
      const sizes = new Array<number>(count).fill(0);
      for (const id of ids) sizes[partitionOf(id, count)]!++;
      for (const size of sizes) expect(size).toBeGreaterThan(ids.length / count / 2);
    }
    // Pinned: partition reports written by one version are merged by another.
    expect([partitionOf('acme', 3), partitionOf('globex', 3), partitionOf('initech', 3), partitionOf(undefined, 3)]).toEqual([1, 1, 1, 0]);
  });
});
