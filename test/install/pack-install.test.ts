// The packed tarball, installed the way users install it: into a fresh CommonJS project and a
// fresh ESM project, used through require, import and npx (issue: installs and runs as users do).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, VALID_PACKAGE } from '../helpers/cli.js';
import { run } from './shared.js';

const INSTALL = ['install', '--prefer-offline', '--no-audit', '--no-fund'];
let tmp = '';
let tarball = '';
let cjs = '';
let esm = '';

/** A fresh project: `npm init -y` (CommonJS), optionally turned into ESM, with the tarball installed. */
async function consumer(name: string, type: 'commonjs' | 'module'): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(dir);
  const init = await run('npm', ['init', '-y'], dir);
  expect(init.code, init.stderr).toBe(0);
  if (type === 'module') {
    const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ ...manifest, type: 'module' }, null, 2));
  }
  const install = await run('npm', [...INSTALL, tarball], dir);
  expect(install.code, install.stderr).toBe(0);
  return dir;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'svcpkg-install-'));
  // dist/ is built by `npm test`'s pretest; packing without scripts does not rebuild it under the
  // feet of the other tests that run the CLI from dist/.
  const pack = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp], REPO_ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  tarball = path.join(tmp, pack.stdout.trim());
  [cjs, esm] = await Promise.all([consumer('cjs', 'commonjs'), consumer('esm', 'module')]);
}, 600_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the packed tarball, installed', () => {
  it('is required from a CommonJS project, bundled catalog included', async () => {
    const script = `const s = require('svcpkg');
      if (typeof s.createEvaluator !== 'function') throw new Error('no createEvaluator');
      s.loadBundledCatalog().then((l) => console.log(l.diagnostics.length, l.catalog.serviceTypes.length > 0, l.files.join(',')));`;
    const result = await run('node', ['-e', script], cjs);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('0 true node_modules/svcpkg/catalog/features.yaml,node_modules/svcpkg/catalog/service-types.yaml,node_modules/svcpkg/catalog/provider-types.yaml');
  });

  it('is imported from an ESM project', async () => {
    await writeFile(path.join(esm, 'main.js'), `import { createEvaluator, loadBundledCatalog } from 'svcpkg';\nconsole.log(typeof createEvaluator, typeof loadBundledCatalog);\n`);
    const result = await run('node', ['main.js'], esm);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('function function');
  });

  it('runs `npx svcpkg validate` on a packages.d', async () => {
    await mkdir(path.join(cjs, 'packages.d'), { recursive: true });
    await writeFile(path.join(cjs, 'packages.d', 'basic.yaml'), VALID_PACKAGE);
    const good = await run('npx', ['--no-install', 'svcpkg', 'validate'], cjs);
    expect(good.code, good.stdout + good.stderr).toBe(0);
    await writeFile(path.join(cjs, 'packages.d', 'broken.yaml'), VALID_PACKAGE.replace('code: meet-basic', 'code: meet-broken').replace('max_rooms: 5', 'max_rooms: many'));
    const bad = await run('npx', ['--no-install', 'svcpkg', 'validate'], cjs);
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(/packages\.d\/broken\.yaml:\d+:\d+.*SP\d{4}/s);
  });

  it('brings no code generator among its run-time dependencies', async () => {
    const ls = await run('npm', ['ls', '--omit=dev', '--all', '--parseable'], esm);
    expect(ls.code, ls.stderr).toBe(0);
    const names = ls.stdout.split('\n').map((line) => path.basename(line));
    expect(names).toContain('svcpkg');
    expect(names).toContain('ajv');
    for (const absent of ['json-schema-to-typescript', 'prettier', 'lodash', '@types/lodash']) {
      expect(ls.stdout.split('\n').filter((line) => line.endsWith(`/node_modules/${absent}`)), absent).toEqual([]);
    }
  });
});

describe('the packed file list', () => {
  it('holds LICENSE, every doc the README links, and no source map', async () => {
    const dry = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], REPO_ROOT);
    expect(dry.code, dry.stderr).toBe(0);
    const [packed] = JSON.parse(dry.stdout) as { files: { path: string }[] }[];
    const files = new Set(packed?.files.map((f) => f.path));
    expect(files.has('LICENSE')).toBe(true);
    expect(files.has('dist/index.js')).toBe(true);
    expect([...files].filter((f) => f.endsWith('.map'))).toEqual([]);
    const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const linked = [...readme.matchAll(/\]\((docs\/[^)#\s]+)/g)].map((m) => m[1] ?? '');
    expect(linked.length).toBeGreaterThan(3);
    for (const doc of linked) expect(files.has(doc), doc).toBe(true);
  });
});
