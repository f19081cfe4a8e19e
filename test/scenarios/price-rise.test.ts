// `npm start`'s demo, run as a newcomer runs it: the package.json script itself in a copy of the
// project, its output kept as a golden file (the demo simulation, then Meet Standard's price rise
// of 2026-02-01 for new customers only). And scenarios/before-price-rise/, the packages as they were
// before that rise, kept in step with packages.d: the same files but for the price and the schema paths.
import { execFile } from 'node:child_process';
import { cp, readdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const BEFORE = path.join(REPO_ROOT, 'scenarios', 'before-price-rise');

/** Every file under `dir`, relative to it, sorted. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Run a shell command line in `cwd` with a plain environment (no colour, not a TTY). */
function shell(command: string, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', command], { cwd, env: { PATH: process.env.PATH } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('npm start', () => {
  it('prints the demo simulation, then the grandfathered price rise (golden)', async () => {
    const dir = await tempFolder('start');
    for (const entry of ['packages.d', 'scenarios', 'svcpkg.lock.json', 'package.json']) await cp(path.join(REPO_ROOT, entry), path.join(dir, entry), { recursive: true });
    // The built CLI, not a copy: node resolves its imports from where the link points.
    await symlink(path.join(REPO_ROOT, 'bin'), path.join(dir, 'bin'));
    const script = (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    const run = await shell(script, dir);
    expect(run.code, run.stderr).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot('__snapshots__/start.txt');
    // acme started before the rise and keeps 17.90; initech started on the day and pays 19.90.
    const comparison = run.stdout.slice(run.stdout.indexOf('Comparison of'));
    expect(comparison).toContain('migration  new from 2026-02-01');
    expect(comparison).toMatch(/acme · meet-standard · active\n {2}terms {5}old for good\n {2}charges {3}71\.60 EUR \(no change\)/);
    expect(comparison).toMatch(/initech · meet-standard · suspended\n {2}charges {3}17\.90 EUR → 19\.90 EUR \(\+2\.00 EUR\)/);
    expect(comparison).toMatch(/meet-standard +89\.50 EUR → 91\.50 EUR \(\+2\.00 EUR\)/);
  });

  it('compares against the packages as they were: packages.d but for Meet Standard’s price', async () => {
    const now = path.join(REPO_ROOT, 'packages.d');
    expect(await files(BEFORE)).toEqual(await files(now));
    for (const file of await files(now)) {
      const depth = file.split(path.sep).length;
      // One folder deeper: the editor's schema path climbs one more level.
      const expected = (await readFile(path.join(now, file), 'utf8')).replace(`$schema=${'../'.repeat(depth)}schemas`, `$schema=${'../'.repeat(depth + 1)}schemas`);
      let before = await readFile(path.join(BEFORE, file), 'utf8');
      if (file === path.join('meet', 'standard.yaml')) {
        before = before
          .replace(/^# The packages as they were before.*\n#.*\n/m, '')
          .replace('# Billing: 17.90 EUR', '# Billing: 19.90 EUR')
          .replace('\nprice: 17.90\n', '\nprice: 19.90\n');
      }
      expect(before, file).toBe(expected);
    }
  });
});
