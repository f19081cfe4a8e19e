// `node bench/simulate-memory.mjs [--quick]` (after `npm run build`): the two memory budgets of
// simulate that bench/evaluate.mjs does not cover (docs/simulation.md, the README's Performance):
//   1. distinct session ids: every event opens a use of its own (a new `session`), N events and then
//      10·N at the same density (10M distinct session ids in the full run). Uses end after 35 idle
//      days (docs/simulation.md), so the live state, and the peak live memory, must stay flat.
//   2. the JSON report of 200,000 subscriptions, written as `simulate --format json` writes it: what
//      writing adds to the live memory must be bounded by a section or a few (the report object is in
//      memory either way), so it is printed against the size of the report's text.
// Live memory is the JS heap plus typed-array backing stores, sampled after a full GC.
import { createEvaluator } from '../dist/evaluate/index.js';
import { writeJson } from '../dist/simulate/report-writer.js';
import { DAY, MANIFEST, START } from './events.mjs';
import { QUICK, liveBytes, machine, report, requireExposedGc } from './lib.mjs';

requireExposedGc(import.meta.url);

const gc = globalThis.gc;
const mib = (bytes) => bytes / 2 ** 20;

// ---------------------------------------------------------------------------------------------
// 1. Every event a new session.

const SUBSCRIPTIONS = 1_000;
const subscriptions = Array.from({ length: SUBSCRIPTIONS }, (_, i) => ({ id: `sub_${String(i).padStart(4, '0')}`, package: 'meet-bench', starts_at: START }));

/** The i-th event: a participant joining a session no other event names (a use of its own). */
function sessionEvent(i, perDay) {
  return JSON.stringify({
    transaction_id: `evt_${i.toString(36)}`,
    external_subscription_id: subscriptions[(i * 7919) % SUBSCRIPTIONS].id,
    code: i % 4 === 3 ? 'max_duration' : 'max_participants',
    timestamp: new Date(START + Math.floor((i / perDay) * DAY)).toISOString(),
    properties: { account: `acc_${i % 50}`, room: `room_${i % 200}`, session: `ses_${i.toString(36)}`, ...(i % 4 === 3 ? { minutes: 30 } : {}) },
  });
}

/** Peak live memory replaying n events, perDay a day, each line parsed as the replay parses it. */
function peakWithSessions(n, perDay) {
  const evaluator = createEvaluator(MANIFEST, subscriptions);
  gc();
  let peak = liveBytes();
  const every = Math.ceil(n / 64); // 64 samples a run, whatever its size
  for (let i = 0; i < n; i++) {
    const decision = evaluator.record(JSON.parse(sessionEvent(i, perDay)));
    if (decision.decision !== 'accepted') throw new Error(`bench: event ${i} ${decision.decision} (${decision.reason})`);
    if (i % every === every - 1) {
      gc();
      peak = Math.max(peak, liveBytes());
    }
  }
  gc();
  peak = Math.max(peak, liveBytes());
  evaluator.report(START + Math.ceil(n / perDay + 1) * DAY);
  return peak;
}

function benchSessions() {
  const n = QUICK ? 100_000 : 1_000_000;
  const perDay = n / 100; // N events over 100 days, then 10·N over 1,000: the window is full in both
  const small = peakWithSessions(n, perDay);
  const large = peakWithSessions(10 * n, perDay);
  console.log(`\n## simulate memory — every event a new session: ${n.toLocaleString('en-US')} and ${(10 * n).toLocaleString('en-US')} distinct session ids, ${perDay.toLocaleString('en-US')} a day`);
  return report({
    name: `peak live memory, ${(10 * n).toLocaleString('en-US')} distinct sessions`,
    value: mib(large),
    unit: 'MiB',
    baselineName: `${n.toLocaleString('en-US')} distinct sessions`,
    baseline: mib(small),
    budget: { text: '≤ 1.5× (flat)', ok: (_, ratio) => ratio <= 1.5 },
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Writing the report of many subscriptions.

/** A sink that counts what it is given and keeps nothing, sampling live memory now and then. */
function countingSink(sample) {
  let chars = 0;
  let writes = 0;
  return {
    write(text) {
      chars += text.length;
      if (++writes % 64 === 0) sample();
      return true;
    },
    get chars() {
      return chars;
    },
  };
}

/** What writing the JSON report of `count` subscriptions (one accepted event each) adds to live memory at its peak. */
async function writeGrowth(count) {
  const subs = Array.from({ length: count }, (_, i) => ({ id: `customer-${String(i).padStart(6, '0')}`, package: 'meet-bench', starts_at: START }));
  const evaluator = createEvaluator(MANIFEST, subs);
  for (let i = 0; i < count; i++) {
    evaluator.record({ transaction_id: `t${i}`, external_subscription_id: subs[i].id, code: 'max_rooms', timestamp: new Date(START + DAY).toISOString(), properties: {} });
  }
  const result = evaluator.report(START + 40 * DAY);
  gc();
  const before = liveBytes();
  let peak = before;
  // Sampling without a GC would count the garbage of finished sections; a GC every 64 writes keeps
  // the figure to what is still referenced.
  const sink = countingSink(() => {
    gc();
    peak = Math.max(peak, liveBytes());
  });
  await writeJson(result, sink);
  gc();
  peak = Math.max(peak, liveBytes());
  return { growth: peak - before, chars: sink.chars };
}

async function benchReportWrite() {
  const count = QUICK ? 50_000 : 200_000;
  const { growth, chars } = await writeGrowth(count);
  console.log(`\n## simulate report — the JSON report of ${count.toLocaleString('en-US')} subscriptions, written as \`--format json\` writes it: what writing adds to live memory, against the report's text`);
  return report({
    name: `live memory added while writing, ${count.toLocaleString('en-US')} subscriptions`,
    value: growth / 1024,
    unit: 'KiB',
    baselineName: "the report's text",
    baseline: chars / 1024,
    budget: { text: '≤ 0.01× (a few sections at a time, never the report)', ok: (_, ratio) => ratio <= 0.01 },
  });
}

console.log(`# simulate memory${QUICK ? ' (--quick)' : ''}\nmachine: ${machine()}`);
benchSessions();
await benchReportWrite();
