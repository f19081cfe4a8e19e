// `svcpkg init` inside an existing project (docs/decisions.md): from a subfolder every other
// command already works on the project above, so init refuses (exit 2, naming that project's root
// and its marker, writing nothing) unless `--nested` asks for a separate project there. Run through
// the built CLI as a user would, from the subfolder.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';
import { gitOk } from './git.js';

const svcpkg = (cwd: string, ...args: string[]) => runProcess(args, { cwd, env: { NO_COLOR: '1' } });

/** A project made by `svcpkg init`, with an empty subfolder `packages.d/meet`. */
async function project(): Promise<{ root: string; sub: string }> {
  const root = await tempFolder('init-nested');
  expect((await svcpkg(root, 'init', '--no-hook')).code).toBe(0);
  const sub = path.join(root, 'packages.d', 'meet');
  await mkdir(sub);
  return { root, sub };
}

describe('svcpkg init inside an existing project', () => {
  it('refuses from a subfolder, naming the project root and its marker, and writes nothing', async () => {
    const { sub } = await project();
    const init = await svcpkg(sub, 'init', '--no-hook');
    expect(init.code).toBe(2);
    expect(init.stderr).toBe(
      'svcpkg: init refused: the current folder is inside the svcpkg project at ../.. (it has svcpkg.config.yaml), and svcpkg commands run here already use that project.\n' +
        'Nothing was written. Add packages to that project instead, or run `svcpkg init --nested` for a separate project here.\n',
    );
    expect(init.stdout).toBe('');
    expect(await readdir(sub)).toEqual([]);
  });

  it('refuses a DIR argument inside the project, and creates no folder', async () => {
    const { root } = await project();
    const init = await svcpkg(root, 'init', 'plans/eu', '--no-hook');
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('svcpkg: init refused: plans/eu is inside the svcpkg project at . (it has svcpkg.config.yaml)');
    expect(await readdir(root)).not.toContain('plans');
  });

  it('names the lockfile, or packages.d beside package.json, when that is what makes the project', async () => {
    const byLock = await tempFolder('init-nested');
    await writeFile(path.join(byLock, 'svcpkg.lock.json'), '{ "format_version": 1, "packages": {} }\n');
    await mkdir(path.join(byLock, 'sub'));
    expect((await svcpkg(path.join(byLock, 'sub'), 'init', '--no-hook')).stderr).toContain('inside the svcpkg project at .. (it has svcpkg.lock.json)');
    const byFolder = await tempFolder('init-nested');
    await writeFile(path.join(byFolder, 'package.json'), '{}\n');
    await mkdir(path.join(byFolder, 'packages.d', 'meet'), { recursive: true });
    const init = await svcpkg(path.join(byFolder, 'packages.d', 'meet'), 'init', '--no-hook');
    expect(init.code).toBe(2);
    expect(init.stderr).toContain('inside the svcpkg project at ../.. (it has packages.d)');
  });

  it('scaffolds a separate project with --nested, which then validates on its own', async () => {
    const { sub } = await project();
    const init = await svcpkg(sub, 'init', '--nested', '--no-hook');
    expect(init.code, init.stderr).toBe(0);
    expect(await readdir(sub)).toContain('svcpkg.config.yaml');
    const validate = await svcpkg(sub, 'validate');
    expect(validate.stdout).toContain('1 package in 1 file: no problems');
  });

  it('scaffolds a folder that is its own git repository: a project above it is another one', async () => {
    const { sub } = await project();
    await gitOk(sub, 'init', '-q', '-b', 'main');
    const init = await svcpkg(sub, 'init', '--no-hook');
    expect(init.code, init.stderr).toBe(0);
  });

  it('still refuses existing files at the project root itself with exit 1, as before', async () => {
    const { root } = await project();
    const init = await svcpkg(root, 'init', '--no-hook');
    expect(init.code).toBe(1);
    expect(init.stderr).toContain('init never overwrites');
  });
});
