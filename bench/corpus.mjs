// Deterministic benchmark corpora: N valid packages spread over files, and usage event streams.
// `node bench/corpus.mjs packages DIR N` or `node bench/corpus.mjs events FILE M` (seeded: same output every time).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Small, fast, seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SWITCHES = ['recording', 'private_chat', 'public_chat', 'screen_sharing', 'allow_create_account', 'allow_delete_account'];
const LIMITS = ['max_accounts', 'max_rooms', 'max_participants', 'max_duration', 'max_storage', 'max_recordings', 'record_expiration'];

/** The YAML of package number i: a realistic active meet package that validates cleanly. */
export function packageYaml(i, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const tier = i; // unique tiers: no SP4004 noise
  const lines = [
    `code: pkg-${String(i).padStart(5, '0')}`,
    `name: Package ${i}`,
    `description: Generated package number ${i} for benchmarks, with a realistic size and a few features.`,
    `short_description: Benchmark package ${i}`,
    `service_type: meet`,
    `status: active`,
    `tier: ${tier}`,
    `price: ${(10 + i * 0.5).toFixed(2)}`,
    `currency: EUR`,
    `periodicity: 1`,
    `periodicity_type: month`,
    `trial_period: ${pick([0, 7, 14, 30])}`,
    `trial_interval: day`,
    `grace_period: ${pick([0, 3, 7])}`,
    `overages_enabled: ${random() < 0.3}`,
    `providers:`,
    `  - type: bbb`,
    `    name: bbb-${i % 7}`,
    `    default: true`,
    `features:`,
  ];
  for (const code of LIMITS) lines.push(`  ${code}: ${10 + i}`); // grows with i: no dominated packages
  for (const code of SWITCHES) lines.push(`  ${code}: true`);
  lines.push(
    `notification_preferences:`,
    `  - event: quota_threshold`,
    `    channels: [email, webhook]`,
    `    threshold: ${pick([50, 75, 80, 90])}`,
    `  - event: trial_ending`,
    `    channels: [email]`,
    `package_metadata:`,
    `  segment: ${pick(['smb', 'edu', 'enterprise', 'gov'])}`,
    `  regions: [eu-west, eu-central]`,
  );
  return lines.join('\n') + '\n';
}

/** Write N packages into DIR/packages.d, `perFile` documents per file, in sub-folders of 100 files. */
export async function writePackageCorpus(dir, n, perFile = 4, seed = 42) {
  const random = rng(seed);
  await rm(dir, { recursive: true, force: true });
  const files = Math.ceil(n / perFile);
  for (let f = 0; f < files; f++) {
    const docs = [];
    for (let k = 0; k < perFile && f * perFile + k < n; k++) docs.push(packageYaml(f * perFile + k, random));
    const folder = path.join(dir, 'packages.d', `group-${String(Math.floor(f / 100)).padStart(3, '0')}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, `file-${String(f).padStart(5, '0')}.yaml`), docs.join('---\n'));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [kind, target, count] = process.argv.slice(2);
  if (kind === 'packages') await writePackageCorpus(target, Number(count));
  else {
    console.error('usage: node bench/corpus.mjs packages DIR N');
    process.exitCode = 2;
  }
}
