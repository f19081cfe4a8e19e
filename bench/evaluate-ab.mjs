// `node --expose-gc bench/evaluate-ab.mjs [A] [B] [--quick] [--runs N] [--events N] [--subscriptions K]`: the evaluator
// in-process (pre-parsed events through `record`, parsed afresh for each run, as bench/evaluate.mjs
// part 1) for two builds in one process, run alternately A, B, A, B… so that a busy moment of this
// shared machine weighs on both alike. A and B are `dist/` folders (default: A = /tmp/e-base-dist, a copy of the build
// before a change; B = this repository's dist/). Prints each build's median, the spread, B's speed
// as a multiple of A's, and the load average beside them.
// `--subscriptions K` sends the events of subscription i to subscription i mod K (same events, K
// streams: with few, each stream holds many more ids in its dedupe window and uses in its tables).
// Example: `cp -r dist /tmp/base-dist` before a change, rebuild after, then
//   node --expose-gc bench/evaluate-ab.mjs /tmp/base-dist dist
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MANIFEST, SUBS, eventLines, parseLines } from './events.mjs';
import { loadAverage, median } from './lib.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const QUICK = args.includes('--quick');
const positional = args.filter((a, i) => !a.startsWith('--') && !['--runs', '--events', '--subscriptions'].includes(args[i - 1]));
const builds = [positional[0] ?? '/tmp/e-base-dist', positional[1] ?? 'dist'].map((dir) => path.resolve(dir));
// 1M events at the bench's density span 50 days: past the 35-day dedupe window, so it is full.
const n = option('--events', QUICK ? 200_000 : 1_000_000);
const runs = option('--runs', QUICK ? 5 : 7);
const subscriptions = option('--subscriptions', SUBS.length);

const evaluators = await Promise.all(builds.map((dir) => import(pathToFileURL(path.join(dir, 'evaluate', 'index.js')).href)));
const lines = await eventLines(n);

/**
 * One run of a build: events per second of wall time, and per second of CPU time (the process's,
 * all threads: the garbage collector's helpers count). On a machine whose cores other processes
 * share, the CPU-time rate leaves out the time the run waited for a core, so it is the steadier
 * figure for comparing two builds (the caches they share with others still weigh on both).
 */
function run(build) {
  // Each run parses its events afresh (outside the timing), as a replay does (events.mjs).
  let events = null;
  globalThis.gc?.(); // each run starts without the previous one's events and garbage
  events = parseLines(lines);
  if (subscriptions !== SUBS.length) for (const e of events) e.external_subscription_id = SUBS[Number(e.external_subscription_id.slice(4)) % subscriptions].id;
  globalThis.gc?.();
  const evaluator = evaluators[build].createEvaluator(MANIFEST, SUBS);
  let accepted = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < n; i++) if (evaluator.record(events[i]).decision === 'accepted') accepted++;
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (accepted !== n) throw new Error(`bench: build ${build}: expected every event accepted, got ${accepted} of ${n}`);
  return { wall: n / (wall / 1000), cpu: n / ((used.user + used.system) / 1e6) };
}

console.log(`# evaluator A/B — ${n.toLocaleString('en-US')} pre-parsed events, ${subscriptions.toLocaleString('en-US')} subscriptions, ${runs} runs each alternating${globalThis.gc ? '' : ' (no --expose-gc: runs include the previous run\'s garbage)'}`);
console.log(`A: ${builds[0]}\nB: ${builds[1]}\nload average before: ${loadAverage()}`);
// A warm-up run of each compiles its hot loop.
run(0);
run(1);
const samples = [[], []];
for (let r = 0; r < runs; r++) {
  // Alternate which build goes first, so neither always follows the other's garbage.
  const order = r % 2 === 0 ? [0, 1] : [1, 0];
  for (const b of order) samples[b].push(run(b));
}
const fmt = (v) => `${(v / 1e6).toFixed(2)}M/s`;
for (const kind of ['wall', 'cpu']) {
  const rates = samples.map((s) => s.map((x) => x[kind]));
  console.log(`events/s of ${kind === 'wall' ? 'wall time' : 'CPU time'}:`);
  for (const b of [0, 1]) console.log(`  ${'AB'[b]}: median ${fmt(median(rates[b]))} (runs ${rates[b].map(fmt).join(' ')})`);
  const pairs = rates[0].map((a, i) => rates[1][i] / a);
  console.log(`  B/A: ${(median(rates[1]) / median(rates[0])).toFixed(3)}× (median of per-pair ratios ${median(pairs).toFixed(3)}×)`);
}
console.log(`load average after: ${loadAverage()}`);
