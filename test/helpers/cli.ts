// Running the CLI in tests: in-process with captured streams, or as a real child process.
import { execFile } from 'node:child_process';
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
