import { describe, expect, it } from 'vitest';
import { palette, shouldUseColor } from '../../src/diagnostics/format/color.js';

describe('shouldUseColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it.each([
    ['a TTY', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['a stream without isTTY', {}, {}, false],
    ['NO_COLOR on a TTY', tty, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR (ignored, per no-color.org)', tty, { NO_COLOR: '' }, true],
    ['NODE_DISABLE_COLORS on a TTY', tty, { NODE_DISABLE_COLORS: '1' }, false],
    ['TERM=dumb on a TTY', tty, { TERM: 'dumb' }, false],
    ['FORCE_COLOR=1 on a pipe', pipe, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=true on a pipe', pipe, { FORCE_COLOR: 'true' }, true],
    ['an empty FORCE_COLOR on a pipe', pipe, { FORCE_COLOR: '' }, true],
    ['FORCE_COLOR=3 over NO_COLOR', pipe, { FORCE_COLOR: '3', NO_COLOR: '1' }, true],
    ['FORCE_COLOR=0 on a TTY', tty, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a TTY', tty, { FORCE_COLOR: 'false' }, false],
  ])('%s → %s', (_name, stream, env, expected) => {
    expect(shouldUseColor(stream, env)).toBe(expected);
  });
});

describe('palette', () => {
  it('is the identity without colour', () => {
    const p = palette(false);
    for (const style of Object.values(p)) expect(style('x')).toBe('x');
  });

  it('wraps text in ANSI escapes with colour, and keeps the outer style after a nested one', () => {
    const p = palette(true);
    expect(p.error('x')).toBe('\u001b[1m\u001b[31mx\u001b[39m\u001b[22m');
    // A dim code inside a bold line: bold is re-opened after dim closes.
    expect(p.error(`a ${p.dim('b')} c`)).toContain('\u001b[22m\u001b[1m c');
    expect(p.dim('')).toBe('');
  });
});
