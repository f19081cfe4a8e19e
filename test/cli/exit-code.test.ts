// The one mapping from diagnostics to exit codes (src/cli/exit-code.ts): a table of cases, and
// every fatal code of the registry driven through the real CLI to exit 2.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeFor, failureExitCode } from '../../src/cli/exit-code.js';
import { ALL_CODES } from '../../src/codes.js';
import type { Diagnostic, Severity } from '../../src/diagnostics/diagnostic.js';
import { makeRepo, runProcess, VALID_PACKAGE } from '../helpers/cli.js';

const at = { line: 1, column: 1, end_line: 1, end_column: 2, file: 'a.yaml', path: '' };
const d = (code: string, severity: Severity, extra: Partial<Diagnostic> = {}): Diagnostic => ({ ...at, code, severity, message: 'm', ...extra });

describe('exitCodeFor', () => {
  it.each<[string, number, boolean, Diagnostic[]]>([
    ['nothing', 0, false, []],
    ['nothing, strict', 0, true, []],
    ['an info', 0, true, [d('SP3010', 'info')]],
    ['a warning', 0, false, [d('SP4002', 'warning')]],
    ['a warning, strict', 1, true, [d('SP4002', 'warning')]],
    ['an error', 1, false, [d('SP2003', 'error')]],
    ['an error and a warning, strict', 1, true, [d('SP2003', 'error'), d('SP4002', 'warning')]],
    ['a fatal code (SP1015)', 2, false, [d('SP1015', 'error')]],
    ['a fatal code after an error', 2, false, [d('SP2003', 'error'), d('SP5001', 'error')]],
    ['a fatal configuration code (SP9002)', 2, true, [d('SP9002', 'error')]],
    ['an occurrence marked fatal (a config file YAML error)', 2, false, [d('SP1001', 'error', { fatal: true })]],
    ['an error of a code no stage declares', 1, false, [d('SP0000', 'error')]],
  ])('%s → exit %i (strict: %s)', (_name, expected, strict, diagnostics) => {
    expect(exitCodeFor(diagnostics, { strict })).toBe(expected);
  });

  it('failureExitCode: 2 with a fatal diagnostic, else 1 even with none', () => {
    expect(failureExitCode([])).toBe(1);
    expect(failureExitCode([d('SP4002', 'warning')])).toBe(1);
    expect(failureExitCode([d('SP4002', 'warning'), d('SP1015', 'error')])).toBe(2);
  });
});

/** A fixture per fatal code: the arguments and files that make the real CLI report it. */
const FATAL_FIXTURES: Record<string, { args: string[]; files: Record<string, string> }> = {
  SP1015: { args: ['validate', 'nowhere.d'], files: { 'packages.d/a.yaml': VALID_PACKAGE } },
  SP5001: {
    args: ['compile', '--catalog', 'catalog'],
    files: { 'packages.d/a.yaml': VALID_PACKAGE, 'catalog/features.yaml': '[]\n', 'catalog/service-types.yaml': '[]\n' },
  },
  SP7012: {
    args: ['simulate', 'scenario.yaml'],
    files: {
      'packages.d/a.yaml': VALID_PACKAGE,
      'scenario.yaml': 'packages: packages.d\nsubscriptions:\n  - id: acme\n    package: meet-basic\n    starts_at: 2026-01-05\nevents: missing.ndjson\n',
    },
  },
  SP9002: { args: ['validate', '--config', 'svcpkg.conf.yaml'], files: { 'packages.d/a.yaml': VALID_PACKAGE } },
  SP9003: { args: ['compile'], files: { 'packages.d/a.yaml': VALID_PACKAGE, 'svcpkg.config.yaml': 'severity:\n  SP4060: off\n' } },
  SP9004: { args: ['validate'], files: { 'packages.d/a.yaml': VALID_PACKAGE, 'svcpkg.config.yaml': 'severity:\n  SP1001: off\n' } },
};

/** Fatal codes no command reports today, and why. */
const NOT_REPORTED: Record<string, string> = {
  SP9001: 'a config file that breaks its schema is reported with the schema codes (SP2xxx), marked fatal: tested below',
};

/** Fatal codes whose fixtures need a run first (partition reports to merge): driven through the real CLI there. */
const DRIVEN_ELSEWHERE: Record<string, string> = Object.fromEntries(
  ['SP7018', 'SP7019', 'SP7020', 'SP7021', 'SP7022'].map((code) => [code, 'test/simulate/jobs-cli.test.ts, "refuses reports it cannot join, located, with exit 2"']),
);

describe('every fatal code exits 2 through the real CLI', () => {
  const fatal = ALL_CODES.filter((c) => c.fatal).map((c) => c.code);

  it('the registry has fatal codes, and each has a fixture here (or a reason it has none)', () => {
    expect(fatal.length).toBeGreaterThan(0);
    expect(fatal.filter((code) => !(code in FATAL_FIXTURES) && !(code in NOT_REPORTED) && !(code in DRIVEN_ELSEWHERE))).toEqual([]);
  });

  it.each(Object.keys(FATAL_FIXTURES))('%s', async (code) => {
    const fixture = FATAL_FIXTURES[code]!;
    expect(fatal).toContain(code);
    const repo = await makeRepo(fixture.files);
    const run = await runProcess(fixture.args, { cwd: repo, env: { NO_COLOR: '1' } });
    expect(run.stdout + run.stderr).toContain(code);
    expect(run.code).toBe(2);
  }, 60_000);
});

describe('a problem in an input the run cannot do without is fatal whatever its code', () => {
  it('a config file that breaks its schema (SP2004): exit 2, for validate, compile and explain', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE, 'svcpkg.config.yaml': 'emit: [json, pdf]\n' });
    for (const args of [['validate'], ['compile'], ['explain', 'meet-basic']]) {
      const run = await runProcess(args, { cwd: repo, env: { NO_COLOR: '1' } });
      expect(run.stdout + run.stderr).toContain('SP2004');
      expect(run.code).toBe(2);
    }
  }, 60_000);

  it('a YAML syntax error (SP1001) in svcpkg.config.yaml: exit 2; the same in a package: exit 1', async () => {
    const config = await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE, 'svcpkg.config.yaml': 'packages: [\n' });
    const inConfig = await runProcess(['validate'], { cwd: config, env: { NO_COLOR: '1' } });
    expect(inConfig.stdout).toContain('SP1001');
    expect(inConfig.code).toBe(2);
    const pkg = await makeRepo({ 'packages.d/a.yaml': 'code: [\n' });
    const inPackage = await runProcess(['validate'], { cwd: pkg, env: { NO_COLOR: '1' } });
    expect(inPackage.stdout).toContain('SP1001');
    expect(inPackage.code).toBe(1);
  }, 60_000);

  it('a catalog file that is not UTF-8 (SP1004): exit 2; a package file that is not: exit 1', async () => {
    const repo = await makeRepo({
      'packages.d/a.yaml': VALID_PACKAGE,
      'catalog/features.yaml': '[]\n',
      'catalog/service-types.yaml': '[]\n',
    });
    await writeFile(path.join(repo, 'catalog/provider-types.yaml'), Buffer.from([0x2d, 0x20, 0xff, 0x0a]));
    const inCatalog = await runProcess(['validate', '--catalog', 'catalog'], { cwd: repo, env: { NO_COLOR: '1' } });
    expect(inCatalog.stdout).toContain('SP1004');
    expect(inCatalog.code).toBe(2);
    await rm(path.join(repo, 'catalog'), { recursive: true });
    await writeFile(path.join(repo, 'packages.d/b.yaml'), Buffer.from([0x63, 0x3a, 0x20, 0xff, 0x0a]));
    const inPackage = await runProcess(['validate'], { cwd: repo, env: { NO_COLOR: '1' } });
    expect(inPackage.stdout).toContain('SP1004');
    expect(inPackage.code).toBe(1);
  }, 60_000);
});


describe('usage errors stay exit 2, through the usage path and not through diagnostics', () => {
  it.each([
    ['an unknown flag', ['validate', '--bogus']],
    ['an unexpected argument to schema', ['schema', 'out-dir']],
    ['an unknown --fail-on', ['diff', 'a', 'b', '--fail-on', 'sometimes']],
  ])('%s', async (_name, args) => {
    const repo = await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE });
    const run = await runProcess(args, { cwd: repo, env: { NO_COLOR: '1' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^svcpkg: /);
  }, 60_000);
});
