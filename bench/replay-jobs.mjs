// `node bench/replay-jobs.mjs [--quick]` (after `npm run build`): `svcpkg simulate --jobs N`, the
// replay on every core (docs/simulation.md#replay-on-every-core), as users run it: whole process,
// the scenario's 1,000 subscriptions partitioned over worker threads, against `--jobs 1` in the same
// run. The JSON reports must be byte-identical (the bench stops otherwise), and the speed-up is
// printed beside the second-core probe: on a host that gives this VM one core's worth of CPU, two
// threads cannot beat one, and the probe says so.
// The events are bench/events.mjs's (realistic Lago payloads, unique transaction ids, every event
// accepted), the packages a folder compiled in memory by `simulate`, as a pricing team would run it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { SUBS, eventsFile } from './events.mjs';
import { BIN, CORPUS_DIR, QUICK, loadAverage, machine, median, parallelism, report } from './lib.mjs';

const N = QUICK ? 400_000 : 1_000_000;
const JOBS = Math.max(2, Math.min(4, os.availableParallelism()));
const RUNS = QUICK ? 3 : 5;

/** bench/.corpus/replay-jobs/: one meet package whose limits the events never reach, and the scenario. */
async function ensureScenario() {
  const dir = path.join(CORPUS_DIR, 'replay-jobs');
  const events = await eventsFile(N);
  await mkdir(path.join(dir, 'packages.d'), { recursive: true });
  await writeFile(path.join(dir, 'svcpkg.config.yaml'), '# benchmark scenario\npackages: packages.d\n');
  await writeFile(
    path.join(dir, 'packages.d', 'meet-bench.yaml'),
    [
      'code: meet-bench',
      'name: Meet Bench',
      'service_type: meet',
      'status: active',
      'tier: 1',
      'price: 19.90',
      'signup_fee: 0',
      'currency: EUR',
      'periodicity: 1',
      'periodicity_type: month',
      'trial_period: 14',
      'trial_interval: day',
      'trial_mode: outside',
      'grace_period: 0',
      'grace_interval: day',
      'providers:',
      '  - { type: scalelite, name: scalelite-eu, default: true }',
      'features:',
      '  max_rooms: true',
      '  max_participants: 1000000',
      '  max_duration: 1000000',
      '  max_storage: 1000000',
      '  recording: true',
      '',
    ].join('\n'),
  );
  const subscriptions = SUBS.map((s) => `  - { id: ${s.id}, package: meet-bench, starts_at: ${new Date(s.starts_at).toISOString().slice(0, 10)} }`);
  const scenario = path.join(dir, `scenario-${N}.yaml`);
  if (!existsSync(scenario)) {
    await writeFile(scenario, ['packages: packages.d', 'subscriptions:', ...subscriptions, `events: ${path.relative(dir, events)}`, ''].join('\n'));
  }
  return { dir, scenario: path.basename(scenario) };
}

/** One whole-process run: wall time and the sha256 of the JSON report. */
function simulate(dir, scenario, jobs) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [BIN, 'simulate', scenario, '--format', 'json', '--quiet', '--jobs', String(jobs)], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`bench: simulate --jobs ${jobs} exited ${result.status}:\n${result.stderr}`);
  return { ms, sha: createHash('sha256').update(result.stdout).digest('hex') };
}


console.log(`# replay on every core${QUICK ? ' (--quick)' : ''}\nmachine: ${machine()}`);
const { dir, scenario } = await ensureScenario();
simulate(dir, scenario, 1); // warms the page cache and the compile of the packages
const one = [];
const many = [];
const shas = new Set();
// Runs alternate, so that a busy moment of the machine weighs on both alike.
for (let run = 0; run < RUNS; run++) {
  for (const [jobs, samples] of [[1, one], [JOBS, many]]) {
    const { ms, sha } = simulate(dir, scenario, jobs);
    samples.push(ms);
    shas.add(sha);
  }
}
if (shas.size !== 1) throw new Error(`bench: --jobs ${JOBS} gave a report different from --jobs 1`);
const probe = await parallelism();
console.log(`\n## simulate --jobs ${JOBS} — ${N.toLocaleString('en-US')} events, ${SUBS.length.toLocaleString('en-US')} subscriptions, whole process (median of ${RUNS}; load average ${loadAverage()}); reports byte-identical ✔`);
report({
  name: `simulate --jobs ${JOBS}`,
  value: median(many),
  baselineName: 'simulate --jobs 1',
  baseline: median(one),
  // What two threads can give is what the host gives: the probe's figure, not 2.
  budget: { text: `identical report; faster than --jobs 1 when the second core is there (probe ≥ 1.5)`, ok: (_, ratio) => probe < 1.5 || ratio < 1 },
  probe,
});
