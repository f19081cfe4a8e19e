// `svcpkg watch` as a real process: prints each build with a time stamp and its duration, and
// exits 0 on SIGINT/SIGTERM without leaving temporary files (uses dist/: `npm test` builds first).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { listFiles, pkg, repo } from './helpers.js';

interface Running {
  child: ChildProcess;
  output: () => string;
  /** Resolves once the output matches `pattern` (after `from` characters); rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startCli(cwd: string, args: string[]): Running {
  const child = spawn(process.execPath, [BIN, 'watch', ...args], { cwd, env: { PATH: process.env['PATH'], NO_COLOR: '1' } });
  let text = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (pattern: RegExp, from = 0, timeoutMs = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(text.slice(from))) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${pattern} in:\n${text}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  return { child, output: () => text, waitFor, exit };
}

describe('svcpkg watch (process)', () => {
  it('prints builds with time stamps and durations, and exits 0 on SIGINT leaving no temp files', async () => {
    const dir = await repo({ 'packages.d/a.yaml': pkg('meet-a') });
    const run = startCli(dir, ['--debounce', '20']);
    try {
      await run.waitFor(/watching packages\.d/);
      expect(run.output()).toMatch(/\[\d\d:\d\d:\d\d\] initial build · ✔ 1 package · \d+ ms/);
      expect(run.output()).toMatch(/wrote svcpkg\.lock\.json, out\/manifest\.json, out\/manifest\.ts · \d+ ms/);

      const mark = run.output().length;
      await writeFile(path.join(dir, 'packages.d/a.yaml'), pkg('meet-a').replace('max_rooms', 'max_romos'));
      await run.waitFor(/nothing written/, mark);
      const printed = run.output().slice(mark);
      expect(printed).toContain('packages.d/a.yaml:6:3');
      expect(printed).toMatch(/\[\d\d:\d\d:\d\d\] packages\.d\/a\.yaml changed · ✖ 1 error · \d+ ms/);
      expect(printed).not.toContain('\u001b[2J'); // not a terminal: the screen is never cleared
    } finally {
      run.child.kill('SIGINT');
    }
    const { code } = await run.exit;
    expect(code).toBe(0);
    expect(run.output()).toContain('watch stopped');
    expect((await listFiles(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 0 on SIGTERM in the middle of the first emit', async () => {
    const dir = await repo({ 'packages.d/a.yaml': pkg('meet-a'), 'packages.d/b.yaml': pkg('meet-b') });
    const run = startCli(dir, []);
    await run.waitFor(/initial build/);
    run.child.kill('SIGTERM'); // manifest.ts is probably still being generated
    const { code } = await run.exit;
    expect(code).toBe(0);
    expect((await listFiles(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps going when the packages folder is deleted and recreated, and says so', async () => {
    const dir = await repo({ 'packages.d/a.yaml': pkg('meet-a') });
    const run = startCli(dir, ['--debounce', '20']);
    try {
      await run.waitFor(/watching packages\.d/);
      let mark = run.output().length;
      await rm(path.join(dir, 'packages.d'), { recursive: true });
      await run.waitFor(/nothing written/, mark);
      expect(run.output().slice(mark)).toMatch(/no such file or folder/);
      mark = run.output().length;
      await mkdir(path.join(dir, 'packages.d'));
      await writeFile(path.join(dir, 'packages.d/b.yaml'), pkg('meet-b'));
      await run.waitFor(/packages\.d came back: watching it again[\s\S]*wrote .*out\/manifest\.json/, mark);
      expect(JSON.parse(await readFile(path.join(dir, 'out/manifest.json'), 'utf8')).packages.map((p: { code: string }) => p.code)).toEqual(['meet-b']);
    } finally {
      run.child.kill('SIGINT');
    }
    expect((await run.exit).code).toBe(0);
  });

  it('is a usage error with a bad --debounce', async () => {
    const dir = await repo({ 'packages.d/a.yaml': pkg('meet-a') });
    const run = startCli(dir, ['--debounce', 'soon']);
    const { code } = await run.exit;
    expect(code).toBe(2);
    expect(run.output()).toContain('--debounce takes a positive whole number');
  });
});
