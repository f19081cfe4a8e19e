// Running the CLI in tests: in-process with captured streams, or as a real child process.
import { execFile, spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/io.js';
import { tempFolder } from './temp.js';

/** What a CLI run produced. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The repository root (where package.json is). */
export const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
/** The built CLI entry point. */
export const BIN = path.join(REPO_ROOT, 'bin', 'svcpkg.js');

/** Run `svcpkg ARGS` in-process with captured output. */
export async function runInProcess(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    cwd: options.cwd,
    env: { ...options.env },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Run `node bin/svcpkg.js ARGS` as a real process (uses dist/: `npm test` builds first). */
export function runProcess(args: string[], options: { cwd: string; env?: Record<string, string | undefined>; input?: string }): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd, env: { PATH: process.env.PATH, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** What a CLI run under a deadline produced. */
export interface DeadlineRun {
  /** Exit code; null when killed. */
  code: number | null;
  /** True when the deadline passed and the process was killed: the test calls that a hang. */
  killed: boolean;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they arrived. */
  output: string;
}

/**
 * Run `node bin/svcpkg.js ARGS` as a real process with no stdin, and SIGKILL it if it has not
 * exited by itself after `killAfterMs`: for hostile inputs, where a hang (a FIFO read, a loop) is
 * the failure to catch, not a test timeout.
 */
export function runWithDeadline(args: string[], options: { cwd: string; env: Record<string, string | undefined>; killAfterMs: number }): Promise<DeadlineRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: DeadlineRun = { code: null, killed: false, stdout: '', stderr: '', output: '' };
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      run.stdout += text;
      run.output += text;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      run.stderr += text;
      run.output += text;
    });
    const timer = setTimeout(() => {
      run.killed = true;
      child.kill('SIGKILL');
    }, options.killAfterMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      run.code = code;
      resolve(run);
    });
  });
}

/** Create a temporary repository from a map of relative path → content. */
export async function makeRepo(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await tempFolder('test');
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, relative);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  return root;
}

/** A package that is valid and warning-free against the default catalog. */
export const VALID_PACKAGE = `code: meet-basic
name: Basic
service_type: meet
status: inactive
features:
  max_rooms: 5
  screen_sharing: true
`;
