// Hostile inputs through the real `svcpkg validate` (docs/decisions.md): a 1 MiB single-line bracket
// file and a package with 40,000 metadata keys must each validate in well under a second. Both were
// quadratic once (a gate regex scanning the line from every bracket; the YAML library's key check).
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dump, load } from 'js-yaml';
import { writePackageCorpus } from './corpus.mjs';
import { BIN, CORPUS_DIR, QUICK, report, timeProcess } from './lib.mjs';

const KEYS = 40_000;

async function bracketRepo() {
  const dir = path.join(CORPUS_DIR, 'hostile-brackets');
  await writePackageCorpus(dir, 1, 1);
  await writeFile(path.join(dir, 'packages.d', 'brackets.yaml'), 'a: ' + '['.repeat(2 ** 20) + ']\n');
  return dir;
}

async function manyKeysRepo() {
  const dir = path.join(CORPUS_DIR, 'hostile-keys');
  await writePackageCorpus(dir, 1, 1);
  const file = path.join(dir, 'packages.d', 'group-000', 'file-00000.yaml');
  const pkg = load(await readFile(file, 'utf8'));
  const metadata = {};
  for (let i = 0; i < KEYS; i++) metadata[`key_${i}`] = `value ${i}`;
  pkg.package_metadata = metadata;
  await rm(file);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, dump(pkg, { lineWidth: -1 }));
  return dir;
}

/** Time `validate --no-cache` in a repo; the exit code (0 or 1) is taken from a first probe run. */
function timeValidate(name, cwd) {
  const args = [BIN, 'validate', '--no-cache'];
  const probe = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (probe.status !== 0 && probe.status !== 1) throw new Error(`${name}: validate exited ${probe.status}\n${probe.stderr}`);
  const value = timeProcess(process.execPath, args, { cwd, runs: QUICK ? 1 : 3, expectCode: probe.status, warmup: false });
  return report({ name: `${name} (exit ${probe.status})`, value, budget: { text: '< 1000 ms', ok: (v) => v < 1000 } });
}

export async function benchHostile() {
  console.log('\n## hostile inputs (validate --no-cache, whole process)');
  timeValidate('1 MiB single-line bracket file', await bracketRepo());
  timeValidate(`package with ${KEYS.toLocaleString('en-US')} metadata keys`, await manyKeysRepo());
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await benchHostile();
