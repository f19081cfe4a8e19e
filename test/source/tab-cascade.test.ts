// One tab, one diagnostic (issue 12): a tab in an indentation gives SP1010 at the tab and none of
// the parser errors it causes further down its block, while errors elsewhere in the file are kept.
import { cp } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/parse.js';
import { REPO_ROOT, runProcess } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const FIXTURE = path.join(REPO_ROOT, 'test/source/fixtures/tab-cascade');

/** `[code, line, column]` of every diagnostic. */
function found(text: string): [string, number, number][] {
  return parseSource('f.yaml', text).diagnostics.map((d) => [d.code, d.line, d.column]);
}

describe('a tab in an indentation', () => {
  it.each([
    ['a tab before a mapping entry, siblings below', 'features:\n  max_rooms: 1\n\tmax_users: 5\n  recording: true\n', [['SP1010', 3, 1]]],
    ['a tab at the start of a nested block, a sibling after it', 'features:\n\tmax_rooms:\n    value: 10\n  recording:\n    value: true\n', [['SP1010', 2, 1]]],
    ['two tabs and three spaces as the indentation of a value', 'features:\n  max_rooms:\n\t\tvalue: 10\n  recording: true\n', [['SP1010', 3, 1]]],
    ['a tab before a list entry', 'features:\n  - a\n\t- b\n  - c\nother: 1\n', [['SP1010', 3, 1]]],
    // The parser names no tab here, only "all mapping items must start at the same column".
    ['spaces then a tab, in a list entry', 'providers:\n  - type: bbb\n    name: b\n  \tdefault: true\n  - type: x\nother: 1\n', [['SP1010', 4, 3]]],
    ['spaces then a tab, in a mapping', 'price:\n  amount: 1\n \tcurrency: EUR\nother: 1\n', [['SP1010', 3, 2]]],
  ])('%s: SP1010 alone', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('keeps an error in another block, and the error of another document', () => {
    const text = 'features:\n\tmax_rooms: 1\n  recording: true\nx: [1, 2\n---\ncode: a\nname: "b\n';
    expect(found(text)).toEqual([
      ['SP1010', 2, 1],
      ['SP1001', 5, 1],
      ['SP1001', 8, 1],
    ]);
  });

  it('reports each tab-indented line', () => {
    expect(found('features:\n\tmax_rooms: 1\n\tmax_users: 2\n')).toEqual([
      ['SP1010', 2, 1],
      ['SP1010', 3, 1],
    ]);
  });

  it('leaves tabs that are not indentation alone: in a block scalar, after a key', () => {
    const text = 'description: |\n  text\n  \tindented text\nname:\tx\nfeatures:\n  max_rooms: 1\n';
    expect(found(text)).toEqual([]);
  });
});

/** A package with nested mappings and lists, like the ones users write. */
const PACKAGE = [
  'code: meet-basic',
  'name: Basic',
  'service_type: meet',
  'price:',
  '  amount: "9.99"',
  '  currency: EUR',
  'providers:',
  '  - type: bbb',
  '    name: bbb-1',
  '    default: true',
  '  - type: jitsi',
  '    name: jitsi-1',
  'features:',
  '  max_rooms:',
  '    value: 10',
  '  recording: true',
  '  max_participants: 50',
  'notification_preferences:',
  '  - event: quota_threshold',
  '    channels: [email, webhook]',
  '    threshold: 80',
  '  - event: trial_ending',
  '    channels: [email]',
  'package_metadata:',
  '  segment: smb',
  '  regions: [eu-west, eu-central]',
];
/** Mistakes independent of the tab, each on a line of its own (none moves a line). */
const MISTAKES: ((lines: string[]) => string[])[] = [
  (lines) => lines,
  (lines) => lines.map((l) => (l === 'name: Basic' ? 'name: Basic: x' : l)),
  (lines) => lines.map((l) => (l === '  max_participants: 50' ? '  recording: false' : l)), // a duplicate key
  (lines) => [...lines, '---', 'code: other', 'name: "unclosed'],
];
const TABS = ['\t', '\t\t', '\t  ', '  \t', ' \t'];

describe('a tab in any indented line of a package', () => {
  it('gives SP1010, and no error the same file without the tab does not give', () => {
    const indented = PACKAGE.flatMap((l, i) => (/^ +\S/.test(l) ? [i] : []));
    fc.assert(
      fc.property(fc.constantFrom(...indented), fc.constantFrom(...TABS), fc.nat(MISTAKES.length - 1), (line, tab, mistake) => {
        const withTab = PACKAGE.map((l, i) => (i === line ? tab + l.trimStart() : l));
        const clean = (MISTAKES[mistake] as (lines: string[]) => string[])(PACKAGE).join('\n') + '\n';
        const text = (MISTAKES[mistake] as (lines: string[]) => string[])(withTab).join('\n') + '\n';
        const errors = parseSource('f.yaml', text).diagnostics;
        const independent = new Set(parseSource('f.yaml', clean).diagnostics.map((d) => `${d.code}@${d.line}`));
        expect(errors.filter((d) => d.code === 'SP1010').map((d) => d.line)).toEqual([line + 1]);
        for (const d of errors) if (d.code !== 'SP1010') expect(independent, `${d.code}@${d.line} ${d.message}`).toContain(`${d.code}@${d.line}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('svcpkg validate on a file with tab-indented lines', () => {
  it('prints one SP1010 per tab and the independent error (golden)', async () => {
    const repo = await tempFolder('tab-cascade');
    await cp(FIXTURE, repo, { recursive: true });
    const result = await runProcess(['validate', '--no-cache'], { cwd: repo, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(1);
    await expect(result.stdout).toMatchFileSnapshot('./__snapshots__/tab-cascade.txt');
  });
});
