// The simulate table on a terminal is coloured like validate's output, by the same rules
// (FORCE_COLOR wins, then NO_COLOR, then whether stdout is a TTY): golden files of the demo with
// FORCE_COLOR, alone and with --against; colour adds escapes and nothing else.
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/simulate.js';
import type { CommandIO } from '../../src/cli/io.js';
import { runProcess } from '../helpers/cli.js';
import { againstFolder } from './against-fixture.js';

/** ANSI SGR escapes (global, to remove them all). */
const ESCAPES = /\u001b\[[0-9;]*m/g;
/** Whether text holds any escape. */
const hasEscape = (text: string): boolean => text.includes('\u001b[');

describe('simulate table colour', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await againstFolder();
  });

  it('colours the table with FORCE_COLOR, even on a pipe (golden), and only adds escapes', async () => {
    const coloured = await runProcess(['simulate', 'current.yaml', '--quiet'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(coloured.code).toBe(0);
    await expect(coloured.stdout).toMatchFileSnapshot('__snapshots__/table-color.txt');
    // Refusals red, overage yellow, headings bold and underlined.
    expect(coloured.stdout).toContain('\u001b[1m\u001b[31m43 denied\u001b[39m\u001b[22m');
    expect(coloured.stdout).toContain('\u001b[1m\u001b[33m24 overage\u001b[39m\u001b[22m');
    expect(coloured.stdout).toContain('\u001b[1m\u001b[4macme\u001b[24m\u001b[22m');
    const plain = await runProcess(['simulate', 'current.yaml', '--quiet'], { cwd: dir, env: {} });
    expect(hasEscape(plain.stdout)).toBe(false);
    expect(coloured.stdout.replace(ESCAPES, '')).toBe(plain.stdout);
  });

  it('colours the comparison by meaning with FORCE_COLOR (golden): more denials red', async () => {
    const coloured = await runProcess(['simulate', 'proposed.yaml', '--against', 'current', '--quiet'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(coloured.code).toBe(0);
    await expect(coloured.stdout).toMatchFileSnapshot('__snapshots__/against-color.txt');
    expect(coloured.stdout).toMatch(/denied +43 +63 +\u001b\[1m\u001b\[31m\+20\u001b\[39m\u001b\[22m\n/);
    expect(coloured.stdout).toContain('\u001b[1m\u001b[31m20 newly denied\u001b[39m\u001b[22m');
    // The change undone: fewer denials and more accepted are green.
    const undone = await runProcess(['simulate', 'current.yaml', '--against', 'proposed', '--quiet'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(undone.stdout).toMatch(/denied +63 +43 +\u001b\[1m\u001b\[32m−20\u001b\[39m\u001b\[22m\n/);
    expect(undone.stdout).toMatch(/accepted +1,793 +1,813 +\u001b\[1m\u001b\[32m\+20\u001b\[39m\u001b\[22m\n/);
    const plain = await runProcess(['simulate', 'proposed.yaml', '--against', 'current', '--quiet'], { cwd: dir, env: {} });
    expect(coloured.stdout.replace(ESCAPES, '')).toBe(plain.stdout);
    await expect(plain.stdout).toMatchFileSnapshot('__snapshots__/against.txt');
  });

  it.each([
    ['a TTY', true, {}, true],
    ['a TTY with NO_COLOR', true, { NO_COLOR: '1' }, false],
    ['a TTY with FORCE_COLOR=0', true, { FORCE_COLOR: '0' }, false],
    ['a pipe', false, {}, false],
    ['a pipe with FORCE_COLOR=1 over NO_COLOR', false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
  ] as const)('on %s: coloured %s', async (_, tty, env, coloured) => {
    let stdout = '';
    const io: CommandIO = {
      stdout: { write: (s: string) => (stdout += s), isTTY: tty },
      stderr: { write: () => true, isTTY: false },
      cwd: dir,
      env,
    };
    expect(await run(['current.yaml', '--quiet'], io)).toBe(0);
    expect(hasEscape(stdout)).toBe(coloured);
  });
});
