// `severity:` in svcpkg.config.yaml, through the real CLI: overrides change what is reported and the
// exit code (also under --strict), bad entries are located configuration errors (exit 2), and the
// result cache never serves a run with different overrides stale severities.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_CODES } from '../../src/config/codes.js';
import { makeRepo, runInProcess, VALID_PACKAGE } from '../helpers/cli.js';

/** A package with a warning (SP3005, a limit of 0) and an active package without a provider (SP3011, an error). */
const FILES = {
  'packages.d/basic.yaml': VALID_PACKAGE.replace('max_rooms: 5', 'max_rooms: 0'),
  'packages.d/pro.yaml': 'code: meet-pro\nname: Pro\nservice_type: meet\nstatus: active\n',
};

interface JsonOut {
  diagnostics: { code: string; severity: string; file: string; line: number; column: number; hint?: string }[];
}

async function validate(config: string | undefined, args: string[] = [], files: Record<string, string> = FILES) {
  const repo = await makeRepo(config === undefined ? files : { ...files, 'svcpkg.config.yaml': config });
  const run = await runInProcess(['validate', '--format', 'json', ...args], { cwd: repo, env: { NO_COLOR: '1' } });
  const out = run.stdout === '' ? { diagnostics: [] } : (JSON.parse(run.stdout) as JsonOut);
  return { ...run, out, repo, found: out.diagnostics.map((d) => `${d.code}:${d.severity}`) };
}

describe('severity overrides', () => {
  it('without overrides: the warning and the error at their default severities', async () => {
    const run = await validate(undefined);
    expect(run.found).toEqual(['SP3005:warning', 'SP3011:error']);
    expect(run.code).toBe(1);
  });

  it('lowers an error to a warning: exit 0, and 1 under --strict', async () => {
    const config = 'severity:\n  SP3011: warning\n';
    const run = await validate(config);
    expect(run.found).toEqual(['SP3005:warning', 'SP3011:warning']);
    expect(run.code).toBe(0);
    expect((await validate(config, ['--strict'])).code).toBe(1);
  });

  it('`off` drops a code, so --strict passes when the rest is silenced too', async () => {
    const run = await validate('strict: true\nseverity: { SP3005: off, SP3011: info }\n');
    expect(run.found).toEqual(['SP3011:info']);
    expect(run.code).toBe(0);
  });

  it('raises a warning to an error', async () => {
    const run = await validate('severity:\n  SP3005: error\n  SP3011: off\n');
    expect(run.found).toEqual(['SP3005:error']);
    expect(run.code).toBe(1);
  });

  it('an unknown code is a located configuration error (SP9003, exit 2) with a suggestion', async () => {
    const run = await validate('strict: false\nseverity:\n  SP3051: off\n');
    expect(run.code).toBe(2);
    expect(run.out.diagnostics).toMatchObject([{ code: 'SP9003', severity: 'error', file: 'svcpkg.config.yaml', line: 3, column: 3 }]);
    expect(run.out.diagnostics[0]?.hint).toMatch(/did you mean `SP30[0-9]1`\?/);
  });

  it.each(['SP1001', 'SP2001', 'SP5002', 'SP6005', 'SP9002'])('%s keeps its severity: SP9004 at the value, exit 2', async (code) => {
    const run = await validate(`severity:\n  ${code}: off\n`);
    expect(run.code).toBe(2);
    expect(run.out.diagnostics).toMatchObject([{ code: 'SP9004', file: 'svcpkg.config.yaml', line: 2, column: 11 }]);
  });

  it('the YAML style warnings can be silenced', async () => {
    const files = { 'packages.d/basic.yaml': VALID_PACKAGE.replace('name: Basic', 'name: yes') };
    expect((await validate(undefined, [], files)).found).toEqual(['SP1011:warning']);
    expect((await validate('severity: { SP1011: off }\n', [], files)).found).toEqual([]);
  });

  it('a level that is not off|info|warning|error is a schema error (exit 2)', async () => {
    const run = await validate('severity:\n  SP3005: loud\n');
    expect(run.code).toBe(2);
    expect(run.out.diagnostics.map((d) => d.code)).toEqual(['SP2004']);
  });

  it('the result cache answers, yet a changed override takes effect at once', async () => {
    const first = await validate(undefined, ['--verbose']);
    expect(first.found).toEqual(['SP3005:warning', 'SP3011:error']);
    await writeFile(path.join(first.repo, 'svcpkg.config.yaml'), 'severity: { SP3005: off }\n');
    const second = await runInProcess(['validate', '--format', 'json', '--verbose'], { cwd: first.repo, env: {} });
    expect(second.stderr).toContain('2 of 2 file(s) unchanged since the last run, taken from the result cache');
    expect((JSON.parse(second.stdout) as JsonOut).diagnostics.map((d) => d.code)).toEqual(['SP3011']);
  });

  it('compile honours it: an error lowered to a warning no longer blocks the manifest', async () => {
    const repo = await makeRepo({ ...FILES, 'svcpkg.config.yaml': 'severity: { SP3011: warning }\n' });
    expect((await runInProcess(['compile'], { cwd: repo, env: { NO_COLOR: '1' } })).code).toBe(0);
    await writeFile(path.join(repo, 'svcpkg.config.yaml'), 'severity: { SP3005: error }\n');
    expect((await runInProcess(['compile'], { cwd: repo, env: { NO_COLOR: '1' } })).code).toBe(1);
  });

  it.each([CONFIG_CODES.unknownSeverityCode, CONFIG_CODES.fixedSeverity])('$code: its documented example produces it', async (definition) => {
    const run = await validate(definition.example);
    expect(run.code).toBe(2);
    expect(run.out.diagnostics.map((d) => d.code)).toEqual([definition.code]);
  });
});
