// `svcpkg watch` in-process through the CLI: io.signal stops it with exit 0; the screen is cleared
// on a terminal unless --preserve-output; a broken configuration is reported and then recovered.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { pkg, repo } from './helpers.js';

const CLEAR = '\u001b[2J';

/** Run `svcpkg watch ARGS` until `until(output)` holds (or 15 s pass), then abort it. */
async function watchUntil(cwd: string, args: string[], tty: boolean, steps: ((output: () => string) => Promise<void>)[]) {
  let out = '';
  const controller = new AbortController();
  const stream = { write: (s: string) => (out += s), isTTY: tty };
  const running = main(['watch', '--debounce', '20', ...args], {
    stdout: stream,
    stderr: stream,
    cwd,
    env: { NO_COLOR: '1' },
    signal: controller.signal,
  });
  try {
    for (const step of steps) await step(() => out);
  } finally {
    controller.abort();
  }
  return { code: await running, output: out };
}

const waitFor =
  (pattern: RegExp, from = 0) =>
  async (output: () => string) => {
    const deadline = Date.now() + 15_000;
    while (!pattern.test(output().slice(from))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} in:\n${output()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

describe('svcpkg watch (command)', () => {
  it('clears the screen on a terminal, and stops with exit 0 when aborted', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': 'emit: [json]\n', 'packages.d/a.yaml': pkg('meet-a') });
    const { code, output } = await watchUntil(dir, [], true, [waitFor(/watching/)]);
    expect(code).toBe(0);
    expect(output.startsWith(CLEAR)).toBe(true);
    expect(output).toContain('watch stopped');
  });

  it('keeps the scrollback with --preserve-output', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': 'emit: [json]\n', 'packages.d/a.yaml': pkg('meet-a') });
    const { code, output } = await watchUntil(dir, ['--preserve-output'], true, [waitFor(/watching/)]);
    expect(code).toBe(0);
    expect(output).not.toContain(CLEAR);
  });

  it('reports a broken svcpkg.config.yaml and recovers when it is fixed', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': 'emit: [json]\n', 'packages.d/a.yaml': pkg('meet-a') });
    let mark = 0;
    const { code, output } = await watchUntil(dir, [], false, [
      waitFor(/watching/),
      async (out) => {
        mark = out().length;
        await writeFile(path.join(dir, 'svcpkg.config.yaml'), 'emit: [pdf]\n');
      },
      async (out) => waitFor(/svcpkg.config.yaml:1:8: error SP2004[\s\S]*nothing written/, mark)(out),
      async (out) => {
        mark = out().length;
        await writeFile(path.join(dir, 'svcpkg.config.yaml'), 'emit: [json]\n');
      },
      async (out) => waitFor(/svcpkg\.config\.yaml changed · ✔ 1 package/, mark)(out),
    ]);
    expect(code).toBe(0);
    expect(output).toContain('svcpkg.config.yaml');
  });

  it('prints one JSON report per build with --format json, status lines on stderr', async () => {
    const dir = await repo({ 'svcpkg.config.yaml': 'emit: [json]\n', 'packages.d/a.yaml': pkg('meet-a') });
    let stdout = '';
    let stderr = '';
    const controller = new AbortController();
    const running = main(['watch', '--format', 'json'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: dir,
      env: {},
      signal: controller.signal,
    });
    await waitFor(/watching/)(() => stderr);
    controller.abort();
    expect(await running).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ diagnostics: [] });
    expect(stderr).toContain('initial build');
  });
});
