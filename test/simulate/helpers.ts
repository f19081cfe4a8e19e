// Running `svcpkg simulate` in-process, and temporary scenario folders.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { run } from '../../src/cli/commands/simulate.js';
import type { CommandIO } from '../../src/cli/io.js';
import { tempFolder } from '../helpers/temp.js';

/** The repository root. */
export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** What a run produced. */
export interface SimulateResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `svcpkg simulate ARGS` in `cwd`, capturing output; named errors become exit 2 like main's handler. */
export async function simulate(args: string[], cwd: string, options: { tty?: boolean } = {}): Promise<SimulateResult> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    cwd,
    env: { NO_COLOR: '1' },
  };
  try {
    return { code: await run(args, io), stdout, stderr };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'UsageError' || name === 'IoError' || name === 'ConfigError') return { code: 2, stdout, stderr: stderr + (error as Error).message };
    throw error;
  }
}

/** A temporary folder holding `files` (relative path → content). */
export async function folder(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await tempFolder('simulate');
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(root, relative);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  return root;
}

/** One NDJSON line per event. */
export function ndjson(events: readonly unknown[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n') + '\n';
}
