// The three formats of a diff, against golden files (update with `npx vitest run -u test/diff`).
import { describe, expect, it } from 'vitest';
import { diffManifests } from '../../src/diff/diff.js';
import { formatDiff, pickDiffFormat } from '../../src/diff/format/index.js';
import { UsageError } from '../../src/diagnostics/errors.js';
import { AFTER, BEFORE } from './scenario.js';
import { basePackage, manifest } from './fixtures.js';

const diff = diffManifests(BEFORE, AFTER, { old: 'HEAD~1', new: 'HEAD' });
const nothing = diffManifests(manifest([basePackage()]), manifest([basePackage()]), { old: 'main', new: 'packages.d' });

describe('diff formats', () => {
  it('pretty: grouped per package with markers and breaking flags', async () => {
    await expect(formatDiff('pretty', diff, { color: false })).toMatchFileSnapshot('__snapshots__/diff.pretty.txt');
  });

  it('pretty: colour only when asked', () => {
    expect(formatDiff('pretty', diff, { color: false })).not.toMatch(/\u001b\[/);
    const coloured = formatDiff('pretty', diff, { color: true });
    expect(coloured).toMatch(/\u001b\[31m⚠ breaking/);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatDiff('pretty', diff, { color: false }));
  });

  it('json: versioned, with every change as data', async () => {
    const text = formatDiff('json', diff, { color: true });
    await expect(text).toMatchFileSnapshot('__snapshots__/diff.json');
    const report = JSON.parse(text);
    expect(Object.keys(report)).toEqual(['format_version', 'old', 'new', 'catalog_changed', 'packages', 'summary']);
    expect(report.format_version).toBe(1);
    expect(report.summary).toEqual(diff.summary);
  });

  it('markdown: a table per package, breaking changes first', async () => {
    const text = formatDiff('markdown', diff, { color: true });
    await expect(text).toMatchFileSnapshot('__snapshots__/diff.md');
    const standard = text.slice(text.indexOf('meet-standard'), text.indexOf('### ', text.indexOf('meet-standard')));
    const rows = standard.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| |'));
    const firstPlain = rows.findIndex((r) => !r.startsWith('| ⚠'));
    expect(firstPlain).toBeGreaterThan(0);
    expect(rows.slice(firstPlain).some((r) => r.startsWith('| ⚠'))).toBe(false);
    expect(text).toContain('For small \\| teams &lt;b&gt;');
  });

  it('says so when nothing changed', async () => {
    await expect(
      ['pretty', 'json', 'markdown'].map((f) => formatDiff(pickDiffFormat(f), nothing, { color: false })).join('\n=====\n'),
    ).toMatchFileSnapshot('__snapshots__/diff.empty.txt');
  });

  it('refuses an unknown format as a usage error', () => {
    expect(() => pickDiffFormat('sarif')).toThrow(UsageError);
    expect(pickDiffFormat(undefined)).toBe('pretty');
  });
});
