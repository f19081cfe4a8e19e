// The committed types in src/generated/ must match what the schemas generate (SPEC §1).
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without type declarations.
import { generateTypes, GENERATED_DIR } from '../../scripts/generate.mjs';

describe('generated types', () => {
  it('are up to date with schemas/ (run `npm run gen` to refresh)', async () => {
    const expected = (await generateTypes()) as Map<string, string>;
    const committed = (await readdir(GENERATED_DIR as string)).filter((f) => f.endsWith('.ts')).sort();
    expect(committed).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) {
      expect(await readFile(path.join(GENERATED_DIR as string, name), 'utf8'), `src/generated/${name} drifted`).toBe(content);
    }
  });
});
