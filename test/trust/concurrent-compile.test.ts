// Two compiles of one repository at once never lose or fork an id (docs/decisions.md, "Compile and
// the lockfile"): real processes of the built CLI, racing on a repo whose packages have no ids yet.
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers/temp.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin', 'svcpkg.js');
const BASIC = path.join(ROOT, 'test', 'compile', 'fixtures', 'basic');
const PAIRS = 50;
const PARALLEL = 5;


interface Run {
  code: number | null;
  stderr: string;
}

/** `emit`: json only in the race (the ids are all in manifest.json; ts-morph would triple the time). */
function compile(cwd: string, out: string, emit = 'json,ts'): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'compile', '--format', 'json', '--no-cache', '--emit', emit, '--out', out], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** A repo whose packages were never compiled: every compile mints. */
async function freshRepo(): Promise<string> {
  const dir = await tempFolder('race');
  await cp(path.join(BASIC, 'packages.d'), path.join(dir, 'packages.d'), { recursive: true });
  return dir;
}

/** One pair: two compiles at once, each to its own out folder; what each wrote, and the lockfile after. */
async function pair(): Promise<{ runs: Run[]; manifests: { code: string; id: string; uuid: string; ulid: string }[][]; lock: Record<string, { id: string; uuid: string; ulid: string }> }> {
  const dir = await freshRepo();
  const runs = await Promise.all([compile(dir, 'out-a', 'json'), compile(dir, 'out-b', 'json')]);
  const manifests = [];
  for (const [i, out] of ['out-a', 'out-b'].entries()) {
    if (runs[i]?.code !== 0) continue;
    const manifest = JSON.parse(await readFile(path.join(dir, out, 'manifest.json'), 'utf8')) as { packages: { code: string; id: string; uuid: string; ulid: string }[] };
    manifests.push(manifest.packages);
  }
  const lock = JSON.parse(await readFile(path.join(dir, 'svcpkg.lock.json'), 'utf8')) as { packages: Record<string, { id: string; uuid: string; ulid: string }> };
  return { runs, manifests, lock: lock.packages };
}

describe('concurrent compiles', () => {
  it(`${PAIRS} pairs of compiles at once: every id in every manifest is the lockfile's`, async () => {
    const problems: string[] = [];
    let compiled = 0;
    for (let start = 0; start < PAIRS; start += PARALLEL) {
      const batch = await Promise.all(Array.from({ length: Math.min(PARALLEL, PAIRS - start) }, () => pair()));
      for (const { runs, manifests, lock } of batch) {
        for (const run of runs) {
          if (run.stderr.includes('internal error')) problems.push(`internal error: ${run.stderr}`);
          if (run.code === 0) compiled++;
          else if (run.code !== 2 || !/another svcpkg is compiling this repository \(pid \d+\)/.test(run.stderr)) problems.push(`exit ${run.code}: ${run.stderr}`);
        }
        for (const packages of manifests) {
          for (const p of packages) {
            const entry = lock[p.code];
            if (!entry || entry.id !== p.id || entry.uuid !== p.uuid || entry.ulid !== p.ulid) problems.push(`${p.code}: manifest ids ${p.id} not in the lockfile (${entry?.id ?? 'none'})`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // At least the first of every pair compiled.
    expect(compiled).toBeGreaterThanOrEqual(PAIRS);
  }, 600_000);
});

describe('what a killed compile leaves behind', () => {
  it('a later compile removes the temporaries of a dead process, and keeps a live one’s', async () => {
    const dir = await freshRepo();
    const dead = await deadPid();
    const live = process.pid;
    const stale = ['.svcpkg.lock.json.' + dead + '-0a1b2c3d.tmp', 'out/.manifest.json.' + dead + '-deadbeef.tmp', 'out/.manifest.ts.' + dead + '-01234567.tmp'];
    const kept = ['.svcpkg.lock.json.' + live + '-0a1b2c3d.tmp', 'out/.manifest.json.' + live + '-deadbeef.tmp', 'out/notes.' + dead + '-01234567.tmp'];
    await mkdir(path.join(dir, 'out'));
    for (const file of [...stale, ...kept]) await writeFile(path.join(dir, file), 'partial');
    const run = await compile(dir, 'out');
    expect(run.code, run.stderr).toBe(0);
    const left = [...(await readdir(dir)).filter((n) => n.endsWith('.tmp')), ...(await readdir(path.join(dir, 'out'))).filter((n) => n.endsWith('.tmp')).map((n) => `out/${n}`)];
    expect(left.sort()).toEqual([...kept].sort());
  });

  it('a lock left by a killed compile is broken, and a held one makes the second compile wait then exit 2', async () => {
    const dir = await freshRepo();
    const lockFile = path.join(dir, '.svcpkg.lock.json.lock');
    await writeFile(lockFile, JSON.stringify({ pid: await deadPid(), host: os.hostname(), nonce: 'x', since: '' }));
    const afterKill = await compile(dir, 'out');
    expect(afterKill.code, afterKill.stderr).toBe(0);
    await expect(readdir(dir)).resolves.not.toContain('.svcpkg.lock.json.lock');

    await writeFile(lockFile, JSON.stringify({ pid: process.pid, host: os.hostname(), nonce: 'y', since: '' }));
    const blocked = await compile(dir, 'out');
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toContain(`another svcpkg is compiling this repository (pid ${process.pid})`);
    expect(blocked.stderr).not.toContain('internal error');
    await expect(readFile(lockFile, 'utf8')).resolves.toContain('"y"');
  }, 30_000);
});

/** The pid of a process that has exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.on('error', reject);
    child.on('close', () => resolve(child.pid as number));
  });
}
