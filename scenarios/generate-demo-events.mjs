// Regenerates demo-events.ndjson, the usage of scenarios/demo.yaml (deterministic: a seeded PRNG).
// Usage: node scenarios/generate-demo-events.mjs scenarios/demo-events.ndjson
import { writeFileSync } from 'node:fs';
let seed = 20260105;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = (a) => a[Math.floor(rand() * a.length)];
const day = (iso) => Date.parse(iso + 'T00:00:00Z');
const H = 3600_000, M = 60_000, D = 24 * H;
const events = [];
let n = 0;
const add = (sub, code, t, properties, txid) => events.push({ transaction_id: txid ?? `${sub}-${String(++n).padStart(5, '0')}`, external_subscription_id: sub, code, timestamp: new Date(t).toISOString().replace('.000Z', 'Z'), ...(properties ? { properties } : {}) });

// A meeting: participants join and leave, duration is reported at the end, maybe a recording.
// Only the participants let in leave: `cap` is the plan's limit (overage plans let everyone in).
function meeting(sub, start, { room, account, people, minutes, recorded, chat, cap = Infinity, gbPerHour = 0.6 }) {
  const session = `${sub}-${room}-${new Date(start).toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
  for (let i = 0; i < people; i++) add(sub, 'max_participants', start + i * 5_000, { session, account, room });
  if (chat) add(sub, chat, start + 5 * M, { room, account });
  add(sub, 'screen_sharing', start + 7 * M, { room, account });
  if (recorded) add(sub, 'recording', start + 8 * M, { room, account });
  for (let i = 0; i < Math.min(people, cap); i++) add(sub, 'max_participants', start + minutes * M - i * 5_000, { session, account, room, operation_type: 'remove' });
  add(sub, 'max_duration', start + minutes * M, { session, account, room, minutes });
  if (recorded) {
    add(sub, 'max_recordings', start + minutes * M + 2 * M, { account, room });
    add(sub, 'max_storage', start + minutes * M + 3 * M, { account, gb: Math.round((minutes / 60) * gbPerHour * 100) / 100 });
  }
}

// acme: meet-standard from Jan 5 (14-day trial). Sets up rooms (two too many, and the sales
// account over its own cap), holds weekly meetings, one too big, and tries private chat.
{
  const s = 'acme';
  let t = day('2026-01-05') + 9 * H;
  add(s, 'max_accounts', t, { account: 'eng' });
  add(s, 'max_accounts', t + M, { account: 'sales' });
  for (let i = 1; i <= 5; i++) add(s, 'max_rooms', t + (10 + i) * M, { account: 'sales', room: `sales-${i}` }); // sales may have 4: one over
  for (let i = 1; i <= 5; i++) add(s, 'max_rooms', t + (30 + i) * M, { account: 'eng', room: `eng-${i}` });
  add(s, 'max_rooms', day('2026-02-02') + 10 * H, { account: 'eng', room: 'eng-6' });
  add(s, 'max_rooms', day('2026-02-02') + 11 * H, { account: 'eng', room: 'eng-7' }); // the 11th room: over the limit of 10
  add(s, 'max_rooms', day('2026-02-03') + 9 * H, { account: 'eng', room: 'eng-5', operation_type: 'remove' });
  add(s, 'max_rooms', day('2026-02-03') + 10 * H, { account: 'eng', room: 'eng-7' });
  for (let week = 0; week < 16; week++) {
    const monday = day('2026-01-05') + week * 7 * D;
    meeting(s, monday + 9 * H, { room: 'eng-2', account: 'eng', people: 6 + Math.floor(rand() * 5), minutes: 30, recorded: week % 2 === 0 });
    meeting(s, monday + 2 * D + 14 * H, { room: 'sales-1', account: 'sales', people: 3 + Math.floor(rand() * 4), minutes: 45, recorded: true, chat: week === 3 ? 'private_chat' : 'public_chat' });
  }
  // The all-hands: 52 people for a 50-participant plan; and 5 hours for a 4-hour plan.
  meeting(s, day('2026-03-02') + 16 * H, { room: 'eng-3', account: 'eng', people: 52, minutes: 300, recorded: true, cap: 50 });
}

// globex: meet-premium from Jan 15 (overages enabled): records a lot, and one webinar-sized
// meeting beyond 250 participants.
{
  const s = 'globex';
  const t = day('2026-01-15') + 8 * H;
  for (let i = 1; i <= 10; i++) add(s, 'max_rooms', t + i * M, { account: 'main', room: `g-${i}` });
  for (let d = 0; d < 105; d += 1) {
    const at = day('2026-01-15') + d * D;
    const weekday = new Date(at).getUTCDay();
    if (weekday !== 2 && weekday !== 4) continue;
    meeting(s, at + 10 * H, { room: pick(['g-1', 'g-2', 'g-3']), account: 'main', people: 4 + Math.floor(rand() * 6), minutes: 60 + Math.floor(rand() * 4) * 30, recorded: true, chat: 'private_chat', gbPerHour: 3 });
  }
  meeting(s, day('2026-03-19') + 15 * H, { room: 'g-9', account: 'main', people: 262, minutes: 90, recorded: true, gbPerHour: 3 });
  // Exported twice by the upstream system: the same transaction again.
  const again = events.filter((e) => e.external_subscription_id === s && e.code === 'max_storage').slice(0, 3);
  for (const e of again) events.push({ ...e, timestamp: new Date(Date.parse(e.timestamp) + 30 * M).toISOString().replace('.000Z', 'Z') });
}

// initech: meet-standard from Feb 1, cancels on Mar 10 at the end of the period. Access ends
// Mar 15, grace runs to Mar 22; meetings after that are refused.
{
  const s = 'initech';
  add(s, 'max_rooms', day('2026-02-01') + 9 * H, { account: 'ops', room: 'ops-1' });
  for (let week = 0; week < 10; week++) {
    const start = day('2026-02-02') + week * 7 * D + 13 * H;
    // Once suspended, nobody gets in, so nobody leaves.
    meeting(s, start, { room: 'ops-1', account: 'ops', people: 4, minutes: 40, recorded: week % 3 === 0, cap: start >= day('2026-03-22') ? 0 : Infinity });
  }
  // A late event arriving after a newer one: out of order.
  add(s, 'max_storage', day('2026-02-10') + 9 * H, { gb: 0.2 }, 'initech-late-upload');
}

// umbrella: subscribes to webinar-basic, which is inactive: rejected, every event refused.
{
  const s = 'umbrella';
  add(s, 'max_accounts', day('2026-02-15') + 9 * H, { account: 'events' });
  add(s, 'max_storage', day('2026-02-15') + 10 * H, { gb: 2 });
}

// Noise an export may carry: an unknown subscription, an unknown feature, a malformed event.
add('hooli', 'max_rooms', day('2026-02-20') + 9 * H, { room: 'x' });
add('acme', 'max_screens', day('2026-02-21') + 9 * H, {});
events.push({ transaction_id: 'acme-bad-ts', external_subscription_id: 'acme', code: 'max_storage', timestamp: '2026-02-30T09:00:00Z', properties: { gb: 1 } });

// Sort by time, but keep initech's late event where it arrived (after its newer events).
const late = events.filter((e) => e.transaction_id === 'initech-late-upload');
const rest = events.filter((e) => !late.includes(e));
const key = (e) => (Number.isNaN(Date.parse(e.timestamp)) ? Date.parse('2026-03-01T00:00:00Z') : Date.parse(e.timestamp));
rest.sort((a, b) => key(a) - key(b));
const out = [];
for (const e of rest) {
  out.push(e);
  if (e.external_subscription_id === 'initech' && e.timestamp.startsWith('2026-02-16') && late.length > 0) out.push(...late.splice(0));
}
writeFileSync(process.argv[2], out.map((e) => JSON.stringify(e)).join('\n') + '\n');
console.log(out.length, 'events');
