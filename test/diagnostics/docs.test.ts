import { describe, expect, it } from 'vitest';
import { renderDiagnosticsDoc } from '../../src/diagnostics/docs.js';
import type { CodeSpec } from '../../src/diagnostics/registry.js';
import { CODES } from './fixtures.js';

/** GitHub's anchor for a heading, written independently of the renderer. */
const anchor = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');

describe('renderDiagnosticsDoc', () => {
  it('matches the golden document for the fixture codes', async () => {
    await expect(renderDiagnosticsDoc(CODES)).toMatchFileSnapshot('./__snapshots__/diagnostics.md');
  });

  it('is the same whatever order the codes come in', () => {
    expect(renderDiagnosticsDoc([...CODES].reverse())).toBe(renderDiagnosticsDoc(CODES));
  });

  it('explains diagnostics and lists every code range in the intro', () => {
    const doc = renderDiagnosticsDoc([]);
    expect(doc.startsWith('# Diagnostics\n')).toBe(true);
    for (const [range, stage] of [
      ['SP1xxx', 'Files and YAML'],
      ['SP2xxx', 'Schema and shape'],
      ['SP3xxx', 'Package rules'],
      ['SP4xxx', 'Cross-package rules'],
      ['SP5xxx', 'Catalog'],
      ['SP6xxx', 'Compile and lockfile'],
      ['SP7xxx', 'Scenarios and simulation'],
      ['SP8xxx', 'Workflow'],
      ['SP9xxx', 'Configuration and usage'],
    ]) {
      expect(doc).toContain(`| ${range} | ${stage} |`);
    }
    expect(doc).toContain('No codes are registered yet.');
  });

  it('gives each code a heading, severity, description, YAML example and fix, sorted by code', () => {
    const doc = renderDiagnosticsDoc(CODES);
    const headings = doc.split('\n').filter((l) => l.startsWith('### '));
    expect(headings).toEqual([
      '### SP1001 — YAML syntax error',
      '### SP1004 — YAML 1.1 boolean',
      '### SP2003 — Unknown feature',
      '### SP2010 — Number out of range',
      '### SP3010 — Reset settings on a non-consumable feature',
      '### SP3020 — Credential in a package',
      '### SP4001 — Duplicate package code',
      '### SP4002 — Duplicate package name',
    ]);
    const section = doc.slice(doc.indexOf('### SP2003'), doc.indexOf('### SP2010'));
    expect(section).toBe(
      [
        '### SP2003 — Unknown feature',
        '**Severity:** error',
        'A feature code under `features` is not in the catalog.',
        '**Example**',
        '```yaml\nfeatures:\n  max_room: 4\n```',
        '**Fix:** Use a feature code from the catalog; the hint names the closest one.',
        '<a id="sp2010"></a>',
        '',
      ].join('\n\n'),
    );
  });

  it('links every table-of-contents entry to a heading that exists', () => {
    const doc = renderDiagnosticsDoc(CODES);
    const anchors = new Set(
      doc
        .split('\n')
        .filter((l) => /^#{2,3} /.test(l))
        .map((l) => anchor(l.replace(/^#+ /, ''))),
    );
    const links = [...doc.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links).toHaveLength(CODES.length + 4); // four ranges are used
    for (const link of links) expect(anchors).toContain(link);
    expect(links).toContain('sp2003--unknown-feature');
    expect(links).toContain('sp1xxx--files-and-yaml');
  });

  it('fences an example that itself contains a fence with a longer fence', () => {
    const tricky: CodeSpec = {
      code: 'SP8001',
      severity: 'warning',
      title: 'Fenced',
      description: 'd',
      example: 'text: |\n  ```\n  inner\n  ```\n',
      fix: 'f',
    };
    const doc = renderDiagnosticsDoc([tricky]);
    expect(doc).toContain('````yaml\ntext: |\n  ```\n  inner\n  ```\n````');
  });

  it('puts codes outside the known ranges under "Other codes" and omits an empty example', () => {
    const odd: CodeSpec = { code: 'X1', severity: 'info', title: 'Odd', description: 'd', example: '', fix: 'f' };
    const doc = renderDiagnosticsDoc([odd]);
    expect(doc).toContain('## Other codes\n\n<a id="x1"></a>\n\n### X1 — Odd');
    expect(doc).not.toContain('**Example**');
  });

  it('ends with exactly one newline and has no trailing spaces', () => {
    const doc = renderDiagnosticsDoc(CODES);
    expect(doc.endsWith('\n')).toBe(true);
    expect(doc.endsWith('\n\n')).toBe(false);
    expect(doc.split('\n').filter((l) => l !== l.trimEnd())).toEqual([]);
  });
});
