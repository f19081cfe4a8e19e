// The benchmark corpora (bench/corpus.mjs) are what the figures say they are: the clean corpus
// gives no diagnostic at all, and the noisy one only the noise its comment promises (shared
// tiers, dominated plans, a few broken files), in every file. A new rule that fires on the corpus
// would otherwise change what the bench measures without anyone noticing (SP3028 once added
// 20,748 infos, 7 MB of output, to both).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the bench, without type declarations
import { BROKEN_EVERY, writePackageCorpus } from '../../bench/corpus.mjs';
import { runInProcess } from '../helpers/cli.js';

interface JsonDiagnostic {
  code: string;
  severity: string;
  file: string;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function corpus(noisy: boolean, packages: number): Promise<{ code: number; diagnostics: JsonDiagnostic[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'svcpkg-corpus-'));
  dirs.push(dir);
  await (writePackageCorpus as (dir: string, n: number, perFile: number, seed: number, noisy: boolean) => Promise<void>)(dir, packages, 4, 42, noisy);
  const run = await runInProcess(['validate', '--no-cache', '--jobs', '1', '--format', 'json'], { cwd: dir, env: { NO_COLOR: '1' } });
  return { code: run.code, diagnostics: (JSON.parse(run.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics };
}

describe('bench corpora', () => {
  it('clean: not a single diagnostic, of any severity', async () => {
    const { code, diagnostics } = await corpus(false, 400);
    expect(diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);

  it('noisy: shared tiers and dominated plans in every file, a broken file in every ' + String(BROKEN_EVERY) + ', nothing else', async () => {
    const { code, diagnostics } = await corpus(true, 4 * 2 * (BROKEN_EVERY as number));
    const codes = new Set(diagnostics.map((d) => d.code));
    expect(codes).toContain('SP4004'); // shared tier
    expect(codes).toContain('SP4006'); // dominated plan
    expect(codes).toContain('SP1001'); // a broken file: unclosed quote
    expect([...codes].filter((c) => !['SP4004', 'SP4006', 'SP1001', 'SP1011', 'SP2003', 'SP2004'].includes(c))).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === 'info')).toEqual([]);
    const files = new Set(diagnostics.map((d) => d.file));
    expect(files.size).toBe(2 * (BROKEN_EVERY as number));
    expect(code).toBe(1);
  }, 60_000);
});
