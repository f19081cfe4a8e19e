// Nothing outside the input folder is read, printed or waited on (docs/decisions.md, "untrusted
// input"): links to secrets, devices and FIFOs, and input roots that link out of the repository.
import { execFileSync } from 'node:child_process';
import { symlink, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, runWithDeadline, VALID_PACKAGE, type DeadlineRun } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const SECRET = 'FAKE_SECRET_TOKEN_d41d8cd98f00b204';
/** Longest a run may take before the test calls it a hang and kills it. */
const KILL_AFTER_MS = 20_000;

// Folders are temporary, removed after this file by test/helpers/temp-cleanup.ts.
const outsideDir = (): Promise<string> => tempFolder('outside');
const repoWith = makeRepo;

const ENV: Record<string, string | undefined> = {
  PATH: process.env['PATH'],
  HOME: os.tmpdir(),
  NO_COLOR: '1',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'T',
  GIT_AUTHOR_EMAIL: 't@example.test',
  GIT_COMMITTER_NAME: 'T',
  GIT_COMMITTER_EMAIL: 't@example.test',
};

/** Run the built CLI; kill it if it has not exited by itself after KILL_AFTER_MS. */
function run(args: string[], cwd: string): Promise<DeadlineRun> {
  return runWithDeadline(args, { cwd, env: ENV, killAfterMs: KILL_AFTER_MS });
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, env: ENV, stdio: 'ignore' });
}

/** A repository whose packages.d/env.yaml links to `target`. */
async function linkedRepo(target: string): Promise<string> {
  const repo = await repoWith({ 'packages.d/a.yaml': VALID_PACKAGE });
  await symlink(target, path.join(repo, 'packages.d', 'env.yaml'));
  return repo;
}

async function secretFile(): Promise<string> {
  const file = path.join(await outsideDir(), 'credentials');
  await writeFile(file, `${SECRET}\naws_secret_access_key = ${SECRET}\n`);
  return file;
}

describe('a link out of the input folder is never read or printed', () => {
  it.each([
    ['validate (default format)', ['validate']],
    ['validate --format pretty', ['validate', '--format', 'pretty']],
    ['validate --format pretty --verbose', ['validate', '--format', 'pretty', '--verbose']],
    ['compile', ['compile']],
  ])('%s: refused with SP1014, the secret appears nowhere', async (_name, args) => {
    const repo = await linkedRepo(await secretFile());
    const result = await run(args, repo);
    expect(result.killed).toBe(false);
    expect(result.code).toBe(1);
    expect(result.output).toContain('SP1014');
    expect(result.output).not.toContain(SECRET);
  }, 60_000);

  it('validate --staged in a real git repository: the secret appears nowhere', async () => {
    const repo = await linkedRepo(await secretFile());
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    const result = await run(['validate', '--staged'], repo);
    expect(result.killed).toBe(false);
    expect([1, 2]).toContain(result.code);
    expect(result.output).not.toContain(SECRET);
  }, 60_000);
});

describe('a link to a device or a FIFO never hangs', () => {
  it.each([
    ['validate', ['validate']],
    ['validate --format pretty --verbose', ['validate', '--format', 'pretty', '--verbose']],
    ['compile', ['compile']],
  ])('/dev/zero, %s: exits by itself with 1 or 2', async (_name, args) => {
    const repo = await linkedRepo('/dev/zero');
    const result = await run(args, repo);
    expect(result.killed).toBe(false);
    expect([1, 2]).toContain(result.code);
  }, 60_000);

  it.each([
    ['validate', ['validate']],
    ['validate --format pretty --verbose', ['validate', '--format', 'pretty', '--verbose']],
    ['compile', ['compile']],
  ])('a FIFO outside the folder, %s: exits by itself with 1 or 2', async (_name, args) => {
    const fifo = path.join(await outsideDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const repo = await linkedRepo(fifo);
    const result = await run(args, repo);
    expect(result.killed).toBe(false);
    expect([1, 2]).toContain(result.code);
  }, 60_000);

  it('validate --staged with links to /dev/zero and a FIFO: exits by itself', async () => {
    const fifo = path.join(await outsideDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    const repo = await linkedRepo('/dev/zero');
    await symlink(fifo, path.join(repo, 'packages.d', 'pipe.yaml'));
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    const result = await run(['validate', '--staged'], repo);
    expect(result.killed).toBe(false);
    expect([1, 2]).toContain(result.code);
  }, 60_000);
});

describe('svcpkg.config.yaml', () => {
  it.each([
    ['a link to a secret outside', 'secret'],
    ['a link to /dev/zero', '/dev/zero'],
    ['a link to a FIFO', 'fifo'],
  ])('%s: refused (exit 2), never read or printed, no hang', async (_name, kind) => {
    let target = kind;
    if (kind === 'secret') target = await secretFile();
    if (kind === 'fifo') {
      target = path.join(await outsideDir(), 'pipe');
      execFileSync('mkfifo', [target]);
    }
    const repo = await repoWith({ 'packages.d/a.yaml': VALID_PACKAGE });
    await symlink(target, path.join(repo, 'svcpkg.config.yaml'));
    const result = await run(['validate', '--format', 'pretty', '--verbose'], repo);
    expect(result.killed).toBe(false);
    expect(result.code).toBe(2);
    expect(result.output).not.toContain(SECRET);
  }, 60_000);
});

describe('an input root that links out of the repository', () => {
  it('packages.d -> a folder outside: refused with exit 2 and a clear message, nothing read', async () => {
    const outside = await outsideDir();
    await writeFile(path.join(outside, 'a.yaml'), `code: leak\nname: ${SECRET}\nbroken: [\n`);
    const repo = await repoWith({ 'README.md': 'x\n' });
    await symlink(outside, path.join(repo, 'packages.d'));
    for (const args of [['validate'], ['validate', '--format', 'pretty', '--verbose'], ['compile']]) {
      const result = await run(args, repo);
      expect(result.killed).toBe(false);
      expect(result.code).toBe(2);
      expect(result.output).toMatch(/packages\.d is a symbolic link to .*, outside the repository: refused/);
      expect(result.output).not.toContain(SECRET);
    }
  }, 60_000);

  it('a catalog folder linking out of the repository: refused with exit 2, nothing read', async () => {
    const outside = await outsideDir();
    for (const file of ['features.yaml', 'service-types.yaml', 'provider-types.yaml']) {
      await writeFile(path.join(outside, file), `${SECRET}: [\n`);
    }
    const repo = await repoWith({ 'packages.d/a.yaml': VALID_PACKAGE });
    await symlink(outside, path.join(repo, 'catalog'));
    for (const args of [['validate', '--catalog', 'catalog'], ['compile', '--catalog', 'catalog']]) {
      const result = await run(args, repo);
      expect(result.killed).toBe(false);
      expect(result.code).toBe(2);
      expect(result.output).toMatch(/catalog is a symbolic link to .*, outside the repository: refused/);
      expect(result.output).not.toContain(SECRET);
    }
  }, 60_000);

  it('a root link that stays inside the repository is followed', async () => {
    const repo = await repoWith({ 'real/a.yaml': VALID_PACKAGE });
    await symlink(path.join(repo, 'real'), path.join(repo, 'packages.d'));
    await mkdir(path.join(repo, 'out'), { recursive: true });
    const result = await run(['validate'], repo);
    expect(result.code).toBe(0);
  }, 60_000);
});
