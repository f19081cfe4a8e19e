// Real temporary git repositories for the hook and staged-validation tests.
import { execFile } from 'node:child_process';
import os from 'node:os';
import { tempFolder } from '../helpers/temp.js';

/** A fresh temporary folder `svcpkg-<name>-XXXXXX`, removed after its test file (test/helpers/temp-cleanup.ts). */
export function tempDir(prefix = 'svcpkg-workflow-'): Promise<string> {
  return tempFolder(prefix.replace(/^svcpkg-/, '').replace(/-$/, ''));
}

/** Environment for git: a fixed identity, and no user or system configuration leaking in. */
export const GIT_ENV: Record<string, string | undefined> = {
  PATH: process.env['PATH'],
  HOME: os.tmpdir(),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.test',
  GIT_COMMITTER_NAME: 'Test Committer',
  GIT_COMMITTER_EMAIL: 'committer@example.test',
  NO_COLOR: '1',
};

/** What a git command printed. */
export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together (a hook's output goes to either). */
  output: string;
}

/** Run git in `cwd`; never throws (check `code`). */
export function git(cwd: string, ...args: string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, env: GIT_ENV, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr, output: stdout + stderr });
    });
  });
}

/** Run git and fail the test when it fails. */
export async function gitOk(cwd: string, ...args: string[]): Promise<string> {
  const run = await git(cwd, ...args);
  if (run.code !== 0) throw new Error(`git ${args.join(' ')} failed (${run.code}):\n${run.output}`);
  return run.stdout;
}

/** A new git repository in a temporary folder. */
export async function gitRepo(): Promise<string> {
  const dir = await tempDir('svcpkg-git-');
  await gitOk(dir, 'init', '-q', '-b', 'main');
  return dir;
}
