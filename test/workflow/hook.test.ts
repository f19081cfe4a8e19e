// `svcpkg hook install|uninstall` and `validate --staged --locked` in real git repositories: the
// commit is refused or accepted by the installed hook itself (which runs bin/svcpkg.js → dist/).
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess, runProcess } from '../helpers/cli.js';
import { git, gitOk, gitRepo, tempDir } from './git.js';

const GOOD = `code: meet-good
name: Good
service_type: meet
status: inactive
features:
  max_rooms: 5
  screen_sharing: true
`;
const BROKEN = GOOD.replace('max_rooms: 5', 'max_romos: 5');

const svcpkg = (cwd: string, ...args: string[]) => runInProcess(args, { cwd, env: { NO_COLOR: '1' } });

/** A repository with one valid package and its lockfile, committed (no hook yet). */
async function repoWithPackage(): Promise<string> {
  const dir = await gitRepo();
  await mkdir(path.join(dir, 'packages.d'));
  await writeFile(path.join(dir, 'packages.d', 'good.yaml'), GOOD);
  expect((await svcpkg(dir, 'compile')).code).toBe(0);
  await writeFile(path.join(dir, '.gitignore'), 'out/\n');
  await gitOk(dir, 'add', '-A');
  await gitOk(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

async function hookFiles(dir: string, hooksDir = '.git/hooks'): Promise<Record<string, { text: string; mode: number } | undefined>> {
  const read = async (name: string) => {
    try {
      const file = path.join(dir, hooksDir, name);
      return { text: await readFile(file, 'utf8'), mode: (await stat(file)).mode };
    } catch {
      return undefined;
    }
  };
  return { 'pre-commit': await read('pre-commit'), chained: await read('pre-commit.svcpkg-chained') };
}

describe('svcpkg hook install', () => {
  it('refuses a commit whose staged package is broken, printing the located diagnostic', async () => {
    const dir = await repoWithPackage();
    const install = await svcpkg(dir, 'hook', 'install');
    expect(install.code).toBe(0);
    expect(install.stdout).toContain('.git/hooks/pre-commit');
    await writeFile(path.join(dir, 'packages.d', 'good.yaml'), BROKEN);
    await gitOk(dir, 'add', 'packages.d/good.yaml');
    const commit = await git(dir, 'commit', '-m', 'break it');
    expect(commit.code).not.toBe(0);
    expect(commit.output).toContain('packages.d/good.yaml:6:3');
    expect(commit.output).toContain('SP3002');
    expect(commit.output).toContain('did you mean `max_rooms`?');
    expect((await gitOk(dir, 'rev-list', '--count', 'HEAD')).trim()).toBe('1');
  });

  it('accepts a commit of valid packages with their lockfile', async () => {
    const dir = await repoWithPackage();
    await svcpkg(dir, 'hook', 'install');
    await writeFile(path.join(dir, 'packages.d', 'second.yaml'), GOOD.replace('meet-good', 'meet-second').replace('Good', 'Second'));
    expect((await svcpkg(dir, 'compile')).code).toBe(0);
    await gitOk(dir, 'add', '-A');
    const commit = await git(dir, 'commit', '-m', 'second package');
    expect(commit.output).not.toContain('error');
    expect(commit.code).toBe(0);
  });

  it('refuses a new package whose ids are not in the staged lockfile (--locked)', async () => {
    const dir = await repoWithPackage();
    await svcpkg(dir, 'hook', 'install');
    await writeFile(path.join(dir, 'packages.d', 'second.yaml'), GOOD.replace('meet-good', 'meet-second').replace('Good', 'Second'));
    expect((await svcpkg(dir, 'compile')).code).toBe(0); // the lockfile is updated but not staged
    await gitOk(dir, 'add', 'packages.d/second.yaml');
    const commit = await git(dir, 'commit', '-m', 'second package');
    expect(commit.code).not.toBe(0);
    expect(commit.output).toContain('SP6005');
  });

  it('still blocks when the fix is in the working tree but not staged', async () => {
    const dir = await repoWithPackage();
    await svcpkg(dir, 'hook', 'install');
    await writeFile(path.join(dir, 'packages.d', 'good.yaml'), BROKEN);
    await gitOk(dir, 'add', 'packages.d/good.yaml');
    await writeFile(path.join(dir, 'packages.d', 'good.yaml'), GOOD); // fixed, not staged
    expect((await svcpkg(dir, 'validate')).code).toBe(0);
    const staged = await svcpkg(dir, 'validate', '--staged');
    expect(staged.code).toBe(1);
    expect(staged.stdout).toContain('max_romos: 5'); // the code frame shows the staged text
    const commit = await git(dir, 'commit', '-m', 'looks fixed');
    expect(commit.code).not.toBe(0);
    expect(commit.output).toContain('SP3002');
  });

  it('respects staged deletions', async () => {
    const dir = await repoWithPackage();
    await writeFile(path.join(dir, 'packages.d', 'broken.yaml'), BROKEN.replace('meet-good', 'meet-broken'));
    await gitOk(dir, 'add', '-A');
    await gitOk(dir, 'commit', '-q', '--no-verify', '-m', 'broken, bypassing checks');
    expect((await svcpkg(dir, 'validate', '--staged')).code).toBe(1);
    await gitOk(dir, 'rm', '-q', '--cached', 'packages.d/broken.yaml'); // still on disk
    expect((await svcpkg(dir, 'validate')).code).toBe(1);
    const staged = await svcpkg(dir, 'validate', '--staged', '--locked');
    expect(staged.stdout).toContain('no problems');
    expect(staged.code).toBe(0);
  });

  it('keeps an existing hook running first, and a failing one still blocks', async () => {
    const dir = await repoWithPackage();
    const original = '#!/bin/sh\necho "existing hook ran" >> "$(git rev-parse --git-dir)/hook.log"\n';
    const hookFile = path.join(dir, '.git', 'hooks', 'pre-commit');
    await writeFile(hookFile, original);
    await chmod(hookFile, 0o755);
    const install = await svcpkg(dir, 'hook', 'install');
    expect(install.stdout).toContain('pre-commit.svcpkg-chained');
    expect((await hookFiles(dir)).chained?.text).toBe(original);

    await writeFile(path.join(dir, 'packages.d', 'good.yaml'), GOOD.replace('name: Good', 'name: Good Plan'));
    await gitOk(dir, 'add', '-A');
    const commit = await git(dir, 'commit', '-m', 'rename');
    expect(commit.code).toBe(0);
    expect(await readFile(path.join(dir, '.git', 'hook.log'), 'utf8')).toBe('existing hook ran\n');

    await writeFile(path.join(dir, '.git', 'hooks', 'pre-commit.svcpkg-chained'), '#!/bin/sh\necho "existing hook says no"\nexit 3\n');
    await writeFile(path.join(dir, 'packages.d', 'good.yaml'), GOOD);
    await gitOk(dir, 'add', '-A');
    const refused = await git(dir, 'commit', '-m', 'rename back');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('existing hook says no');
  });

  it('installing twice changes nothing, and uninstall restores the previous hook exactly', async () => {
    const dir = await repoWithPackage();
    const original = '#!/bin/sh\n# my own hook\nexit 0\n';
    const hookFile = path.join(dir, '.git', 'hooks', 'pre-commit');
    await writeFile(hookFile, original);
    await chmod(hookFile, 0o750);
    const before = await hookFiles(dir);

    await svcpkg(dir, 'hook', 'install');
    const installed = await hookFiles(dir);
    const again = await svcpkg(dir, 'hook', 'install');
    expect(again.stdout).toContain('nothing changed');
    expect(await hookFiles(dir)).toEqual(installed);
    expect(installed['pre-commit']?.text).toContain('validate --staged --locked');
    expect(installed['pre-commit']!.mode & 0o111).toBe(0o111);

    const uninstall = await svcpkg(dir, 'hook', 'uninstall');
    expect(uninstall.code).toBe(0);
    expect(await hookFiles(dir)).toEqual(before);
    expect((await svcpkg(dir, 'hook', 'uninstall')).stdout).toContain('nothing changed');
  });

  it('uninstall without a previous hook leaves no hook at all', async () => {
    const dir = await repoWithPackage();
    await svcpkg(dir, 'hook', 'install');
    await svcpkg(dir, 'hook', 'uninstall');
    expect(await hookFiles(dir)).toEqual({ 'pre-commit': undefined, chained: undefined });
  });

  it('installs into core.hooksPath, and removes the folder it created', async () => {
    const dir = await repoWithPackage();
    await gitOk(dir, 'config', 'core.hooksPath', '.githooks');
    const install = await svcpkg(dir, 'hook', 'install');
    expect(install.stdout).toContain('.githooks/pre-commit');
    expect((await hookFiles(dir, '.git/hooks'))['pre-commit']).toBeUndefined();

    await writeFile(path.join(dir, 'packages.d', 'good.yaml'), BROKEN);
    await gitOk(dir, 'add', 'packages.d/good.yaml');
    const commit = await git(dir, 'commit', '-m', 'break it');
    expect(commit.code).not.toBe(0);
    expect(commit.output).toContain('SP3002');

    await svcpkg(dir, 'hook', 'uninstall');
    await expect(stat(path.join(dir, '.githooks'))).rejects.toThrow();
  });

  it('runs from a project in a subfolder of the repository', async () => {
    const dir = await gitRepo();
    const project = path.join(dir, 'plans');
    await mkdir(path.join(project, 'packages.d'), { recursive: true });
    await writeFile(path.join(project, 'packages.d', 'good.yaml'), GOOD);
    await svcpkg(project, 'compile');
    await writeFile(path.join(dir, '.gitignore'), 'out/\n');
    await svcpkg(project, 'hook', 'install');
    await gitOk(dir, 'add', '-A');
    expect((await git(dir, 'commit', '-m', 'ok')).code).toBe(0);
    await writeFile(path.join(project, 'packages.d', 'good.yaml'), BROKEN);
    await gitOk(dir, 'add', '-A');
    const commit = await git(dir, 'commit', '-m', 'broken');
    expect(commit.code).not.toBe(0);
    expect(commit.output).toContain('packages.d/good.yaml:6:3');
  });

  it('installed from inside the packages folder, runs at the project root', async () => {
    const dir = await gitRepo();
    const project = path.join(dir, 'plans');
    const meet = path.join(project, 'packages.d', 'meet');
    await mkdir(meet, { recursive: true });
    await writeFile(path.join(meet, 'good.yaml'), GOOD);
    await svcpkg(project, 'compile');
    await writeFile(path.join(dir, '.gitignore'), 'out/\n');
    await svcpkg(meet, 'hook', 'install');
    // The project root, not the folder the user stood in: node_modules/.bin is looked up there.
    const hook = (await hookFiles(dir))['pre-commit']?.text ?? '';
    expect(hook).toContain("cd 'plans' ||");
    expect(hook).not.toContain('packages.d/meet');
    await gitOk(dir, 'add', '-A');
    expect((await git(dir, 'commit', '-m', 'ok')).code).toBe(0);
    await writeFile(path.join(meet, 'good.yaml'), BROKEN);
    await gitOk(dir, 'add', '-A');
    const commit = await git(dir, 'commit', '-m', 'broken');
    expect(commit.code).not.toBe(0);
    expect(commit.output).toContain('packages.d/meet/good.yaml:6:3');
  });

  it('is a usage error outside a git repository', async () => {
    const dir = await tempDir();
    // The ceiling keeps git from finding a repository above the temp folder.
    const env = { GIT_CEILING_DIRECTORIES: path.dirname(dir) };
    const result = await runProcess(['hook', 'install'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not inside a git working tree');
    const staged = await runProcess(['validate', '--staged'], { cwd: dir, env });
    expect(staged.code).toBe(2);
  });
});
