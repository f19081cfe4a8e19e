// `svcpkg validate` at scale, against js-yaml and ajv-cli on the same files (README.md#performance); compile: bench/compile.mjs.
// Every validate is measured cold (--no-cache: each file parsed and checked) and warm (the result
// cache in .svcpkg-cache/ holds every file: the warm-up run writes it, the measured runs read it).
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dump, loadAll } from 'js-yaml';
import { BROKEN_EVERY, CORPUS_VERSION, writePackageCorpus } from './corpus.mjs';
import { BIN, CORPUS_DIR, QUICK, ROOT, loadAverage, parallelism, report, timeProcess } from './lib.mjs';

// BENCH_PACKAGES: a smaller corpus to try the bench itself out (the budgets are for 10,000).
const N = Number(process.env.BENCH_PACKAGES ?? 10_000);
const FILES = Math.ceil(N / 4).toLocaleString('en-US');

/**
 * The two corpora every validate figure is measured on (README.md#performance): clean (the fast path alone) and
 * noisy as real repositories are (shared tiers and dominated plans: every file carries warnings,
 * whose positions must not cost a second parse; one file in 97 broken). `code`: validate's exit code.
 */
const CORPORA = [
  { label: 'clean', suffix: '', noisy: false, code: 0, smallCode: 0 },
  { label: `noisy: shared tiers, dominated plans, 1 file in ${BROKEN_EVERY} broken`, suffix: '-noisy', noisy: true, code: 1, smallCode: 0 },
];

const dirs = (corpus) => ({
  big: path.join(CORPUS_DIR, `packages-${N}${corpus.suffix}.v${CORPUS_VERSION}`),
  single: path.join(CORPUS_DIR, `packages-${N}${corpus.suffix}-single.v${CORPUS_VERSION}`),
  small: path.join(CORPUS_DIR, `packages-5${corpus.suffix}.v${CORPUS_VERSION}`),
});

async function ensureCorpora(corpus) {
  const { big, single, small } = dirs(corpus);
  if (!existsSync(path.join(big, 'packages.d'))) await writePackageCorpus(big, N, 4, 42, corpus.noisy);
  if (!existsSync(path.join(small, 'packages.d'))) await writePackageCorpus(small, 5, 1, 42, corpus.noisy);
  // ajv-cli reads one document per file: the same packages, one per file. The clean corpus is
  // re-dumped (as its figures always were); the noisy one is split as written, broken files included.
  if (!existsSync(path.join(single, 'packages.d'))) {
    await mkdir(path.join(single, 'packages.d'), { recursive: true });
    await writeFile(path.join(single, 'svcpkg.config.yaml'), '# benchmark corpus\npackages: packages.d\n');
    const files = (await readdir(path.join(big, 'packages.d'), { recursive: true })).filter((f) => f.endsWith('.yaml')).sort();
    let i = 0;
    for (const f of files) {
      const text = await readFile(path.join(big, 'packages.d', f), 'utf8');
      const docs = corpus.noisy ? text.split(/^---\n/m) : loadAll(text).map((doc) => dump(doc, { lineWidth: -1 }));
      for (const doc of docs) await writeFile(path.join(single, 'packages.d', `p-${String(i++).padStart(5, '0')}.yaml`), doc);
    }
  }
}

/** The files of a one-package-per-file corpus that js-yaml parses, relative to it. */
async function parseableFiles(dir) {
  const names = (await readdir(path.join(dir, 'packages.d'))).filter((f) => f.endsWith('.yaml')).sort();
  const ok = [];
  for (const name of names) {
    try {
      loadAll(await readFile(path.join(dir, 'packages.d', name), 'utf8'));
      ok.push(`packages.d/${name}`);
    } catch {
      // a syntax error: ajv-cli would stop here
    }
  }
  return ok;
}

/** Median time of `svcpkg validate` in `cwd` with a full result cache (written by the warm-up run). */
async function timeWarmValidate(cwd, runs, expectCode) {
  await rm(path.join(cwd, '.svcpkg-cache'), { recursive: true, force: true });
  return timeProcess(process.execPath, [BIN, 'validate', '--jobs', '1'], { cwd, runs, expectCode });
}

/** Every validate figure on one corpus, each beside its baseline and the second-core probe. */
async function benchCorpus(corpus) {
  await ensureCorpora(corpus);
  const { big, single, small } = dirs(corpus);
  const node = process.execPath;
  const probe = await parallelism();
  console.log(`\n## validate — ${N.toLocaleString('en-US')} packages, ${corpus.label} (two threads give ${probe.toFixed(2)}× one thread's throughput, 2 = a free second core; load average ${loadAverage()})`);
  const runs = QUICK ? 2 : 5;
  const cold = ['validate', '--no-cache', '--jobs', '1'];
  const svcpkg = timeProcess(node, [BIN, ...cold], { cwd: big, runs, expectCode: corpus.code });
  const jsYaml = timeProcess(node, [path.join(ROOT, 'bench', 'baselines', 'js-yaml-parse.mjs'), path.join(big, 'packages.d')], { cwd: big, runs });
  const withinJsYaml = { text: '≤ 1.5×', ok: (_, r) => r <= 1.5 };
  const results = [
    report({ name: `svcpkg validate, cold, --jobs 1 (${N} packages, ${FILES} files, ${corpus.noisy ? 'noisy' : 'clean'})`, value: svcpkg, baselineName: 'js-yaml parse alone', baseline: jsYaml, budget: withinJsYaml, probe }),
  ];
  if (!corpus.noisy) {
    // The default (worker threads from 400 files): what a second core gives, beside the probe.
    const auto = timeProcess(node, [BIN, 'validate', '--no-cache'], { cwd: big, runs, expectCode: corpus.code });
    results.push(report({ name: `svcpkg validate, cold, default --jobs (${N} packages, ${FILES} files, clean)`, value: auto, baselineName: 'js-yaml parse alone', baseline: jsYaml, budget: withinJsYaml, probe }));
  }
  const warm = await timeWarmValidate(big, runs, corpus.code);
  const halfJsYaml = { text: '≤ 0.5×', ok: (_, r) => r <= 0.5 };
  results.push(report({ name: `svcpkg validate, warm cache, --jobs 1 (${N} packages, ${FILES} files)`, value: warm, baselineName: 'js-yaml parse alone', baseline: jsYaml, budget: halfJsYaml, probe }));
  const ajvCli = path.join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  const schema = path.join(ROOT, 'schemas', 'service-package.schema.json');
  const singleRuns = QUICK ? 1 : 3;
  const svcpkgSingle = timeProcess(node, [BIN, ...cold], { cwd: single, runs: singleRuns, expectCode: corpus.code });
  // ajv-cli stops at the first file it cannot parse, so on the noisy corpus it is given the files
  // js-yaml can read (all but the few with a syntax error; svcpkg checks every one). It exits 1 on
  // their schema errors: its time is what counts.
  const data = corpus.noisy ? (await parseableFiles(single)).flatMap((f) => ['-d', f]) : ['-d', 'packages.d/*.yaml'];
  const ajv = timeProcess(node, [ajvCli, 'validate', '--spec=draft2020', '--strict=false', '-c', 'ajv-formats', '-s', schema, ...data], { cwd: single, runs: singleRuns, expectCode: corpus.noisy ? null : 0 });
  const fasterThanAjv = { text: '< 1×', ok: (_, r) => r < 1 };
  results.push(report({ name: `svcpkg validate, cold, --jobs 1 (${N} files, 1 package each)`, value: svcpkgSingle, baselineName: 'ajv-cli validate', baseline: ajv, budget: fasterThanAjv, probe }));
  const warmSingle = await timeWarmValidate(single, singleRuns, corpus.code);
  results.push(report({ name: `svcpkg validate, warm cache, --jobs 1 (${N} files, 1 package each)`, value: warmSingle, baselineName: 'ajv-cli validate', baseline: ajv, budget: fasterThanAjv, probe }));
  const tinyRuns = QUICK ? 5 : 15;
  const tiny = timeProcess(node, [BIN, ...cold], { cwd: small, runs: tinyRuns, expectCode: corpus.smallCode });
  const bare = timeProcess(node, ['-e', '0'], { cwd: small, runs: tinyRuns });
  const underBudget = { text: '< 300 ms', ok: (v) => v < 300 };
  results.push(report({ name: 'svcpkg validate, cold (5 packages, whole process)', value: tiny, baselineName: 'bare node start', baseline: bare, budget: underBudget, probe }));
  const tinyWarm = await timeWarmValidate(small, tinyRuns, corpus.smallCode);
  results.push(report({ name: 'svcpkg validate, warm cache (5 packages, whole process)', value: tinyWarm, baselineName: 'bare node start', baseline: bare, budget: underBudget, probe }));
  return results;
}

export async function benchValidate() {
  const results = [];
  for (const corpus of CORPORA) results.push(...(await benchCorpus(corpus)));
  // compile's figures, beside their own validate baseline: bench/compile.mjs.
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await benchValidate();
}
