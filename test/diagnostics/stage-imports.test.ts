// The one-way import rule of docs/architecture.md, enforced: each stage imports only the stages
// listed for it (those before it in the flow, plus diagnostics), nothing imports cli/, and the
// evaluator imports no other stage.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

/** The shared leaves every stage may use: the generated types and the package's own files. */
const LEAVES = ['generated', 'assets', 'version'];

/** What each stage may import (besides itself and the leaves), as docs/architecture.md draws it. */
const ALLOWED: Record<string, readonly string[]> = {
  diagnostics: [],
  source: ['diagnostics'],
  schema: ['diagnostics', 'source'],
  catalog: ['diagnostics', 'source', 'schema'],
  check: ['diagnostics', 'source', 'schema', 'catalog'],
  config: ['diagnostics', 'source', 'schema', 'catalog', 'check'],
  compile: ['diagnostics', 'source', 'schema', 'catalog', 'check', 'config'],
  diff: ['diagnostics', 'source', 'schema', 'catalog', 'check', 'config', 'compile'],
  evaluate: [],
  simulate: ['diagnostics', 'source', 'schema', 'catalog', 'check', 'config', 'compile', 'evaluate'],
  report: ['diagnostics', 'evaluate', 'simulate'],
  workflow: ['diagnostics', 'source', 'schema', 'catalog', 'check', 'config', 'compile'],
  watch: ['diagnostics', 'source', 'schema', 'catalog', 'check', 'config', 'compile', 'workflow'],
  // The aggregator of every stage's codes (for docs/diagnostics.md and SARIF) and the public API.
  codes: ['diagnostics', 'source', 'schema', 'catalog', 'check', 'config', 'compile', 'simulate', 'workflow'],
  index: ['diagnostics', 'source', 'schema', 'catalog', 'check', 'config', 'compile', 'diff', 'evaluate', 'simulate', 'report', 'codes'],
  cli: ['diagnostics', 'source', 'schema', 'catalog', 'check', 'config', 'compile', 'diff', 'evaluate', 'simulate', 'report', 'workflow', 'watch', 'codes'],
};

const stageOf = (relative: string): string => (relative.includes('/') ? (relative.split('/')[0] ?? '') : relative.replace(/\.(ts|js)$/, ''));

it('every import between stages follows the one-way rule', async () => {
  const files = (await readdir(SRC, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.startsWith('generated'));
  expect(files.length).toBeGreaterThan(100);
  const wrong: string[] = [];
  let crossing = 0;
  for (const file of files) {
    const from = stageOf(file);
    const text = await readFile(path.join(SRC, file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), specifier ?? ''));
      const to = stageOf(target.split(path.sep).join('/'));
      if (to === from || LEAVES.includes(to)) continue;
      crossing++;
      if (!(ALLOWED[from] ?? []).includes(to)) wrong.push(`${file} imports ${to}/ (${specifier})`);
    }
  }
  expect(crossing).toBeGreaterThan(100);
  expect(wrong).toEqual([]);
});

it('knows every stage folder of src/', async () => {
  const entries = await readdir(SRC, { withFileTypes: true });
  const stages = entries.map((e) => (e.isDirectory() ? e.name : e.name.replace(/\.ts$/, ''))).filter((s) => !LEAVES.includes(s));
  expect(stages.filter((s) => !(s in ALLOWED))).toEqual([]);
});
