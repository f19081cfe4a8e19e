// The public API (dist/index.d.ts, what `import … from 'svcpkg'` sees) is an explicit list: no
// generator-invented numbered alias (`ReportCount1`, `ComparisonCount16`, `Verdict1`) reaches users.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DTS = path.resolve(import.meta.dirname, '..', '..', 'dist', 'index.d.ts');

/** Every name dist/index.d.ts exports (`export { a, type b as c } from …`, `export declare …`). */
async function exportedNames(): Promise<string[]> {
  const text = await readFile(DTS, 'utf8');
  expect(text).not.toMatch(/export \*|export type \*/);
  const names: string[] = [];
  for (const [, list] of text.matchAll(/export (?:type )?\{([^}]*)\}/g)) {
    for (const item of (list ?? '').split(',')) {
      const name = item.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
      if (name) names.push(name);
    }
  }
  for (const [, name] of text.matchAll(/export declare (?:const|function|class|type|interface) (\w+)/g)) if (name) names.push(name);
  return names;
}

describe('dist/index.d.ts', () => {
  it('exports an explicit list of named things, none of them a numbered alias', async () => {
    const names = await exportedNames();
    expect(names).toEqual(expect.arrayContaining(['createEvaluator', 'ServicePackage', 'Manifest', 'SimulationReport', 'SimulationComparison', 'Verdict']));
    expect(names.filter((name) => /\w+\d+$/.test(name))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });
});
