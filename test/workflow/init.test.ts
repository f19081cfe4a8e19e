// `svcpkg init`: a scaffold that validates cleanly, works with git right away, and never overwrites.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { git, gitOk, gitRepo, tempDir } from './git.js';

const svcpkg = (cwd: string, ...args: string[]) => runInProcess(args, { cwd, env: { NO_COLOR: '1' } });

describe('svcpkg init', () => {
  it('scaffolds an empty folder that validates with no problem at all', async () => {
    const dir = await tempDir();
    const init = await svcpkg(dir, 'init', '--no-hook');
    expect(init.code).toBe(0);
    const validate = await svcpkg(dir, 'validate', '--locked', '--strict');
    expect(validate.stdout).toContain('1 package in 1 file: no problems');
    expect(validate.code).toBe(0);

    const example = await readFile(path.join(dir, 'packages.d', 'meet-starter.yaml'), 'utf8');
    expect(example.split('\n')[0]).toBe('# yaml-language-server: $schema=../.svcpkg/schemas/service-package.schema.json');
    const settings = JSON.parse(await readFile(path.join(dir, '.vscode', 'settings.json'), 'utf8')) as Record<
      string,
      Record<string, string[]>
    >;
    expect(settings['yaml.schemas']?.['./.svcpkg/schemas/service-package.schema.json']).toContain('packages.d/**/*.yaml');
    expect(await readdir(path.join(dir, '.svcpkg', 'schemas'))).toEqual(['service-package.schema.json', 'svcpkg.config.schema.json']);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toContain('out/');
  });

  it('scaffolds a new subfolder named on the command line', async () => {
    const dir = await tempDir();
    const init = await svcpkg(dir, 'init', 'plans', '--no-hook');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('cd plans && svcpkg validate');
    expect((await svcpkg(path.join(dir, 'plans'), 'validate')).code).toBe(0);
  });

  it('refuses, writing nothing, when scaffold files already exist', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'svcpkg.config.yaml'), 'packages: mine\n');
    const init = await svcpkg(dir, 'init');
    expect(init.code).toBe(1);
    expect(init.stderr).toContain('svcpkg.config.yaml');
    expect(init.stderr).toContain('Nothing was written');
    expect(await readdir(dir)).toEqual(['svcpkg.config.yaml']);
    expect(await readFile(path.join(dir, 'svcpkg.config.yaml'), 'utf8')).toBe('packages: mine\n');
  });

  it('writes nothing from a catalog it cannot use: exit 1 for a catalog with errors, 2 for one it cannot read (src/cli/exit-code.ts)', async () => {
    const dir = await tempDir();
    const bundled = path.join(import.meta.dirname, '..', '..', 'catalog');
    await mkdir(path.join(dir, 'cat'));
    for (const name of ['features.yaml', 'service-types.yaml', 'provider-types.yaml']) {
      const text = await readFile(path.join(bundled, name), 'utf8');
      // Every feature twice: SP5002, an error in the catalog, not a failure to read it.
      await writeFile(path.join(dir, 'cat', name), name === 'features.yaml' ? text + text.replace(/^#.*\n/gm, '') : text);
    }
    const broken = await svcpkg(dir, 'init', 'plans', '--catalog', 'cat', '--no-hook');
    expect(broken.stdout + broken.stderr).toContain('SP5002');
    expect(broken.code).toBe(1);
    const missing = await svcpkg(dir, 'init', 'plans', '--catalog', 'nowhere', '--no-hook');
    expect(missing.stdout + missing.stderr).toContain('SP5001');
    expect(missing.code).toBe(2);
    expect(await readdir(dir)).toEqual(['cat']);
  });

  it('appends out/ to an existing .gitignore instead of refusing', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '.gitignore'), 'node_modules/');
    expect((await svcpkg(dir, 'init', '--no-hook')).code).toBe(0);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe(
      'node_modules/\n# svcpkg compile output (rebuild with `svcpkg compile`) and its cache (safe to delete)\nout/\n.svcpkg-cache/\n' +
        '# dependencies; the lock of a running compile and the temporary file of an interrupted one\n' +
        '.svcpkg.lock.json.lock*\n.svcpkg.lock.json.*.tmp\n',
    );
  });

  it('merges its editor settings into an existing .vscode/settings.json, keeping the user\'s own', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, '.vscode'));
    const mine = { 'editor.tabSize': 4, 'yaml.schemas': { './mine.json': ['other/*.yaml'] }, 'yaml.validate': false };
    await writeFile(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(mine));
    await writeFile(path.join(dir, '.vscode', 'extensions.json'), JSON.stringify({ recommendations: ['esbenp.prettier-vscode'] }));
    const init = await svcpkg(dir, 'init', '--no-hook');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('merged   .vscode/settings.json');
    const settings = JSON.parse(await readFile(path.join(dir, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(settings['editor.tabSize']).toBe(4);
    expect(settings['yaml.validate']).toBe(false);
    expect(settings['yaml.schemas']).toEqual({
      './.svcpkg/schemas/service-package.schema.json': ['packages.d/**/*.yaml', 'packages.d/**/*.yml'],
      './.svcpkg/schemas/svcpkg.config.schema.json': ['svcpkg.config.yaml'],
      './mine.json': ['other/*.yaml'],
    });
    const extensions = JSON.parse(await readFile(path.join(dir, '.vscode', 'extensions.json'), 'utf8')) as Record<string, unknown>;
    expect(extensions['recommendations']).toEqual(['esbenp.prettier-vscode', 'redhat.vscode-yaml']);
  });

  it('leaves a settings file with comments alone, says so, and scaffolds the rest', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, '.vscode'));
    const jsonc = '{\n  // my settings\n  "editor.tabSize": 4,\n}\n';
    await writeFile(path.join(dir, '.vscode', 'settings.json'), jsonc);
    const init = await svcpkg(dir, 'init', '--no-hook');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('skipped  .vscode/settings.json: not plain JSON');
    expect(await readFile(path.join(dir, '.vscode', 'settings.json'), 'utf8')).toBe(jsonc);
    expect((await svcpkg(dir, 'validate')).code).toBe(0);
  });

  it('installs the hook in a git repository, and the scaffold commits cleanly through it', async () => {
    const dir = await gitRepo();
    const init = await svcpkg(dir, 'init');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('.git/hooks/pre-commit (installed)');
    await gitOk(dir, 'add', '-A');
    const commit = await git(dir, 'commit', '-m', 'svcpkg init');
    expect(commit.output).toContain('no problems');
    expect(commit.code).toBe(0);
  });
});
