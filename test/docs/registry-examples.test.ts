// Every documented example of a package-file code produces its code, as Biome runs its rule docs:
// an example in docs/diagnostics.md that stopped producing its diagnostic would teach the wrong thing.
import { describe, expect, it } from 'vitest';
import { ALL_CODES } from '../../src/codes.js';
import { checkRepo } from '../check/helpers.js';

/**
 * Examples that describe their input instead of holding it, each with where that code is tested
 * for real. Codes of the later stages (catalog, compile, simulate, config, workflow) have examples
 * in their own formats and are named by their stages' tests.
 */
const DESCRIBED: Record<string, string> = {
  SP1004: 'raw non-UTF-8 bytes: test/cli/validate.test.ts and test/workflow/staged.test.ts',
  SP1005: 'a file over the size cap: test/cli/validate.test.ts and test/workflow/staged.test.ts',
  SP1014: 'a symbolic link leaving the folder: test/cli/validate.test.ts and test/workflow/staged.test.ts',
  SP1015: 'a file the process cannot read: not reproducible as root (the read-only test skips there)',
  SP3012: 'needs a catalog whose provider type has a settings schema (the bundled ones are empty): test/check/rules/providers.test.ts',
};

/** `# a.yaml … --- # b.yaml …` examples are several files; any other example is one file. */
function filesOf(example: string): Record<string, string> {
  if (!example.startsWith('# a.yaml')) return { 'p.yaml': example };
  const files: Record<string, string> = {};
  for (const part of example.split(/^---\n(?=# [a-z]+\.yaml)/m)) {
    const name = /^# ([a-z]+\.yaml)/.exec(part)?.[1] ?? 'p.yaml';
    files[name] = part;
  }
  return files;
}

const runnable = ALL_CODES.filter((c) => /^SP[1-4]/.test(c.code) && !(c.code in DESCRIBED));

describe('the registry examples of package-file codes', () => {
  it('cover every SP1xxx–SP4xxx code but the described ones', () => {
    expect(runnable.length).toBeGreaterThan(40);
    for (const code of Object.keys(DESCRIBED)) expect(ALL_CODES.some((c) => c.code === code)).toBe(true);
  });

  it.each(runnable.map((c) => [c.code, c] as const))('%s: its example produces it', (_code, definition) => {
    const found = checkRepo(filesOf(definition.example)).map((d) => d.code);
    expect(found).toContain(definition.code);
  });
});
