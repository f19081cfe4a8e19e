// Running `svcpkg simulate` in-process, and temporary scenario folders.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
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

/**
 * Run `svcpkg simulate ARGS` in `cwd`, capturing output, through the CLI's real entry point: its
 * one mapping of failures to exit codes is what the exit-2 tests exercise, not a copy of it.
 */
export async function simulate(args: string[], cwd: string, options: { tty?: boolean } = {}): Promise<SimulateResult> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    cwd,
    env: { NO_COLOR: '1' },
  };
  const code = await main(['simulate', ...args], io);
  return { code, stdout, stderr };
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
