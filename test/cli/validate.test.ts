// `svcpkg validate` end to end: exit codes, formats and hostile input (SPEC §4–5).
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, runInProcess, runProcess, VALID_PACKAGE } from '../helpers/cli.js';

interface JsonOut {
  format_version: number;
  diagnostics: { code: string; severity: string; file: string; line: number; column: number; hint?: string }[];
  summary: { errors: number; warnings: number };
}

async function validateJson(cwd: string, ...args: string[]) {
  const result = await runInProcess(['validate', '--format', 'json', ...args], { cwd });
  return { ...result, json: JSON.parse(result.stdout) as JsonOut };
}

describe('svcpkg validate', () => {
  it('exits 0 on a clean repo and 1 with located errors', async () => {
    const clean = await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE });
    expect((await validateJson(clean)).code).toBe(0);

    const broken = await makeRepo({
      'packages.d/a.yaml': VALID_PACKAGE.replace('max_rooms', 'max_room').replace('name: Basic', 'name: Basic\npirce: 3'),
    });
    const { code, json } = await validateJson(broken);
    expect(code).toBe(1);
    expect(json.format_version).toBe(1);
    const byCode = Object.fromEntries(json.diagnostics.map((d) => [d.code, d]));
    expect(byCode['SP2001']).toMatchObject({ file: 'packages.d/a.yaml', line: 3, column: 1, hint: 'did you mean `price`?' });
    expect(json.diagnostics.some((d) => d.hint?.includes('max_rooms'))).toBe(true);
    expect(json.summary.errors).toBeGreaterThanOrEqual(2);
  });

  it('reports every diagnostic with the documented fields', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': 'code: X\nname: 1\nservice_type: meet\n' });
    const { json } = await validateJson(repo);
    // The package has problems (a bad code, a number as name): a loop over none would prove nothing.
    expect(json.diagnostics.length).toBeGreaterThan(0);
    for (const d of json.diagnostics) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['code', 'severity', 'message', 'file', 'line', 'column', 'end_line', 'end_column', 'path']));
    }
  });

  it('fails on warnings only with --strict', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE + 'hidden: yes\n'.replace('hidden: yes', 'package_settings: { flag: yes }') });
    const relaxed = await validateJson(repo);
    expect(relaxed.json.diagnostics.map((d) => d.code)).toEqual(['SP1011']);
    expect(relaxed.code).toBe(0);
    expect((await validateJson(repo, '--strict')).code).toBe(1);
  });

  it('never exits 0 on a YAML syntax error', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': 'code: [\n' });
    const { code, json } = await validateJson(repo);
    expect(code).toBe(1);
    expect(json.diagnostics[0]?.code).toBe('SP1001');
  });

  it('accepts a UTF-8 BOM and refuses invalid UTF-8 at the offending byte', async () => {
    const bom = await makeRepo({ 'packages.d/a.yaml': '\uFEFF' + VALID_PACKAGE });
    expect((await validateJson(bom)).code).toBe(0);
    const latin1 = await makeRepo({ 'packages.d/a.yaml': Buffer.concat([Buffer.from('code: a\nname: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]) });
    const { code, json } = await validateJson(latin1);
    expect(code).toBe(1);
    expect(json.diagnostics[0]).toMatchObject({ code: 'SP1004', line: 2, column: 10 });
  });

  it('refuses files over the size cap, configurable by flag and config', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE + `description: ${'x'.repeat(2000)}\n` });
    expect((await validateJson(repo)).code).toBe(0);
    const capped = await validateJson(repo, '--max-file-size', '1000');
    expect(capped.code).toBe(1);
    expect(capped.json.diagnostics[0]?.code).toBe('SP1005');
    await writeFile(path.join(repo, 'svcpkg.config.yaml'), 'max_file_size: 1000\n');
    expect((await validateJson(repo)).json.diagnostics[0]?.code).toBe('SP1005');
  });

  it('refuses symbolic links that leave the input folder, and follows those that stay inside', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE, 'outside/b.yaml': VALID_PACKAGE.replace('meet-basic', 'meet-other') });
    await symlink(path.join(repo, 'outside', 'b.yaml'), path.join(repo, 'packages.d', 'b.yaml'));
    await mkdir(path.join(repo, 'packages.d', 'sub'));
    await symlink(path.join(repo, 'packages.d', 'a.yaml'), path.join(repo, 'packages.d', 'sub', 'alias.yml'));
    const { code, json } = await validateJson(repo);
    expect(code).toBe(1);
    expect(json.diagnostics.map((d) => [d.code, d.file])).toEqual([['SP1014', 'packages.d/b.yaml']]);
  });

  it('takes --jobs N: the same report on any number of threads, and a usage error for a bad N', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE, 'packages.d/b.yaml': 'code: b\npirce: 3\n' });
    const automatic = await runInProcess(['validate', '--format', 'json'], { cwd: repo });
    const one = await runInProcess(['validate', '--format', 'json', '--jobs', '1'], { cwd: repo });
    expect(automatic.code).toBe(1);
    expect(one).toEqual(automatic);
    for (const bad of ['0', '1.5', 'many']) {
      const result = await runInProcess(['validate', '--jobs', bad], { cwd: repo });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--jobs takes a positive whole number, got \`${bad}\``);
    }
    expect((await runInProcess(['validate', '--jobs'], { cwd: repo })).code).toBe(2);
  });

  it('ignores non-YAML files and lists them with --verbose', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE, 'packages.d/README.md': '# notes\n' });
    const quiet = await runInProcess(['validate'], { cwd: repo });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const verbose = await runInProcess(['validate', '--verbose'], { cwd: repo });
    expect(verbose.stderr).toContain('packages.d/README.md');
  });

  it('reads several packages per file and finds files at any depth', async () => {
    const repo = await makeRepo({
      'packages.d/deep/er/a.yml': VALID_PACKAGE + '---\n' + VALID_PACKAGE.replace('meet-basic', 'meet-basic-two').replace('Basic', 'Basic Two'),
    });
    const result = await runInProcess(['validate'], { cwd: repo });
    expect(result.stdout).toContain('2 packages');
    expect(result.code).toBe(0);
  });

  it('exits 2 for usage, configuration and I/O failures, without a stack trace', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE });
    const cases: string[][] = [['validate', '--bogus'], ['validate', '--format', 'xml'], ['validate', 'missing-folder'], ['validate', '--catalog', 'nope'], ['frobnicate']];
    for (const args of cases) {
      const result = await runInProcess(args, { cwd: repo });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr + result.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
    await writeFile(path.join(repo, 'svcpkg.config.yaml'), 'packages: 3\nemit: [pdf]\n');
    const badConfig = await runInProcess(['validate'], { cwd: repo });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stdout).toContain('svcpkg.config.yaml');
  });

  it('selects the github format inside GitHub Actions', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': 'code: meet-basic\nname: B\nservice_type: meeting\n' });
    const result = await runInProcess(['validate'], { cwd: repo, env: { GITHUB_ACTIONS: 'true' } });
    expect(result.stdout).toMatch(/^::error file=packages\.d\/a\.yaml,line=3,col=15/m);
  });

  it('prints SARIF 2.1.0', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': 'code: meet-basic\nname: B\nservice_type: meeting\nstatus: inactive\n' });
    const result = await runInProcess(['validate', '--format', 'sarif'], { cwd: repo });
    const sarif = JSON.parse(result.stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toEqual(['SP3001']);
  });

  it('runs as a real process: --version, --help, exit codes', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': 'code: [\n' });
    const version = await runProcess(['--version'], { cwd: repo });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await runProcess(['--help'], { cwd: repo })).stdout).toContain('validate');
    const failing = await runProcess(['validate'], { cwd: repo, env: { NO_COLOR: '1' } });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('packages.d/a.yaml:');
  });
});
