// Every command from a subfolder of the project (issue 12): the root is found upward, as git does;
// paths print relative to where the user stands; caches and outputs go to the root.
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProjectRoot } from '../../src/cli/root.js';
import { BIN, makeRepo, REPO_ROOT, runProcess, VALID_PACKAGE } from '../helpers/cli.js';

// Repositories are temporary folders, removed after this file by test/helpers/temp-cleanup.ts.
const repo = makeRepo;

const BAD_PACKAGE = VALID_PACKAGE.replace('meet-basic', 'meet-bad').replace('max_rooms', 'max_roms');

/** A project with one valid package in packages.d/meet and a broken one beside the folder. */
const project = () =>
  repo({ 'package.json': '{}\n', 'packages.d/meet/basic.yaml': VALID_PACKAGE, 'packages.d/bad.yaml': BAD_PACKAGE });

describe('commands run from a subfolder', () => {
  it('validate checks the whole project, names files from where the user stands, caches at the root', async () => {
    const root = await project();
    const sub = path.join(root, 'packages.d', 'meet');
    const result = await runProcess(['validate'], { cwd: sub });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('../bad.yaml:6:3: error SP3002');
    expect(result.stdout).toContain('2 packages checked');
    expect(await readdir(sub)).toEqual(['basic.yaml']);
    expect(existsSync(path.join(root, '.svcpkg-cache'))).toBe(true);
  });

  it('validate . checks only the folder, with the project cache', async () => {
    const root = await project();
    const sub = path.join(root, 'packages.d', 'meet');
    const result = await runProcess(['validate', '.'], { cwd: sub });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 package in 1 file: no problems');
    expect(await readdir(sub)).toEqual(['basic.yaml']);
    expect(existsSync(path.join(root, '.svcpkg-cache'))).toBe(true);
  });

  it('compile writes out/ and the lockfile at the root, then simulate and diff run from a subfolder too', async () => {
    const root = await repo({ 'svcpkg.config.yaml': '' });
    await cp(path.join(REPO_ROOT, 'packages.d'), path.join(root, 'packages.d'), { recursive: true });
    await mkdir(path.join(root, 'scenarios'));
    for (const file of ['demo.yaml', 'demo-events.ndjson']) await cp(path.join(REPO_ROOT, 'scenarios', file), path.join(root, 'scenarios', file));
    const scenarios = path.join(root, 'scenarios');

    const compiled = await runProcess(['compile'], { cwd: scenarios });
    expect(compiled.code).toBe(0);
    expect(compiled.stderr).toContain('→ ../out/manifest.json, ../out/manifest.ts; ../svcpkg.lock.json updated');
    expect(existsSync(path.join(root, 'out', 'manifest.json'))).toBe(true);
    expect(existsSync(path.join(root, 'svcpkg.lock.json'))).toBe(true);
    expect(await readdir(scenarios)).toEqual(['demo-events.ndjson', 'demo.yaml']);

    const simulated = await runProcess(['simulate', 'demo.yaml', '--format', 'json'], { cwd: scenarios });
    expect(simulated.code).toBe(0);
    expect(JSON.parse(simulated.stdout)).toHaveProperty('totals');

    const diffed = await runProcess(['diff', '../out/manifest.json', '../packages.d', '--format', 'json'], { cwd: scenarios });
    expect(diffed.code).toBe(0);
    expect(JSON.parse(diffed.stdout)).toMatchObject({ summary: { changes: 0 } });
  });

  it('explain finds the package and names its file from where the user stands', async () => {
    const root = await repo({ '.git/HEAD': '', 'packages.d/meet/basic.yaml': VALID_PACKAGE });
    const result = await runProcess(['explain', 'meet-basic'], { cwd: path.join(root, 'packages.d', 'meet') });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('meet-basic — basic.yaml:1');
  });

  it("schema reads the root's svcpkg.config.yaml and names it from where the user stands", async () => {
    const root = await repo({ 'svcpkg.config.yaml': 'strict: maybe\n', 'packages.d/meet/basic.yaml': VALID_PACKAGE });
    const result = await runProcess(['schema'], { cwd: path.join(root, 'packages.d', 'meet') });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('../../svcpkg.config.yaml:1:');
    await writeFile(path.join(root, 'svcpkg.config.yaml'), 'strict: true\n');
    const fixed = await runProcess(['schema'], { cwd: path.join(root, 'packages.d', 'meet') });
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.stdout)).toHaveProperty('$schema');
  });

  it('flags naming paths stay relative to the working directory', async () => {
    const root = await project();
    const result = await runProcess(['validate', '--catalog', 'nowhere'], { cwd: path.join(root, 'packages.d', 'meet') });
    expect(result.code).toBe(2);
    // From the root it would read ../../nowhere.
    expect(result.stdout).toContain('nowhere/features.yaml:1:1: error SP5001 the catalog folder nowhere has no features.yaml');
  });
});

describe('watch from a subfolder', () => {
  it("builds into the root's out/ and watches the root's lockfile and config file", async () => {
    const root = await repo({ 'package.json': '{}\n', 'packages.d/meet/basic.yaml': VALID_PACKAGE });
    const child = spawn(process.execPath, [BIN, 'watch'], { cwd: path.join(root, 'packages.d', 'meet'), env: { PATH: process.env['PATH'], NO_COLOR: '1' } });
    let text = '';
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "watching" line in:\n${text}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.includes('Ctrl-C to stop')) {
          clearTimeout(timer);
          resolve();
        }
      });
    }).finally(() => child.kill('SIGINT'));
    expect(await exit).toBe(0);
    expect(text).toContain('watching .., ../../svcpkg.lock.json, ../../svcpkg.config.yaml — Ctrl-C to stop');
    expect(existsSync(path.join(root, 'out', 'manifest.json'))).toBe(true);
    expect(await readdir(path.join(root, 'packages.d', 'meet'))).toEqual(['basic.yaml']);
  });
});

describe('findProjectRoot', () => {
  it('prefers svcpkg.config.yaml anywhere above to a nearer lockfile', async () => {
    const root = await repo({ 'svcpkg.config.yaml': 'packages: services/packages.d\n', 'services/svcpkg.lock.json': '{}', 'services/packages.d/a/x.yaml': '' });
    expect(await findProjectRoot(path.join(root, 'services', 'packages.d', 'a'))).toBe(root);
  });

  it('then the lockfile, then a packages.d beside a package.json or a .git', async () => {
    const locked = await repo({ 'svcpkg.lock.json': '{}', 'packages.d/a/x.yaml': '' });
    expect(await findProjectRoot(path.join(locked, 'packages.d', 'a'))).toBe(locked);
    const npm = await repo({ 'package.json': '{}', 'packages.d/a/x.yaml': '' });
    expect(await findProjectRoot(path.join(npm, 'packages.d', 'a'))).toBe(npm);
    const git = await repo({ '.git/HEAD': '', 'packages.d/a/x.yaml': '' });
    expect(await findProjectRoot(path.join(git, 'packages.d', 'a'))).toBe(git);
  });

  it('ignores a bare packages.d, and markers above the git repository', async () => {
    const bare = await repo({ 'packages.d/a/x.yaml': '' });
    expect(await findProjectRoot(path.join(bare, 'packages.d', 'a'))).toBeUndefined();
    const outer = await repo({ 'svcpkg.config.yaml': '', 'inner/.git': 'gitdir: elsewhere\n', 'inner/src/x.ts': '' });
    expect(await findProjectRoot(path.join(outer, 'inner', 'src'))).toBeUndefined();
  });
});
