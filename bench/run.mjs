// `npm run bench [-- --quick]`: every budget of README.md#performance, each against its baseline in the same run.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { QUICK, ROOT, machine } from './lib.mjs';

console.log(`# svcpkg benchmarks${QUICK ? ' (--quick)' : ''}\nmachine: ${machine()}`);
if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('bench: run `npm run build` first');
  process.exit(2);
}
const suites = ['validate.mjs', 'compile.mjs', 'watch.mjs', 'evaluate.mjs', 'simulate-memory.mjs', 'replay-jobs.mjs', 'hostile.mjs'];
let failed = 0;
for (const suite of suites) {
  const file = path.join(ROOT, 'bench', suite);
  if (!existsSync(file)) continue;
  const result = spawnSync(process.execPath, ['--expose-gc', file, ...(QUICK ? ['--quick'] : [])], { stdio: 'inherit', cwd: ROOT });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
