// Every code links to its own section of docs/diagnostics.md: the registry's `url` and SARIF's
// `helpUri` must name an anchor the generated page really has, on the repository package.json names.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CODES } from '../../src/codes.js';
import { codeUrl, DIAGNOSTICS_DOC_URL } from '../../src/diagnostics/url.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('code URLs', () => {
  it('live on docs/diagnostics.md of the repository package.json names', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    expect(DIAGNOSTICS_DOC_URL).toBe(`${repo}/blob/main/docs/diagnostics.md`);
    expect(codeUrl('SP1001')).toBe(`${repo}/blob/main/docs/diagnostics.md#sp1001`);
  });

  it('every registered code has a url whose anchor the generated page holds, right above its heading', async () => {
    const doc = await readFile(path.join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
    expect(ALL_CODES.length).toBeGreaterThan(80);
    for (const def of ALL_CODES) {
      expect(def.url).toBe(codeUrl(def.code));
      const anchor = def.url.slice(def.url.indexOf('#') + 1);
      expect(doc).toContain(`<a id="${anchor}"></a>\n\n### ${def.code} — `);
    }
  });
});
