import { describe, expect, it, vi } from 'vitest';
import { formatPretty, type PrettyOptions } from '../../src/diagnostics/format/pretty.js';
import { MAX_LINE_WIDTH } from '../../src/diagnostics/format/frame.js';
import { DIAGNOSTICS, SECRET_COLUMN, STATS, diagnostic, readSource, stripAnsi } from './fixtures.js';

const plain: PrettyOptions = { color: false, readSource, stats: STATS };

/** The frame rows printed right after the headline that starts with `location`. */
function frameOf(output: string, location: string): { source: string; caret: string } {
  const lines = output.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${location}:`));
  expect(at, `no headline for ${location}`).toBeGreaterThanOrEqual(0);
  return { source: lines[at + 1] ?? '', caret: lines[at + 2] ?? '' };
}

describe('formatPretty', () => {
  it('matches the golden output for the fixture diagnostics', async () => {
    await expect(formatPretty(DIAGNOSTICS, plain)).toMatchFileSnapshot('./__snapshots__/pretty.txt');
  });

  it('matches the golden verbose output', async () => {
    await expect(formatPretty(DIAGNOSTICS, { ...plain, verbose: true })).toMatchFileSnapshot(
      './__snapshots__/pretty-verbose.txt',
    );
  });

  it('says there are no problems for an empty list', () => {
    expect(formatPretty([], plain)).toBe('✔ 4 packages in 3 files: no problems\n');
    expect(formatPretty([], { color: false, readSource })).toBe('✔ no problems\n');
  });

  it('summarises with the worst severity first and singular nouns for one', () => {
    const one = formatPretty([diagnostic({ severity: 'warning' })], { color: false, readSource: () => undefined });
    expect(one.trimEnd().split('\n').at(-1)).toBe('⚠ 1 warning in 1 file');
    const info = formatPretty([diagnostic({ severity: 'info' })], { color: false, readSource: () => undefined });
    expect(info.trimEnd().split('\n').at(-1)).toBe('ℹ 1 info in 1 file');
  });

  it('groups by file in sorted order, diagnostics by position, files without a name first', () => {
    const out = formatPretty(DIAGNOSTICS, plain);
    const headlines = out.split('\n').filter((l) => /^(\S+:\d+:\d+: )?(error|warning|info) SP\d{4}/.test(l));
    expect(headlines.map((l) => l.split(' ')[0])).toEqual([
      'error',
      'packages.d/meet.yaml:3:7:',
      'packages.d/meet.yaml:5:8:',
      'packages.d/meet.yaml:7:3:',
      'packages.d/meet.yaml:8:14:',
      `packages.d/meet.yaml:9:${SECRET_COLUMN}:`,
      'packages.d/missing.yaml:4:1:',
      'packages.d/webinar.yaml:5:7:',
      'packages.d/webinar.yaml:9:3:',
    ]);
    const headings = out.split('\n').filter((l) => /^packages\.d\/\w+\.yaml$/.test(l));
    expect(headings).toEqual(['packages.d/meet.yaml', 'packages.d/missing.yaml', 'packages.d/webinar.yaml']);
  });

  it('underlines column..end_column', () => {
    const { source, caret } = frameOf(formatPretty(DIAGNOSTICS, plain), 'packages.d/meet.yaml:7:3');
    expect(source).toBe('  7 │   max_room: 4');
    expect(caret.indexOf('^')).toBe(source.indexOf('max_room'));
    expect(caret.trimEnd().endsWith('^'.repeat('max_room'.length))).toBe(true);
    expect((caret.match(/\^/g) ?? []).length).toBe('max_room'.length);
  });

  it('expands tabs so the caret sits under the value', () => {
    const { source, caret } = frameOf(formatPretty(DIAGNOSTICS, plain), 'packages.d/meet.yaml:5:8');
    expect(source).not.toContain('\t');
    expect(caret.indexOf('^')).toBe(source.indexOf('-5'));
    expect(caret).toBe(`    │ ${' '.repeat('price:  '.length)}^^`);
  });

  it('counts wide characters as two columns', () => {
    const { source, caret } = frameOf(formatPretty(DIAGNOSTICS, plain), 'packages.d/meet.yaml:3:7');
    expect(source).toBe('  3 │ name: 会議 Standard');
    // 会議 take four columns, then a space and `Standard`.
    expect((caret.match(/\^/g) ?? []).length).toBe(4 + 1 + 'Standard'.length);
  });

  it('trims a long line around the span, with ellipses, keeping the caret under it', () => {
    const { source, caret } = frameOf(formatPretty(DIAGNOSTICS, plain), `packages.d/meet.yaml:9:${SECRET_COLUMN}`);
    const text = source.slice(source.indexOf('│ ') + 2);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect([...text].length).toBeLessThanOrEqual(MAX_LINE_WIDTH);
    expect(caret.indexOf('^')).toBe(source.indexOf('secret_token'));
    expect((caret.match(/\^/g) ?? []).length).toBe('secret_token'.length);
  });

  it('underlines the first line of a multi-line span to its end and counts the lines not shown', () => {
    const out = formatPretty(DIAGNOSTICS, plain);
    const { source, caret } = frameOf(out, 'packages.d/webinar.yaml:9:3');
    expect(source).toBe('   9 │   recording:');
    expect(caret).toBe('     │   ^^^^^^^^^^');
    expect(out).toContain('  10 │     value: true\n');
    expect(out).toContain('  11 │     periodicity_type: month\n');
    expect(out).not.toContain('12 │');
    expect(out).toContain('┆ … 1 more line (to line 12)');
  });

  it('prints no frame when the source cannot be read, and says so when verbose', () => {
    const out = formatPretty(DIAGNOSTICS, plain);
    const lines = out.split('\n');
    const at = lines.indexOf('packages.d/missing.yaml:4:1: error SP1001 YAML syntax error: unexpected end of flow mapping');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('');
    expect(formatPretty(DIAGNOSTICS, { ...plain, verbose: true })).toContain('  (source not available)\n');
  });

  it('ignores a BOM, which the source stage strips before counting columns', () => {
    const d = diagnostic({ line: 1, column: 1, end_line: 1, end_column: 5 });
    const out = formatPretty([d], { color: false, readSource: () => '\uFEFFcode: x\n' });
    expect(out).toContain('  1 │ code: x\n    │ ^^^^\n');
  });

  it('prints no frame when the position lies outside the source', () => {
    const out = formatPretty([diagnostic({ line: 99, end_line: 99 })], { color: false, readSource });
    expect(out).not.toContain('│');
  });

  it('reads each file once and survives a reader that throws', () => {
    const reader = vi.fn(readSource);
    formatPretty(DIAGNOSTICS, { ...plain, readSource: reader });
    expect(reader.mock.calls.map(([file]) => file).sort()).toEqual([
      'packages.d/meet.yaml',
      'packages.d/missing.yaml',
      'packages.d/webinar.yaml',
    ]);
    const throwing = (): string => {
      throw new Error('EACCES');
    };
    expect(formatPretty(DIAGNOSTICS, { ...plain, readSource: throwing })).not.toContain('│');
  });

  it('prints the hint and related locations', () => {
    const out = formatPretty(DIAGNOSTICS, plain);
    expect(out).toContain('\n  hint: did you mean `max_rooms`?\n');
    expect(out).toContain('\n  ↳ packages.d/meet.yaml:2:7: first defined here\n');
  });

  it('shows absolute paths relative to cwd', () => {
    const d = diagnostic({ file: '/repo/packages.d/meet.yaml' });
    const out = formatPretty([d], { color: false, cwd: '/repo', readSource: (f) => (f === d.file ? readSource('packages.d/meet.yaml') : undefined) });
    expect(out).toContain('packages.d/meet.yaml:7:3: error SP2003');
    expect(out).not.toContain('/repo');
    expect(out).toContain('  7 │   max_room: 4');
  });

  it('colours only when asked, and colour changes nothing but escapes', () => {
    const coloured = formatPretty(DIAGNOSTICS, { ...plain, color: true });
    const uncoloured = formatPretty(DIAGNOSTICS, plain);
    expect(uncoloured).not.toContain('\u001b');
    expect(coloured).toContain('\u001b[31m'); // red errors
    expect(coloured).toContain('\u001b[33m'); // yellow warnings
    expect(coloured).toContain('\u001b[4m'); // underlined file headings
    expect(stripAnsi(coloured)).toBe(uncoloured);
  });

  it('makes escape sequences and line breaks in messages and sources visible instead of printing them', () => {
    const hostile = diagnostic({
      message: 'unknown key `\u001b[2J\u001b[31mx`\nforged: line',
      hint: 'did you mean \u202Eevil`?',
      file: 'evil.yaml',
      line: 1,
      column: 1,
      end_line: 1,
      end_column: 4,
    });
    const out = formatPretty([hostile], { color: false, readSource: () => 'a\u001b[8mb: 1\n' });
    expect(out).not.toMatch(/[\u001b\u202e]/);
    expect(out).toContain('␛[2J␛[31mx`␊forged: line');
    expect(out).toContain('1 │ a␛[8mb: 1');
    expect(out.split('\n').some((l) => l.startsWith('forged'))).toBe(false);
  });

  it('drops exact duplicates', () => {
    const d = diagnostic();
    const out = formatPretty([d, { ...d }], { color: false, readSource });
    expect(out.match(/error SP2003/g)).toHaveLength(1);
    expect(out).toContain('✖ 1 error in 1 file');
  });
});
