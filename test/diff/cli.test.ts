// `svcpkg diff` end to end: manifest files, packages folders, git revisions, exit codes.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileInMemory } from '../../src/compile/index.js';
import { DEFAULT_CATALOG_DIR } from '../../src/assets.js';
import { makeRepo, runInProcess } from '../helpers/cli.js';

/** A valid, warning-free package: inactive (no provider needed), priced. */
const MEET = `code: meet-basic
name: Basic
service_type: meet
status: inactive
price: 10
currency: EUR
features:
  max_rooms: 10
  screen_sharing: true
`;

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=svcpkg', '-c', 'user.email=svcpkg@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: repo, GIT_CONFIG_NOSYSTEM: '1' },
  });
}

async function commitAll(repo: string, message: string): Promise<void> {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
}

interface JsonDiff {
  format_version: number;
  old: { label: string };
  new: { label: string };
  packages: { code: string; old_code?: string; status: string; changes: { kind: string; breaking: boolean; old: unknown; new: unknown }[] }[];
  summary: { breaking: number; changes: number };
}

async function diffJson(cwd: string, ...args: string[]) {
  const result = await runInProcess(['diff', '--format', 'json', ...args], { cwd });
  return { ...result, json: result.code === 2 || result.stdout === '' ? undefined : (JSON.parse(result.stdout) as JsonDiff) };
}

function kinds(json: JsonDiff | undefined): string[] {
  return (json?.packages ?? []).flatMap((p) => p.changes.map((c) => `${p.code}:${c.kind}`));
}

describe('svcpkg diff with git revisions', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await makeRepo({ 'packages.d/meet.yaml': MEET });
    git(repo, 'init', '-q', '-b', 'main');
    await commitAll(repo, 'packages');
    git(repo, 'tag', 'v1');
    await writeFile(path.join(repo, 'packages.d', 'meet.yaml'), MEET.replace('max_rooms: 10', 'max_rooms: 5'));
    await commitAll(repo, 'fewer rooms');
  });

  it('diffs HEAD~1 against HEAD without checking anything out', async () => {
    const { code, json, stderr } = await diffJson(repo, 'HEAD~1', 'HEAD');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(json?.old.label).toBe('HEAD~1');
    expect(json?.new.label).toBe('HEAD');
    expect(json?.packages[0]?.changes).toEqual([
      { kind: 'limit_lowered', action: 'changed', path: 'features.max_rooms', breaking: true, old: 10, new: 5 },
    ]);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('diffs a revision against the packages folder, and a tag against a branch', async () => {
    await writeFile(path.join(repo, 'packages.d', 'meet.yaml'), MEET.replace('max_rooms: 10', 'max_rooms: 5').replace('price: 10', 'price: 8'));
    try {
      const { json } = await diffJson(repo, 'HEAD~1', 'packages.d');
      expect(kinds(json)).toEqual(['meet-basic:price_lowered', 'meet-basic:limit_lowered']);
      expect(kinds((await diffJson(repo, 'HEAD', path.join(repo, 'packages.d'))).json)).toEqual(['meet-basic:price_lowered']);
    } finally {
      git(repo, 'checkout', '-q', '--', 'packages.d');
    }
    expect(kinds((await diffJson(repo, 'v1', 'main')).json)).toEqual(['meet-basic:limit_lowered']);
  });

  it('exits 1 with --fail-on breaking only when a change is breaking', async () => {
    expect((await runInProcess(['diff', 'HEAD~1', 'HEAD'], { cwd: repo })).code).toBe(0);
    expect((await runInProcess(['diff', 'HEAD~1', 'HEAD', '--fail-on', 'none'], { cwd: repo })).code).toBe(0);
    expect((await runInProcess(['diff', 'HEAD~1', 'HEAD', '--fail-on', 'breaking'], { cwd: repo })).code).toBe(1);
    // The other way round the limit is raised: a change, but not a breaking one.
    expect((await runInProcess(['diff', 'HEAD', 'HEAD~1', '--fail-on', 'breaking'], { cwd: repo })).code).toBe(0);
    expect((await runInProcess(['diff', 'HEAD', 'HEAD~1', '--fail-on', 'any'], { cwd: repo })).code).toBe(1);
    expect((await runInProcess(['diff', 'HEAD', 'HEAD', '--fail-on', 'any'], { cwd: repo })).code).toBe(0);
  });

  it('prints pretty output by default, colourless off a terminal', async () => {
    const { stdout } = await runInProcess(['diff', 'HEAD~1', 'HEAD'], { cwd: repo });
    expect(stdout).toContain('~ meet-basic');
    expect(stdout).toContain('features.max_rooms  limit lowered: 10 → 5  ⚠ breaking');
    expect(stdout).not.toMatch(/\u001b\[/);
    expect((await runInProcess(['diff', 'HEAD~1', 'HEAD'], { cwd: repo, env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
  });

  it('exits 2 for an unknown revision, naming it', async () => {
    const { code, stderr } = await runInProcess(['diff', 'HEAD~7', 'HEAD'], { cwd: repo });
    expect(code).toBe(2);
    expect(stderr).toContain('`HEAD~7` is neither a file, a folder nor a git revision');
  });

  it('exits 1 when a revision does not compile, with its diagnostics on stderr named REV:path', async () => {
    await writeFile(path.join(repo, 'packages.d', 'meet.yaml'), MEET.replace('max_rooms', 'max_room'));
    await commitAll(repo, 'typo');
    try {
      const { code, stdout, stderr } = await runInProcess(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain('HEAD does not compile');
      expect(stderr).toContain('HEAD:packages.d/meet.yaml');
      expect(stderr).toContain('max_rooms');
    } finally {
      git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('prefers an existing path to a revision of the same name, unless written REV^{commit}', async () => {
    await mkdir(path.join(repo, 'v1'));
    await writeFile(path.join(repo, 'v1', 'meet.yaml'), MEET.replace('max_rooms: 10', 'max_rooms: 1'));
    try {
      expect(kinds((await diffJson(repo, 'v1', 'HEAD')).json)).toEqual(['meet-basic:limit_raised']);
      expect(kinds((await diffJson(repo, 'v1^{commit}', 'HEAD')).json)).toEqual(['meet-basic:limit_lowered']);
    } finally {
      execFileSync('rm', ['-r', path.join(repo, 'v1')]);
    }
  });

  it('reads the packages folder the configuration names, and sees packages appear', async () => {
    const other = await makeRepo({ 'svcpkg.config.yaml': 'packages: plans\n', 'plans/meet.yaml': MEET });
    git(other, 'init', '-q');
    await commitAll(other, 'one');
    await writeFile(path.join(other, 'plans', 'team.yaml'), MEET.replace('meet-basic', 'meet-team').replace('name: Basic', 'name: Team'));
    await writeFile(path.join(other, 'plans', 'meet.yaml'), MEET.replace('meet-basic', 'meet-plus').replace('name: Basic', 'name: Plus\nprevious_code: meet-basic'));
    await commitAll(other, 'two');
    const { json } = await diffJson(other, 'HEAD~1', 'HEAD');
    expect(json?.packages.map((p) => [p.code, p.status, p.old_code])).toEqual([
      ['meet-plus', 'renamed', 'meet-basic'],
      ['meet-team', 'added', undefined],
    ]);
  });
});

describe('svcpkg diff with manifest files and folders', () => {
  it('diffs two compiled manifests', async () => {
    const repo = await makeRepo({ 'a/meet.yaml': MEET, 'b/meet.yaml': MEET.replace('screen_sharing: true', 'screen_sharing: false') });
    for (const side of ['a', 'b']) {
      const { manifest } = await compileInMemory({ paths: [side], catalogDir: DEFAULT_CATALOG_DIR, cwd: repo });
      expect(manifest).toBeDefined();
      await writeFile(path.join(repo, `${side}.json`), JSON.stringify(manifest));
    }
    const { code, json } = await diffJson(repo, 'a.json', 'b.json', '--fail-on', 'breaking');
    expect(code).toBe(1);
    expect(kinds(json)).toEqual(['meet-basic:switch_off']);
    // A manifest against a folder compiles only the folder.
    expect(kinds((await diffJson(repo, 'a.json', 'a')).json)).toEqual([]);
  });

  it('reads a format_version 1 manifest (before seat and overage prices) as priced per package, without overage', async () => {
    const repo = await makeRepo({ 'a/meet.yaml': MEET });
    const { manifest } = await compileInMemory({ paths: ['a'], catalogDir: DEFAULT_CATALOG_DIR, cwd: repo });
    // What svcpkg wrote before version 2: no price_per, min_seats, max_seats, nor overage.
    const v1 = JSON.parse(JSON.stringify(manifest), (key, value: unknown) => (['price_per', 'min_seats', 'max_seats', 'overage'].includes(key) ? undefined : value)) as {
      format_version: number;
    };
    v1.format_version = 1;
    expect(JSON.stringify(v1)).not.toContain('price_per');
    await writeFile(path.join(repo, 'v1.json'), JSON.stringify(v1));
    const same = await diffJson(repo, 'v1.json', 'a');
    expect(same.code).toBe(0);
    expect(kinds(same.json)).toEqual([]);
    // A seat price in the new version is a change from the old manifest's per-package price.
    await mkdir(path.join(repo, 'b'), { recursive: true });
    await writeFile(path.join(repo, 'b', 'meet.yaml'), MEET.replace('price: 10', 'price: 10\nprice_per: seat'));
    expect(kinds((await diffJson(repo, 'v1.json', 'b')).json)).toEqual(['meet-basic:price_per_changed']);
  });

  it('exits 2 for a manifest file that is not JSON or not a manifest', async () => {
    const repo = await makeRepo({ 'broken.json': '{', 'other.json': '{"format_version": 4}', 'bad.json': '{"format_version": 1, "packages": 3}', 'a/meet.yaml': MEET });
    const broken = await runInProcess(['diff', 'broken.json', 'a'], { cwd: repo });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json: not JSON');
    const other = await runInProcess(['diff', 'other.json', 'a'], { cwd: repo });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('format_version 1 or 2 or 3 (found 4)');
    const bad = await runInProcess(['diff', 'bad.json', 'a'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a valid svcpkg manifest');
  });

  it('exits 1 when a folder does not compile, showing the code frame', async () => {
    const repo = await makeRepo({ 'a/meet.yaml': MEET, 'b/meet.yaml': MEET.replace('price: 10', 'price: -1') });
    const { code, stderr } = await runInProcess(['diff', 'a', 'b'], { cwd: repo });
    expect(code).toBe(1);
    expect(stderr).toContain('b does not compile');
    expect(stderr).toContain('b/meet.yaml');
  });

  it('refuses bad usage with exit 2', async () => {
    const repo = await makeRepo({ 'a/meet.yaml': MEET });
    for (const args of [['a'], ['a', 'a', 'a'], ['a', 'a', '--format', 'sarif'], ['a', 'a', '--fail-on', 'sometimes'], ['a', 'a', '--colour']]) {
      expect((await runInProcess(['diff', ...args], { cwd: repo })).code, args.join(' ')).toBe(2);
    }
    const help = await runInProcess(['diff', '--help'], { cwd: repo });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('REV^{commit}');
  });
});
