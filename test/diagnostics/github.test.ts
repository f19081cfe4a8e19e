import { describe, expect, it } from 'vitest';
import { annotation, escapeData, escapeProperty, formatGithub } from '../../src/diagnostics/format/github.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { DIAGNOSTICS, STATS, diagnostic } from './fixtures.js';

/** `count` diagnostics of one severity on consecutive lines of one file. */
function many(count: number, severity: Diagnostic['severity'], file: string): Diagnostic[] {
  return Array.from({ length: count }, (_, i) => diagnostic({ severity, file, line: i + 1, end_line: i + 1 }));
}

const commands = (out: string, type: string) => out.split('\n').filter((l) => l.startsWith(`::${type} `));

describe('formatGithub', () => {
  it('matches the golden output for the fixture diagnostics', async () => {
    await expect(formatGithub(DIAGNOSTICS, { stats: STATS })).toMatchFileSnapshot('./__snapshots__/github.txt');
  });

  it('prints only the summary for an empty list', () => {
    expect(formatGithub([], { stats: STATS })).toBe('svcpkg: 4 packages in 3 files: no problems\n');
  });

  it('writes annotation commands with position properties and the code as title', () => {
    expect(annotation(diagnostic())).toBe(
      '::error file=packages.d/meet.yaml,line=7,col=3,endLine=7,endColumn=11,title=SP2003::unknown feature `max_room`',
    );
    expect(annotation(diagnostic({ severity: 'warning' }))).toMatch(/^::warning /);
    expect(annotation(diagnostic({ severity: 'info' }))).toMatch(/^::notice /);
  });

  it('gives a multi-line span lines only (GitHub rejects columns across lines)', () => {
    expect(annotation(diagnostic({ line: 9, column: 3, end_line: 12, end_column: 5 }))).toMatch(
      /^::error file=packages\.d\/meet\.yaml,line=9,endLine=12,title=SP2003::/,
    );
    // A node ending with its line break ends on the line before.
    expect(annotation(diagnostic({ line: 9, column: 3, end_line: 10, end_column: 1 }))).toMatch(
      /^::error file=packages\.d\/meet\.yaml,line=9,col=3,endLine=9,title=SP2003::/,
    );
  });

  it('puts the hint and related locations on their own (escaped) lines', () => {
    const d = diagnostic({
      hint: 'did you mean `max_rooms`?',
      related: [{ file: 'a.yaml', line: 2, column: 7, end_line: 2, end_column: 9, message: 'first defined here' }],
    });
    expect(annotation(d)).toMatch(/::unknown feature `max_room`%0Ahint: did you mean `max_rooms`\?%0A↳ a\.yaml:2:7: first defined here$/);
  });

  it('leaves the file out for a diagnostic without one', () => {
    expect(annotation(diagnostic({ file: '', line: 0, column: 0, end_line: 0, end_column: 0 }))).toBe(
      '::error title=SP2003::unknown feature `max_room`',
    );
  });

  it.each([
    ['100% sure', '100%25 sure', '100%25 sure'],
    ['a\nb\r\nc', 'a%0Ab%0D%0Ac', 'a%0Ab%0D%0Ac'],
    ['a:b,c', 'a:b,c', 'a%3Ab%2Cc'],
    ['%0A', '%250A', '%250A'],
    ['::error::x', '::error::x', '%3A%3Aerror%3A%3Ax'],
  ])('escapes %j as data %j and as a property %j', (input, data, property) => {
    expect(escapeData(input)).toBe(data);
    expect(escapeProperty(input)).toBe(property);
  });

  it('escapes hostile file names and messages so they cannot forge commands', () => {
    const d = diagnostic({ file: 'a,line=1:b.yaml', message: 'bad\n::error::forged\r\n%0A' });
    const out = formatGithub([d]);
    expect(annotation(d)).toBe(
      '::error file=a%2Cline=1%3Ab.yaml,line=7,col=3,endLine=7,endColumn=11,title=SP2003::bad%0A::error::forged␍%0A%250A', // CR is made visible: GitHub would unescape %0D
    );
    // Only the real annotation starts a line with `::`.
    expect(out.split('\n').filter((l) => l.trimStart().startsWith('::'))).toHaveLength(1);
    const named = formatGithub([diagnostic({ file: '::warning::x.yaml' })]);
    expect(named.split('\n')[0]).toBe('./::warning::x.yaml:7:3: error SP2003 unknown feature `max_room`');
    expect(named.split('\n').filter((l) => l.trimStart().startsWith('::'))).toHaveLength(1);
  });

  it('annotates at most 10 of each type and says how many more there were', () => {
    const diagnostics = [...many(24, 'error', 'e.yaml'), ...many(13, 'warning', 'w.yaml'), ...many(3, 'info', 'i.yaml')];
    const out = formatGithub(diagnostics);
    expect(commands(out, 'error')).toHaveLength(10);
    expect(commands(out, 'warning')).toHaveLength(10);
    expect(commands(out, 'notice')).toHaveLength(3);
    const lines = out.trimEnd().split('\n');
    expect(lines.at(-2)).toBe(
      'svcpkg: 14 more errors and 3 more warnings not shown as annotations (GitHub shows 10 of each per step); see the full list above',
    );
    expect(lines.at(-1)).toBe('svcpkg: 24 errors, 13 warnings, 3 infos in 3 files');
    // The cap line comes after the last annotation.
    const lastCommand = lines.map((l) => l.startsWith('::')).lastIndexOf(true);
    expect(lastCommand).toBe(lines.length - 3);
  });

  it('names each type over the cap, singular for one', () => {
    const out = formatGithub([...many(11, 'error', 'e.yaml'), ...many(12, 'warning', 'w.yaml'), ...many(11, 'info', 'i.yaml')]);
    expect(out).toContain('svcpkg: 1 more error, 2 more warnings and 1 more notice not shown as annotations');
  });

  it('prints no cap line at the limit', () => {
    const out = formatGithub(many(10, 'error', 'e.yaml'));
    expect(commands(out, 'error')).toHaveLength(10);
    expect(out).not.toContain('not shown as annotations');
  });

  it('lists every diagnostic as a plain line, before the annotations, so nothing is lost', () => {
    const diagnostics = many(24, 'error', 'e.yaml');
    const lines = formatGithub(diagnostics).split('\n');
    const plain = lines.filter((l) => /^e\.yaml:\d+:3: error SP2003 unknown feature `max_room`$/.test(l));
    expect(plain).toHaveLength(24);
    expect(lines.indexOf(plain.at(-1) ?? '')).toBeLessThan(lines.findIndex((l) => l.startsWith('::error')));
  });

  it('annotates absolute paths relative to cwd', () => {
    expect(annotation(diagnostic({ file: '/repo/packages.d/meet.yaml' }), '/repo')).toMatch(/^::error file=packages\.d\/meet\.yaml,/);
  });
});
