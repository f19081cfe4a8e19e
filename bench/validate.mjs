// `svcpkg validate` and `compile` at scale, against js-yaml and ajv-cli on the same files (SPEC §11).
// Every validate is measured cold (--no-cache: each file parsed and checked) and warm (the result
// cache in .svcpkg-cache/ holds every file: the warm-up run writes it, the measured runs read it).
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dump, loadAll } from 'js-yaml';
import { writePackageCorpus } from './corpus.mjs';
import os from 'node:os';
import { BIN, CORPUS_DIR, QUICK, ROOT, parallelism, report, timeProcess } from './lib.mjs';

const N = 10_000;
const big = path.join(CORPUS_DIR, `packages-${N}`);
const single = path.join(CORPUS_DIR, `packages-${N}-single`);
const small = path.join(CORPUS_DIR, 'packages-5');

async function ensureCorpora() {
  if (!existsSync(path.join(big, 'packages.d'))) await writePackageCorpus(big, N, 4);
  if (!existsSync(path.join(small, 'packages.d'))) await writePackageCorpus(small, 5, 1);
  // ajv-cli reads one document per file: the same packages, one per file.
  if (!existsSync(path.join(single, 'packages.d'))) {
    await mkdir(path.join(single, 'packages.d'), { recursive: true });
    const files = (await readdir(path.join(big, 'packages.d'), { recursive: true })).filter((f) => f.endsWith('.yaml')).sort();
    let i = 0;
    for (const f of files) {
      for (const doc of loadAll(await readFile(path.join(big, 'packages.d', f), 'utf8'))) {
        await writeFile(path.join(single, 'packages.d', `p-${String(i++).padStart(5, '0')}.yaml`), dump(doc, { lineWidth: -1 }));
      }
    }
  }
}

/** Median time of `svcpkg validate` in `cwd` with a full result cache (written by the warm-up run). */
async function timeWarmValidate(cwd, runs) {
  await rm(path.join(cwd, '.svcpkg-cache'), { recursive: true, force: true });
  return timeProcess(process.execPath, [BIN, 'validate'], { cwd, runs });
}

export async function benchValidate() {
  await ensureCorpora();
  const node = process.execPath;
  // Cold runs share the files with a worker thread: how much a second core gives matters.
  console.log(`\n## validate / compile — ${N.toLocaleString('en-US')} packages (two threads give ${(await parallelism()).toFixed(2)}× one thread's throughput, 2 = a free second core; load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')})`);
  const runs = QUICK ? 2 : 5;
  const svcpkg = timeProcess(node, [BIN, 'validate', '--no-cache'], { cwd: big, runs });
  const jsYaml = timeProcess(node, [path.join(ROOT, 'bench', 'baselines', 'js-yaml-parse.mjs'), path.join(big, 'packages.d')], { cwd: big, runs });
  const withinJsYaml = { text: '≤ 1.5×', ok: (_, r) => r <= 1.5 };
  const results = [
    report({ name: `svcpkg validate, cold (${N} packages, 2,500 files)`, value: svcpkg, baselineName: 'js-yaml parse alone', baseline: jsYaml, budget: withinJsYaml }),
  ];
  const warm = await timeWarmValidate(big, runs);
  results.push(report({ name: `svcpkg validate, warm cache (${N} packages, 2,500 files)`, value: warm, baselineName: 'js-yaml parse alone', baseline: jsYaml, budget: withinJsYaml }));
  const ajvCli = path.join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  const schema = path.join(ROOT, 'schemas', 'service-package.schema.json');
  const singleRuns = QUICK ? 1 : 3;
  const svcpkgSingle = timeProcess(node, [BIN, 'validate', '--no-cache'], { cwd: single, runs: singleRuns });
  const ajv = timeProcess(node, [ajvCli, 'validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats', '-s', schema, '-d', 'packages.d/*.yaml'], { cwd: single, runs: singleRuns });
  const fasterThanAjv = { text: '< 1×', ok: (_, r) => r < 1 };
  results.push(report({ name: `svcpkg validate, cold (${N} files, 1 package each)`, value: svcpkgSingle, baselineName: 'ajv-cli validate', baseline: ajv, budget: fasterThanAjv }));
  const warmSingle = await timeWarmValidate(single, singleRuns);
  results.push(report({ name: `svcpkg validate, warm cache (${N} files, 1 package each)`, value: warmSingle, baselineName: 'ajv-cli validate', baseline: ajv, budget: fasterThanAjv }));
  const tinyRuns = QUICK ? 5 : 15;
  const tiny = timeProcess(node, [BIN, 'validate', '--no-cache'], { cwd: small, runs: tinyRuns });
  const bare = timeProcess(node, ['-e', '0'], { cwd: small, runs: tinyRuns });
  const underBudget = { text: '< 300 ms', ok: (v) => v < 300 };
  results.push(report({ name: 'svcpkg validate, cold (5 packages, whole process)', value: tiny, baselineName: 'bare node start', baseline: bare, budget: underBudget }));
  const tinyWarm = await timeWarmValidate(small, tinyRuns);
  results.push(report({ name: 'svcpkg validate, warm cache (5 packages, whole process)', value: tinyWarm, baselineName: 'bare node start', baseline: bare, budget: underBudget }));
  if (existsSync(path.join(ROOT, 'dist', 'cli', 'commands', 'compile.js'))) {
    // Cold: no outputs, no lockfile (every id minted), no cache (neither stamp nor result cache).
    // Measured once per fresh start.
    const coldRuns = [];
    for (let i = 0; i < (QUICK ? 1 : 3); i++) {
      await rm(path.join(big, 'out'), { recursive: true, force: true });
      await rm(path.join(big, 'svcpkg.lock.json'), { force: true });
      await rm(path.join(big, '.svcpkg-cache'), { recursive: true, force: true });
      coldRuns.push(timeProcess(node, [BIN, 'compile', '--emit', 'json,ts'], { cwd: big, runs: 1, warmup: false }));
    }
    const cold = coldRuns.sort((a, b) => a - b)[coldRuns.length >> 1];
    const warmCompile = timeProcess(node, [BIN, 'compile', '--emit', 'json,ts'], { cwd: big, runs: QUICK ? 1 : 3 });
    results.push(report({ name: 'svcpkg compile, nothing changed (stamp and result cache)', value: warmCompile, baselineName: 'cold compile (mints 10,000 ids, writes 2 × 105 MB)', baseline: cold }));
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await benchValidate();
}
