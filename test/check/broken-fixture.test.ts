// A repo with many problems at once: every one is reported, at the right place (SPEC §4: never stop at the first).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder, REPO_ROOT } from './repo.js';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/broken');

describe('test/fixtures/broken', () => {
  it('reports exactly the diagnostics listed in expected.json', async () => {
    const expected = JSON.parse(await readFile(path.join(FIXTURE, 'expected.json'), 'utf8')) as [string, number, number, string][];
    const { diagnostics } = await checkFolder(path.join(FIXTURE, 'packages.d'), FIXTURE);
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual(expected);
  });

  it('gives every diagnostic a message, and every error a hint', async () => {
    const { diagnostics } = await checkFolder(path.join(FIXTURE, 'packages.d'), FIXTURE);
    for (const d of diagnostics) {
      expect(d.message.length, d.code).toBeGreaterThan(10);
      if (d.code !== 'SP1001') expect(d.hint, `${d.code} ${d.message}`).toBeTruthy();
    }
  });

  it('suggests the intended names', async () => {
    const { diagnostics } = await checkFolder(path.join(FIXTURE, 'packages.d'), FIXTURE);
    const hintOf = (code: string) => diagnostics.find((d) => d.code === code)?.hint;
    expect(hintOf('SP3002')).toContain('`max_rooms`');
    expect(hintOf('SP2001')).toContain('`price`');
    expect(hintOf('SP3020')).toContain('`EUR`');
    expect(hintOf('SP3008')).toContain('`bigbluebutton`');
  });
});
