import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/diagnostics/format/json.js';
import { DIAGNOSTICS, STATS, diagnostic } from './fixtures.js';

const REQUIRED_KEYS = ['code', 'severity', 'message', 'file', 'line', 'column', 'end_line', 'end_column', 'path'];

describe('formatJson', () => {
  it('matches the golden output for the fixture diagnostics', async () => {
    await expect(formatJson(DIAGNOSTICS, { stats: STATS })).toMatchFileSnapshot('./__snapshots__/diagnostics.json');
  });

  it('prints an empty list with zero counts', () => {
    expect(formatJson([])).toMatchInlineSnapshot(`
      "{
        "format_version": 1,
        "diagnostics": [],
        "summary": {
          "errors": 0,
          "warnings": 0,
          "infos": 0,
          "files": 0,
          "packages": 0
        }
      }
      "
    `);
  });

  it('uses two-space indentation and ends with one newline', () => {
    const out = formatJson(DIAGNOSTICS);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
    expect(out.split('\n')[1]).toBe('  "format_version": 1,');
  });

  it('has the top-level keys and summary in a fixed order', () => {
    const report = JSON.parse(formatJson(DIAGNOSTICS, { stats: STATS }));
    expect(Object.keys(report)).toEqual(['format_version', 'diagnostics', 'summary']);
    expect(report.summary).toEqual({ errors: 6, warnings: 2, infos: 1, files: 3, packages: 4 });
    expect(Object.keys(report.summary)).toEqual(['errors', 'warnings', 'infos', 'files', 'packages']);
  });

  it('prints each diagnostic with the required keys in order, and optional ones only when present', () => {
    const report = JSON.parse(formatJson(DIAGNOSTICS));
    for (const d of report.diagnostics) {
      const keys = Object.keys(d);
      expect(keys.slice(0, REQUIRED_KEYS.length)).toEqual(REQUIRED_KEYS);
      expect(keys.slice(REQUIRED_KEYS.length).every((k) => ['document', 'hint', 'related'].includes(k))).toBe(true);
    }
    const bare = JSON.parse(formatJson([diagnostic()])).diagnostics[0];
    expect(Object.keys(bare)).toEqual(REQUIRED_KEYS);
    const full = JSON.parse(
      formatJson([
        diagnostic({
          document: 0,
          hint: 'did you mean `max_rooms`?',
          related: [{ file: 'a.yaml', line: 1, column: 2, end_line: 1, end_column: 3, message: 'here' }],
        }),
      ]),
    ).diagnostics[0];
    expect(Object.keys(full)).toEqual([...REQUIRED_KEYS, 'document', 'hint', 'related']);
    expect(full.document).toBe(0); // 0 is present, not absent
    expect(Object.keys(full.related[0])).toEqual(['file', 'line', 'column', 'end_line', 'end_column', 'message']);
  });

  it('omits an empty related list and never leaks unknown properties', () => {
    const extra = { ...diagnostic({ related: [] }), internal: 'x' };
    const d = JSON.parse(formatJson([extra])).diagnostics[0];
    expect(d).not.toHaveProperty('related');
    expect(d).not.toHaveProperty('internal');
  });

  it('sorts diagnostics and drops exact repeats', () => {
    const a = diagnostic({ file: 'b.yaml' });
    const b = diagnostic({ file: 'a.yaml', line: 2 });
    const c = diagnostic({ file: 'a.yaml', line: 1 });
    const report = JSON.parse(formatJson([a, b, c, { ...a }]));
    expect(report.diagnostics.map((d: { file: string; line: number }) => `${d.file}:${d.line}`)).toEqual([
      'a.yaml:1',
      'a.yaml:2',
      'b.yaml:7',
    ]);
  });

  it('is the same whatever order the diagnostics come in', () => {
    expect(formatJson([...DIAGNOSTICS].reverse(), { stats: STATS })).toBe(formatJson(DIAGNOSTICS, { stats: STATS }));
  });
});
