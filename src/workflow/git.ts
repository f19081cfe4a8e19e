// Talking to git: run one git command in a folder and collect its output (staged reads, hook paths).
import { spawn } from 'node:child_process';
import { IoError } from '../diagnostics/errors.js';

/** What a finished git command printed. */
export interface GitOutput {
  /** Exit status (null when killed by a signal). */
  status: number | null;
  /** Standard output, as bytes: index content is not necessarily text. */
  stdout: Buffer;
  /** Standard error, as text. */
  stderr: string;
}

/**
 * Run `git ARGS` in `cwd`, feeding `input` on stdin. The environment is inherited on purpose: inside
 * a hook, git sets GIT_INDEX_FILE (a temporary index for `git commit -a` or `git commit PATHS`) and
 * GIT_DIR, and the staged read must see that index, not the default one.
 */
export function runGit(args: readonly string[], cwd: string, input?: string | Buffer): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new IoError(error.code === 'ENOENT' ? 'git is not installed or not on PATH' : `cannot run git: ${error.message}`)),
    );
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    // A command that does not read stdin may close it first: ignore the resulting EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** Run a git command that must succeed and return its text output; a failure is an IoError (exit 2). */
export async function gitText(args: readonly string[], cwd: string): Promise<string> {
  const result = await runGit(args, cwd);
  if (result.status !== 0) {
    const reason = result.stderr.trim().split('\n')[0] ?? `exit status ${String(result.status)}`;
    throw new IoError(`git ${args.join(' ')} failed in ${cwd}: ${reason}`);
  }
  return result.stdout.toString('utf8').replace(/\n$/, '');
}

/** The top folder of the working tree holding `cwd`, or undefined outside a git working tree. */
export async function findWorkTree(cwd: string): Promise<string | undefined> {
  const result = await runGit(['rev-parse', '--show-toplevel'], cwd);
  if (result.status !== 0) return undefined;
  const top = result.stdout.toString('utf8').trim();
  return top === '' ? undefined : top;
}
