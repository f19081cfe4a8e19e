// `svcpkg compile` at scale (README.md#performance): cold and unchanged against validate (cold, clean, --jobs 1)
// measured in the same run, alternating A/B, beside the manifest sizes and the time `tsc --strict`
// takes to type-check the 10,000-package out/manifest.ts (budget: under 30 s).
import { existsSync, statSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CORPUS_VERSION, writePackageCorpus } from './corpus.mjs';
import { BIN, CORPUS_DIR, QUICK, ROOT, loadAverage, median, parallelism, report, timeProcess } from './lib.mjs';

// BENCH_PACKAGES: a smaller corpus to try the bench itself out (the budgets are for 10,000).
const N = Number(process.env.BENCH_PACKAGES ?? 10_000);
const big = path.join(CORPUS_DIR, `packages-${N}-compile.v${CORPUS_VERSION}`);

/** Remove everything a compile leaves, so the next one is cold: outputs, lockfile (ids minted again), cache and stamp. */
async function coldState() {
  await rm(path.join(big, 'out'), { recursive: true, force: true });
  await rm(path.join(big, 'svcpkg.lock.json'), { force: true });
  await rm(path.join(big, '.svcpkg-cache'), { recursive: true, force: true });
}

export async function benchCompile() {
  if (!existsSync(path.join(big, 'packages.d'))) await writePackageCorpus(big, N, 4, 42, false);
  const node = process.execPath;
  const probe = await parallelism();
  console.log(`\n## compile — ${N.toLocaleString('en-US')} packages, clean (two threads give ${probe.toFixed(2)}× one thread's throughput; load average ${loadAverage()})`);
  // Alternating A/B: validate, then compile from cold, so that load changes hit both alike.
  const validates = [];
  const colds = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) {
    validates.push(timeProcess(node, [BIN, 'validate', '--no-cache', '--jobs', '1'], { cwd: big, runs: 1, warmup: i === 0 }));
    await coldState();
    colds.push(timeProcess(node, [BIN, 'compile', '--emit', 'json,ts', '--jobs', '1'], { cwd: big, runs: 1, warmup: false }));
  }
  const validateCold = median(validates);
  const unchanged = timeProcess(node, [BIN, 'compile', '--emit', 'json,ts', '--jobs', '1'], { cwd: big, runs: QUICK ? 1 : 3 });
  const results = [
    report({ name: `svcpkg compile, cold, --jobs 1 (mints ${N} ids, writes json and ts)`, value: median(colds), baselineName: 'validate, cold, clean, --jobs 1', baseline: validateCold, budget: { text: '≤ 3×', ok: (_, r) => r <= 3 }, probe }),
    report({ name: 'svcpkg compile, nothing changed (stamp and result cache)', value: unchanged, baselineName: 'validate, cold, clean, --jobs 1', baseline: validateCold, budget: { text: '≤ 1×', ok: (_, r) => r <= 1 }, probe }),
  ];
  const sizes = ['manifest.json', 'manifest.ts'].map((f) => `${f} ${(statSync(path.join(big, 'out', f)).size / 1e6).toFixed(1)} MB`);
  console.log(`manifest sizes: ${sizes.join(', ')}`);
  // The consumer's view: a strict type-check of the emitted module alone (one run: it takes seconds).
  await writeFile(path.join(big, 'package.json'), '{ "type": "module" }\n');
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '--strict', '--noEmit', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', 'out/manifest.ts'];
  const typeCheck = timeProcess(node, args, { cwd: big, runs: 1, warmup: false });
  results.push(report({ name: `tsc --strict --noEmit of the ${N}-package out/manifest.ts`, value: typeCheck, budget: { text: '< 30 s', ok: (v) => v < 30_000 }, probe }));
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await benchCompile();
}
