// The README's pre-commit framework recipe, run by the real `pre-commit` against a local clone of
// this repository at its HEAD commit: it installs (npm pack's stdout is only the tarball name) and
// blocks a broken staged package. Skipped only outside CI when pre-commit is not installed.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, VALID_PACKAGE } from '../helpers/cli.js';
import { hasTool, run } from './shared.js';

const RECIPE = path.join(REPO_ROOT, 'docs', 'recipes', 'pre-commit-config.yaml');
const available = hasTool('pre-commit');
const skip = !available && !process.env.CI;

describe('the README pre-commit block', () => {
  it('is docs/recipes/pre-commit-config.yaml, indented under its bullet', async () => {
    const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const recipe = await readFile(RECIPE, 'utf8');
    const block = /\(`\.pre-commit-config\.yaml`\):\n {2}```yaml\n([\s\S]*?) {2}```\n/.exec(readme)?.[1];
    expect(block?.split('\n').map((line) => line.replace(/^ {2}/, '')).join('\n')).toBe(recipe);
  });
});

describe.skipIf(skip)('the pre-commit framework recipe', () => {
  let tmp = '';
  let project = '';
  let env: Record<string, string> = {};

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'svcpkg-pre-commit-'));
    const clone = path.join(tmp, 'svcpkg');
    const cloned = await run('git', ['clone', '--quiet', REPO_ROOT, clone], tmp);
    expect(cloned.code, cloned.stderr).toBe(0);
    const sha = (await run('git', ['rev-parse', 'HEAD'], REPO_ROOT)).stdout.trim();
    project = path.join(tmp, 'project');
    await mkdir(path.join(project, 'packages.d'), { recursive: true });
    env = {
      PRE_COMMIT_HOME: path.join(tmp, 'pre-commit-home'),
      GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com',
    };
    // The user's file: the recipe with their own repo and rev.
    const recipe = (await readFile(RECIPE, 'utf8'))
      .replace(/repo: \S+/, `repo: ${clone}`)
      .replace(/rev: \S+/, `rev: ${sha}`);
    expect(recipe).toContain(sha);
    await writeFile(path.join(project, '.pre-commit-config.yaml'), recipe);
    await writeFile(path.join(project, 'packages.d', 'basic.yaml'), VALID_PACKAGE);
    // As `svcpkg init` writes it: the result cache is not committed.
    await writeFile(path.join(project, '.gitignore'), '.svcpkg-cache/\nnode_modules/\n');
    expect((await run('git', ['init', '--quiet'], project)).code).toBe(0);
    const compiled = await run('node', [BIN, 'compile'], project);
    expect(compiled.code, compiled.stdout + compiled.stderr).toBe(0);
    expect((await run('git', ['add', '-A'], project)).code).toBe(0);
  }, 60_000);

  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('installs the hook and passes on a good package', async () => {
    const result = await run('pre-commit', ['run', '--all-files'], project, env);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/svcpkg validate\.+Passed/);
  }, 600_000);

  it('fails on a broken staged package, naming its diagnostic code', async () => {
    await writeFile(path.join(project, 'packages.d', 'basic.yaml'), VALID_PACKAGE.replace('max_rooms: 5', 'max_rooms: many'));
    expect((await run('git', ['add', '-A'], project)).code).toBe(0);
    const result = await run('pre-commit', ['run'], project, env);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/svcpkg validate\.+Failed/);
    expect(result.stdout).toMatch(/packages\.d\/basic\.yaml:\d+:\d+.*SP\d{4}/s);
  }, 600_000);
});
