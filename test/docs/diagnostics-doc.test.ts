// docs/diagnostics.md is generated from the code registry and must not drift (SPEC §4).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CODES } from '../../src/codes.js';
import { renderDiagnosticsDoc } from '../../src/diagnostics/docs.js';
import { REPO_ROOT } from '../helpers/cli.js';

describe('the code registry', () => {
  it('has unique, well-formed codes, each fully documented', () => {
    const codes = ALL_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of ALL_CODES) {
      expect(c.code).toMatch(/^SP[1-9]\d{3}$/);
      expect(c.title.length, c.code).toBeGreaterThan(3);
      expect(c.description.length, c.code).toBeGreaterThan(10);
      expect(c.example.length, c.code).toBeGreaterThan(0);
      expect(c.fix.length, c.code).toBeGreaterThan(3);
    }
  });

  it('matches docs/diagnostics.md (run `npm run gen` to refresh)', async () => {
    const committed = await readFile(path.join(REPO_ROOT, 'docs', 'diagnostics.md'), 'utf8');
    expect(committed).toBe(renderDiagnosticsDoc(ALL_CODES));
  });
});
