// The benchmark's usage: one meet package whose limits are never reached, 1,000 subscriptions,
// and a deterministic stream of realistic Lago events (~170 bytes of NDJSON each) over them.
// Shared by bench/evaluate.mjs, bench/evaluate-ab.mjs and by anyone profiling the evaluator by hand:
//   node --cpu-prof -e "import('./bench/events.mjs').then(...)"
import { existsSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import { rng } from './corpus.mjs';
import { CORPUS_DIR } from './lib.mjs';

export const SUBSCRIPTIONS = 1_000;
export const EVENTS_PER_DAY = 20_000;
export const DAY = 86_400_000;
export const START = Date.UTC(2026, 0, 1);

// ---------------------------------------------------------------------------------------------
// The manifest: one meet package whose limits the benchmark never reaches.

function feature(code, extra = {}, settings = {}) {
  return {
    code,
    aggregation_type: 'count_agg',
    consumable: false,
    quota: true,
    periodicity_type: 'monthly',
    periodicity: 0,
    field_suffix: null,
    ...extra,
    feature_settings: { value_type: 'limit', use_key: null, override_levels: [], ...settings },
  };
}

const CATALOG = [
  feature('max_rooms', { consumable: true }, { override_levels: ['account'] }),
  feature('max_participants', {}, { use_key: 'session', override_levels: ['account', 'room'] }),
  feature('max_duration', { aggregation_type: 'sum_agg', field_suffix: 'minutes' }, { use_key: 'session', override_levels: ['account', 'room'] }),
  feature('max_storage', { aggregation_type: 'sum_agg', field_suffix: 'gb', consumable: true, periodicity: 1 }),
  feature('recording', { quota: false }, { value_type: 'switch', override_levels: ['room'] }),
];
export const MANIFEST = {
  catalog: { features: CATALOG },
  packages: [
    {
      code: 'meet-bench',
      status: 'active',
      retired: false,
      price: 19.9,
      signup_fee: 0,
      currency: 'EUR',
      periodicity: 1,
      periodicity_type: 'month',
      trial_period: 14,
      trial_interval: 'day',
      trial_mode: 'outside',
      grace_period: 0,
      grace_interval: 'day',
      has_stock: false,
      stock_qty: null,
      oversell_enabled: false,
      overages_enabled: false,
      notification_preferences: [{ event: 'quota_threshold', channels: ['email'], threshold: 80 }],
      features: Object.fromEntries(
        CATALOG.map((f) => [f.code, { ...f, value: f.feature_settings.value_type === 'switch' ? true : f.code === 'max_rooms' ? true : 1_000_000_000 }]),
      ),
    },
  ],
};
export const SUBS = Array.from({ length: SUBSCRIPTIONS }, (_, i) => ({ id: `sub_${String(i).padStart(4, '0')}`, package: 'meet-bench', starts_at: START }));

// ---------------------------------------------------------------------------------------------
// Events: the i-th event of the stream, as one NDJSON line (~170 bytes, like a Lago export).

/** The line of event `i`; instants rise with i, so every subscription's events are in order. */
export function eventLine(i, random, perDay = EVENTS_PER_DAY) {
  const sub = SUBS[(i * 7919) % SUBSCRIPTIONS].id;
  const t = START + Math.floor((i / perDay) * DAY);
  const day = Math.floor((t - START) / DAY);
  const kind = i % 10;
  const code = kind < 2 ? 'max_rooms' : kind < 4 ? 'max_storage' : kind < 7 ? 'max_participants' : kind < 8 ? 'max_duration' : 'recording';
  const properties = { account: `acc_${i % 50}`, room: `room_${i % 200}` };
  if (code === 'max_storage') properties.gb = Math.round(random() * 200) / 100;
  if (code === 'max_participants' || code === 'max_duration') properties.session = `ses_${sub}_${day}_${i % 3}`;
  if (code === 'max_duration') properties.minutes = 15 + Math.floor(random() * 90);
  return JSON.stringify({
    transaction_id: `evt_${i.toString(36).padStart(7, '0')}_${((i * 2654435761) >>> 0).toString(16)}`,
    external_subscription_id: sub,
    code,
    timestamp: new Date(t).toISOString(),
    properties,
  });
}

/** Chunks of about 1 MiB holding the lines of events 0..n-1. */
export async function* eventChunks(n, perDay = EVENTS_PER_DAY) {
  const random = rng(7);
  let lines = [];
  let size = 0;
  for (let i = 0; i < n; i++) {
    const line = eventLine(i, random, perDay);
    lines.push(line);
    size += line.length + 1;
    if (size >= 1 << 20) {
      yield lines.join('\n') + '\n';
      lines = [];
      size = 0;
    }
  }
  if (lines.length > 0) yield lines.join('\n') + '\n';
}

/** bench/.corpus/events-N.ndjson, written once. */
export async function eventsFile(n) {
  const file = path.join(CORPUS_DIR, `events-${n}.ndjson`);
  if (existsSync(file)) return file;
  await mkdir(CORPUS_DIR, { recursive: true });
  const temporary = `${file}.tmp`;
  const handle = await open(temporary, 'w');
  for await (const chunk of eventChunks(n)) await handle.write(chunk);
  await handle.close();
  await rename(temporary, file);
  return file;
}

/** The NDJSON lines of the first `n` events. */
export async function eventLines(n) {
  const lines = [];
  for await (const chunk of eventChunks(n)) for (const line of chunk.split('\n')) if (line) lines.push(line);
  return lines;
}

/**
 * The events of `lines`, parsed afresh. An in-process run takes a fresh parse, as a replay does:
 * events reused from a previous run carry what that run left in their strings (V8 caches a
 * string's hash in it, so a `Map` lookup by the feature code, a string too long for `JSON.parse`
 * to internalise, costs less the second time than in any replay).
 */
export function parseLines(lines) {
  return lines.map((line) => JSON.parse(line));
}

/** The first `n` events, parsed (for in-process runs: events already parsed). */
export async function parsedEvents(n) {
  return parseLines(await eventLines(n));
}
