// `simulate` with a scenario `manifest:` warns when the project's packages no longer compile to
// that manifest (its `inputs_hash`): the run still uses the manifest and exits as before. Driven
// through the built CLI in a copy of the repository, as a user edits and forgets to compile.
import { cp, readFile, utimes, writeFile, copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runProcess } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const STANDARD = path.join('packages.d', 'meet', 'standard.yaml');
const STALE = 'out/manifest.json is older than packages.d (simulating the packages as last compiled): run `svcpkg compile`';

/** A copy of the repository's packages, lockfile and demo scenario, compiled. */
async function project(): Promise<string> {
  const root = await tempFolder('stale');
  await cp(path.join(REPO_ROOT, 'packages.d'), path.join(root, 'packages.d'), { recursive: true });
  await cp(path.join(REPO_ROOT, 'scenarios'), path.join(root, 'scenarios'), { recursive: true });
  await copyFile(path.join(REPO_ROOT, 'svcpkg.lock.json'), path.join(root, 'svcpkg.lock.json'));
  const compiled = await runProcess(['compile', '--no-cache'], { cwd: root });
  expect(compiled.code, compiled.stderr).toBe(0);
  return root;
}

/** Replace `from` by `to` in a file of the project. */
async function edit(root: string, file: string, from: string, to: string): Promise<void> {
  const text = await readFile(path.join(root, file), 'utf8');
  expect(text).toContain(from);
  await writeFile(path.join(root, file), text.replace(from, to));
}

describe('simulate with a compiled manifest older than the packages', () => {
  let root = '';
  let fresh = { code: 0, stdout: '', stderr: '' };

  beforeAll(async () => {
    root = await project();
    fresh = await runProcess(['simulate', 'scenarios/demo.yaml'], { cwd: root });
  });

  it('says nothing while the manifest is what the packages compile to, even after a touch', async () => {
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).not.toContain('warning');
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(root, STANDARD), later, later);
    const touched = await runProcess(['simulate', 'scenarios/demo.yaml'], { cwd: root });
    expect(touched.stderr).not.toContain('older than');
  });

  it('warns on stderr after a package changed, and still simulates the compiled packages with the same exit code', async () => {
    const dir = await project();
    await edit(dir, STANDARD, 'max_participants: 50', 'max_participants: 40');
    const stale = await runProcess(['simulate', 'scenarios/demo.yaml'], { cwd: dir });
    expect(stale.code).toBe(0);
    expect(stale.stderr).toContain(`svcpkg: warning: ${STALE}\n`);
    expect(stale.stdout).toBe(fresh.stdout);
    // From the scenario's folder the paths are as the user sees them there.
    const inside = await runProcess(['simulate', 'demo.yaml'], { cwd: path.join(dir, 'scenarios') });
    expect(inside.stderr).toContain('../out/manifest.json is older than ../packages.d');
    // --quiet keeps errors only.
    const quiet = await runProcess(['simulate', 'scenarios/demo.yaml', '--quiet'], { cwd: dir });
    expect([quiet.code, quiet.stderr]).toEqual([0, '']);
    // Compiling makes it fresh again.
    expect((await runProcess(['compile'], { cwd: dir })).code).toBe(0);
    const again = await runProcess(['simulate', 'scenarios/demo.yaml'], { cwd: dir });
    expect(again.stderr).not.toContain('older than');
    expect(again.stdout).not.toBe(fresh.stdout);
  });

  it('says so when the packages have errors now, exit code unchanged', async () => {
    const dir = await project();
    await edit(dir, STANDARD, 'max_participants: 50', 'max_participants: fifty');
    const broken = await runProcess(['simulate', 'scenarios/demo.yaml'], { cwd: dir });
    expect(broken.code).toBe(0);
    expect(broken.stderr).toContain('svcpkg: warning: packages.d changed since out/manifest.json was compiled and has errors now (simulating the packages as last compiled): run `svcpkg validate`');
  });

  it('says nothing about a manifest that is not the project\'s compile output', async () => {
    const dir = await project();
    await mkdir(path.join(dir, 'saved'));
    await copyFile(path.join(dir, 'out', 'manifest.json'), path.join(dir, 'saved', 'manifest.json'));
    await edit(dir, path.join('scenarios', 'demo.yaml'), 'manifest: ../out/manifest.json', 'manifest: ../saved/manifest.json');
    await edit(dir, STANDARD, 'max_participants: 50', 'max_participants: 40');
    const elsewhere = await runProcess(['simulate', 'scenarios/demo.yaml'], { cwd: dir });
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stderr).not.toContain('older than');
  });
});
