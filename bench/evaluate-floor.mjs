// `node --expose-gc bench/evaluate-floor.mjs [--events N] [--runs N]`: what any evaluator written in
// JavaScript must spend on the events of bench/evaluate.mjs part 1, measured on the same events
// (parsed afresh for each run, as there): a loop that only reads what the evaluator has to read —
// the envelope's fields, every character of the transaction id (an exact dedupe hashes it), of the
// timestamp (parsed) and of a non-consumable's use key, the subscription looked up by id, the code
// compared, the payload's fields — and returns a fresh decision-shaped object. A second loop adds
// the two memory accesses the evaluator's state needs at this scale: one word of a 2 MB dedupe
// filter and one slot of a 16 KB use table per subscription and feature, at random as hashes fall.
// The evaluator's own rate is printed beside them, and its cost inside a replay: JSON.parse of each
// line then `record`, less JSON.parse alone (see docs/decisions.md, "Performance").
import { MANIFEST, SUBS, eventLines, parseLines } from './events.mjs';
import { median } from './lib.mjs';
import { createEvaluator } from '../dist/evaluate/index.js';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const n = option('--events', 1_000_000);
const runs = option('--runs', 5);

const CODES = Object.keys(MANIFEST.packages[0].features);
const USE_KEYS = CODES.map((code) => MANIFEST.packages[0].features[code].feature_settings.use_key ?? undefined);
const FIELDS = CODES.map((code) => MANIFEST.packages[0].features[code].field_suffix ?? undefined);

/** Every character of `s`, summed: what reading a string for a hash or a parse costs at least. */
function readAll(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The reads alone; without `characters`, the strings' lengths instead of their characters; with
 * `memory`, plus a filter word and a use slot at random per event.
 */
function floor(events, characters, memory) {
  const subs = new Map(SUBS.map((s, i) => [s.id, { index: i, latest: -Infinity }]));
  const filters = new Int32Array(512 * SUBS.length); // 2 MB: 512 words a subscription
  const uses = new Float64Array(512 * 4 * 2 * SUBS.length); // 16 KB a subscription and feature
  let accepted = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const id = e.transaction_id;
    const subId = e.external_subscription_id;
    const code = e.code;
    const timestamp = e.timestamp;
    if (typeof id !== 'string' || typeof subId !== 'string' || typeof code !== 'string' || typeof timestamp !== 'string') continue;
    const key = characters ? readAll(id) : id.length;
    const t = characters ? readAll(timestamp) : timestamp.length;
    const sub = subs.get(subId);
    if (sub === undefined) continue;
    let rule = -1;
    for (let c = 0; c < CODES.length; c++) if (CODES[c] === code) (rule = c), (c = CODES.length);
    if (rule < 0) continue;
    const p = e.properties;
    if (p.operation_type !== undefined) continue;
    const field = FIELDS[rule];
    const amount = field === undefined ? 1 : p[field];
    const useKey = USE_KEYS[rule];
    let use = 0;
    if (useKey !== undefined) use = characters ? readAll(p[useKey]) : p[useKey].length;
    if (memory) {
      const word = sub.index * 512 + (Math.imul(key, 0x9e3779b1) >>> 23);
      filters[word] |= 1 << (key & 31);
      if (useKey !== undefined) {
        const slot = ((sub.index * 2 + (rule & 1)) * 512 + (Math.imul(use, 0x85ebca6b) >>> 23)) * 4;
        uses[slot + 1] += amount;
        uses[slot + 3] = t;
      }
    }
    sub.latest = t;
    const decision = { decision: 'accepted', reason: undefined, level: 'subscription', usage_before: rule, usage_after: amount, limit: 1, window: undefined, at: t, overage_units: undefined };
    if (decision.decision === 'accepted') accepted++;
  }
  return accepted;
}

function evaluator(events) {
  const e = createEvaluator(MANIFEST, SUBS);
  let accepted = 0;
  for (let i = 0; i < events.length; i++) if (e.record(events[i]).decision === 'accepted') accepted++;
  return accepted;
}

/** Each line parsed just before it is used, as in a replay; `use` is the evaluator or nothing. */
function parsing(lines, withEvaluator) {
  const e = withEvaluator ? createEvaluator(MANIFEST, SUBS) : null;
  let accepted = 0;
  for (let i = 0; i < lines.length; i++) {
    const event = JSON.parse(lines[i]);
    if (e === null ? typeof event === 'object' : e.record(event).decision === 'accepted') accepted++;
  }
  return accepted;
}

const lines = await eventLines(n);
const kinds = [
  ['fields, not their characters', (events) => floor(events, false, false)],
  ['fields and their characters', (events) => floor(events, true, false)],
  ['+ a filter word and a use slot', (events) => floor(events, true, true)],
  ['the evaluator (record)', evaluator],
  // In a replay the event was parsed an instant before: its objects are still in the caches.
  ['JSON.parse of each line', () => parsing(lines, false)],
  ['JSON.parse + the evaluator', () => parsing(lines, true)],
];
const rates = kinds.map(() => []);
let events = null;
for (let run = 0; run <= runs; run++) {
  for (let k = 0; k < kinds.length; k++) {
    events = null;
    globalThis.gc?.();
    events = parseLines(lines);
    globalThis.gc?.();
    const start = performance.now();
    const accepted = kinds[k][1](events);
    const ns = ((performance.now() - start) * 1e6) / n;
    if (accepted !== n) throw new Error(`${kinds[k][0]}: ${accepted} of ${n} accepted`);
    if (run > 0) rates[k].push(ns); // the first run compiles
  }
}
console.log(`# evaluator floor — ${n.toLocaleString('en-US')} events, ${runs} runs each after a warm-up (ns an event, median; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(', ')})`);
for (let k = 0; k < kinds.length; k++) console.log(`  ${kinds[k][0].padEnd(32)} ${median(rates[k]).toFixed(0).padStart(5)} ns  (${(1e3 / median(rates[k])).toFixed(2)}M/s)`);
const inReplay = median(rates[5]) - median(rates[4]);
console.log(`  the evaluator inside a replay     ${inReplay.toFixed(0).padStart(5)} ns  (${(1e3 / inReplay).toFixed(2)}M/s): the last two lines' difference`);
