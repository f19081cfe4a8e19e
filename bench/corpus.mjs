// Deterministic benchmark corpora: N packages spread over files, clean or with realistic noise
// (README.md#performance: shared tiers, dominated plans, a few broken files). Seeded: same output every time.
// `node bench/corpus.mjs packages DIR N` or `node bench/corpus.mjs noisy DIR N`.
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
  return noisyPackageYaml(i, random, false);
}

/**
 * Package number i; with `noisy`, as in a real repository: packages come in pairs sharing a tier
 * (SP4004 on every second package, its `related` location in the first: with 4 packages a file,
 * every file carries warnings), and every fifth package offers what the one 8 before it offers at
 * a higher price (SP4006, dominated).
 */
export function noisyPackageYaml(i, random, noisy) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const tier = noisy ? i >> 1 : i; // clean: unique tiers, no SP4004 noise
  const level = noisy && i % 5 === 4 && i >= 8 ? 2 + i : 10 + i; // package i - 8 has the same, cheaper
  const lines = [];
  lines.push(
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
  );
  const overages = random() < 0.3;
  lines.push(`overages_enabled: ${overages}`, `providers:`, `  - type: bbb`, `    name: bbb-${i % 7}`, `    default: true`, `features:`);
  // clean: grows with i, no dominated packages. With overages enabled, each limit has its price
  // (docs/revenue.md), as a real package has: an unpriced one is SP3028, which is not the noise asked for.
  for (const code of LIMITS) lines.push(overages ? `  ${code}: { value: ${level}, overage: { price: 0.10 } }` : `  ${code}: ${level}`);
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

/**
 * The ways a file of the noisy corpus is broken, one file in BROKEN_EVERY (each taking the full
 * parser's path as a real mistake would): a YAML syntax error, a schema error, a YAML 1.1 boolean.
 */
const BREAKAGES = [
  (yaml) => yaml.replace(/^name: (.*)$/m, 'name: "$1'), // unclosed quote: the rest of the file is unreadable
  (yaml) => yaml.replace(/^status: active$/m, 'status: activ'), // SP2xxx: not an allowed value
  (yaml) => yaml.replace(/^  recording: true$/m, '  recording: yes'), // YAML 1.1 boolean
];
export const BROKEN_EVERY = 97;

/** Bumped whenever the generator's output changes: corpora are written once, into folders named by it. */
export const CORPUS_VERSION = 2;

/** Write N packages into DIR/packages.d, `perFile` documents per file, in sub-folders of 100 files. */
export async function writePackageCorpus(dir, n, perFile = 4, seed = 42, noisy = false) {
  const random = rng(seed);
  await rm(dir, { recursive: true, force: true });
  // The project's marker: without it svcpkg looks for the project further up (docs/decisions.md),
  // finds this repository's own svcpkg.lock.json and validates its packages.d, not the corpus.
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'svcpkg.config.yaml'), '# benchmark corpus\npackages: packages.d\n');
  const files = Math.ceil(n / perFile);
  for (let f = 0; f < files; f++) {
    const docs = [];
    for (let k = 0; k < perFile && f * perFile + k < n; k++) docs.push(noisyPackageYaml(f * perFile + k, random, noisy));
    if (noisy && f % BROKEN_EVERY === BROKEN_EVERY - 1) {
      const breakage = BREAKAGES[Math.floor(f / BROKEN_EVERY) % BREAKAGES.length];
      docs[docs.length - 1] = breakage(docs[docs.length - 1]);
    }
    const folder = path.join(dir, 'packages.d', `group-${String(Math.floor(f / 100)).padStart(3, '0')}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, `file-${String(f).padStart(5, '0')}.yaml`), docs.join('---\n'));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [kind, target, count] = process.argv.slice(2);
  if (kind === 'packages') await writePackageCorpus(target, Number(count));
  else if (kind === 'noisy') await writePackageCorpus(target, Number(count), 4, 42, true);
  else {
    console.error('usage: node bench/corpus.mjs packages|noisy DIR N');
    process.exitCode = 2;
  }
}
