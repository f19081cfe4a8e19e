// `validate --staged`: the index, not the working tree — conflicts, hostile content, links,
// hidden folders, and the temporary index git uses for `commit -a`.
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { git, gitOk, gitRepo } from './git.js';

const pkg = (code: string, rooms = 5) =>
  `code: ${code}\nname: ${code}\nservice_type: meet\nstatus: inactive\nfeatures:\n  max_rooms: ${rooms}\n  screen_sharing: true\n`;
const svcpkg = (cwd: string, ...args: string[]) => runInProcess(args, { cwd, env: { NO_COLOR: '1' } });

async function repoWith(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await gitRepo();
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  await gitOk(dir, 'add', '-A');
  return dir;
}

describe('validate --staged', () => {
  it('checks staged content only: unstaged files are not seen', async () => {
    const dir = await repoWith({ 'packages.d/a.yaml': pkg('meet-a') });
    await writeFile(path.join(dir, 'packages.d/untracked.yaml'), 'code: [');
    const result = await svcpkg(dir, 'validate', '--staged');
    expect(result.stdout).toContain('1 package in 1 file: no problems');
    expect(result.code).toBe(0);
  });

  it('says when the failing staged file differs from the working tree (fixed but not added)', async () => {
    const dir = await repoWith({ 'packages.d/a.yaml': 'code: [\n', 'packages.d/b.yaml': 'code: [\n' });
    await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a')); // fixed, not staged
    const result = await svcpkg(dir, 'validate', '--staged');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the staged content of packages.d/a.yaml differs from your working tree');
    expect(result.stderr).toContain('`git add` the file and commit again');
    expect(result.stderr).not.toContain('b.yaml'); // unchanged since staged: its problem is real

    await gitOk(dir, 'add', 'packages.d/a.yaml');
    expect((await svcpkg(dir, 'validate', '--staged')).stderr).not.toContain('differs from your working tree');
  });

  it('reports an unresolved merge conflict (SP8001)', async () => {
    const dir = await repoWith({ 'packages.d/a.yaml': pkg('meet-a') });
    await gitOk(dir, 'commit', '-q', '-m', 'base');
    await gitOk(dir, 'checkout', '-q', '-b', 'other');
    await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a', 7));
    await gitOk(dir, 'commit', '-q', '-am', 'seven');
    await gitOk(dir, 'checkout', '-q', 'main');
    await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a', 9));
    await gitOk(dir, 'commit', '-q', '-am', 'nine');
    expect((await git(dir, 'merge', 'other')).code).not.toBe(0);
    const result = await svcpkg(dir, 'validate', '--staged', '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { diagnostics: { code: string; file: string }[] };
    expect(report.diagnostics.map((d) => [d.code, d.file])).toEqual([['SP8001', 'packages.d/a.yaml']]);
  });

  it('applies the size cap and the UTF-8 check to staged content', async () => {
    const dir = await repoWith({
      'packages.d/big.yaml': pkg('meet-big') + `description: ${'x'.repeat(5000)}\n`,
      'packages.d/latin1.yaml': Buffer.from('code: meet-latin\nname: Caf\xe9\nservice_type: meet\n', 'latin1'),
    });
    const result = await svcpkg(dir, 'validate', '--staged', '--max-file-size', '4096', '--format', 'json');
    const codes = (JSON.parse(result.stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics.map((d) => [d.code, d.file]);
    expect(codes).toEqual([
      ['SP1005', 'packages.d/big.yaml'],
      ['SP1004', 'packages.d/latin1.yaml'],
    ]);
    expect(result.code).toBe(1);
  });

  it('skips hidden folders and lists non-YAML files with --verbose, like the working-tree walk', async () => {
    const dir = await repoWith({
      'packages.d/a.yaml': pkg('meet-a'),
      'packages.d/.drafts/broken.yaml': 'code: [',
      'packages.d/README.md': '# packages\n',
    });
    const result = await svcpkg(dir, 'validate', '--staged', '--verbose');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('packages.d/README.md');
  });

  it('refuses a staged symbolic link that leaves the packages folder', async () => {
    const dir = await repoWith({ 'packages.d/a.yaml': pkg('meet-a'), 'elsewhere/b.yaml': pkg('meet-b') });
    await symlink('../elsewhere/b.yaml', path.join(dir, 'packages.d/b.yaml'));
    await symlink('a.yaml', path.join(dir, 'packages.d/alias.yaml'));
    await gitOk(dir, 'add', '-A');
    const result = await svcpkg(dir, 'validate', '--staged', '--format', 'json');
    const codes = (JSON.parse(result.stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics.map((d) => [d.code, d.file]);
    expect(codes).toEqual([['SP1014', 'packages.d/b.yaml']]);
  });

  it('sees the temporary index of `git commit -a` inside the hook', async () => {
    const dir = await repoWith({ 'packages.d/a.yaml': pkg('meet-a') });
    expect((await svcpkg(dir, 'compile')).code).toBe(0);
    await writeFile(path.join(dir, '.gitignore'), 'out/\n');
    await gitOk(dir, 'add', '-A');
    await gitOk(dir, 'commit', '-q', '-m', 'base');
    await svcpkg(dir, 'hook', 'install');
    // Not staged with `git add`: `commit -a` stages it into a temporary index (GIT_INDEX_FILE).
    await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a').replace('max_rooms', 'max_romos'));
    const commit = await git(dir, 'commit', '-a', '-m', 'all');
    expect(commit.code).not.toBe(0);
    expect(commit.output).toContain('SP3002');
  });

  it('never runs a non-executable chained hook (git would not have run it either)', async () => {
    const dir = await repoWith({ 'packages.d/a.yaml': pkg('meet-a') });
    await svcpkg(dir, 'compile');
    await writeFile(path.join(dir, '.gitignore'), 'out/\n');
    const hook = path.join(dir, '.git/hooks/pre-commit');
    await writeFile(hook, '#!/bin/sh\nexit 1\n');
    await chmod(hook, 0o644);
    await svcpkg(dir, 'hook', 'install');
    await gitOk(dir, 'add', '-A');
    expect((await git(dir, 'commit', '-m', 'ok')).code).toBe(0);
  });
});
