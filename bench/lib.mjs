// Shared benchmark helpers: whole-process timing, medians, and the ratio lines every bench prints.
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'svcpkg.js');
export const QUICK = process.argv.includes('--quick');
export const CORPUS_DIR = path.join(ROOT, 'bench', '.corpus');

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A percentile (0..100) of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Run a command `runs` times (after one warm-up for the file cache) and return the median wall
 * time in ms. Throws when the command fails unexpectedly (an unexpected exit code).
 */
export function timeProcess(command, args, { cwd, runs = QUICK ? 3 : 7, expectCode = 0, env = {}, warmup = true } = {}) {
  const samples = [];
  for (let i = warmup ? 0 : 1; i <= runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    const elapsed = performance.now() - start;
    // expectCode null: any exit (a baseline tool that reports the noisy corpus's broken files).
    if (expectCode !== null && result.status !== expectCode) {
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}\n${String(result.stdout).slice(0, 2000)}`);
    }
    if (i > 0) samples.push(elapsed); // the first run only warms the page cache
  }
  return median(samples);
}

/** One result line: what, its figure, the baseline's, the ratio and whether the budget holds. */
export function report({ name, value, unit = 'ms', baselineName, baseline, budget, probe }) {
  const ratio = baseline ? value / baseline : undefined;
  const verdict = budget === undefined ? '' : budget.ok(value, ratio) ? '  ✔ within budget' : '  ✖ over budget';
  const fmt = (v) => (unit === 'ms' ? `${v.toFixed(0)} ms` : `${Math.round(v).toLocaleString('en-US')} ${unit}`);
  const parts = [`${name}: ${fmt(value)}`];
  if (baseline !== undefined) parts.push(`${baselineName}: ${fmt(baseline)}`, `ratio ${ratio.toFixed(2)}×`);
  if (budget?.text) parts.push(`budget ${budget.text}`);
  if (probe !== undefined) parts.push(`second core ${probe.toFixed(2)}×`);
  console.log(parts.join(' | ') + verdict);
  return { name, value, unit, baseline, ratio, probe };
}

/** The machine a figure came from, for the README. */
export function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/**
 * How much of a second core this machine gives right now: a fixed loop on one thread, then the
 * same loop on two threads at once. 2.0 means two full cores; 1.0 means the two threads shared one
 * (a virtual machine whose host is busy). Figures that use a worker thread depend on it, so the
 * benchmarks print it beside them.
 */
export async function parallelism() {
  const probes = [await probe(), await probe(), await probe()];
  return median(probes);
}

/** One measure of `parallelism`. */
async function probe() {
  const loop = 'let x = 0; for (let i = 0; i < 1e8; i++) x = (x + i * 7) | 0;';
  const once = () => {
    const start = performance.now();
    new Function(loop)();
    return performance.now() - start;
  };
  once(); // compile
  const alone = once();
  const worker = new Worker(loop, { eval: true });
  await new Promise((resolve) => worker.once('online', resolve));
  const start = performance.now();
  once();
  await new Promise((resolve) => worker.once('exit', resolve));
  const together = performance.now() - start;
  return Math.min(2, (2 * alone) / together);
}

/** The load averages (1, 5, 15 minutes), printed beside figures taken on a shared machine. */
export function loadAverage() {
  return os.loadavg().map((l) => l.toFixed(2)).join(', ');
}

/** Live memory: the JS heap plus typed-array backing stores (the evaluator's tables live in those). */
export function liveBytes() {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Run the script at `scriptUrl` again with `--expose-gc` unless `gc` is already there, and exit
 * with its status: memory figures are of live memory, taken after a full collection, not of garbage.
 */
export function requireExposedGc(scriptUrl) {
  if (globalThis.gc !== undefined) return;
  const result = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(scriptUrl), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
