// docs/catalogs.md: a catalog that adds a provider type makes an active webinar package valid. The
// page's two blocks are the files this test uses, so the documented recipe keeps working.
import { cp, mkdir, readFile, writeFile, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EXAMPLE = path.join(ROOT, 'docs', 'examples', 'webinar-catalog');

async function repo(withProvider: boolean): Promise<string> {
  const dir = await tempFolder('catalog');
  await cp(path.join(ROOT, 'catalog'), path.join(dir, 'catalog'), { recursive: true });
  if (withProvider) await appendFile(path.join(dir, 'catalog', 'provider-types.yaml'), '\n' + (await readFile(path.join(EXAMPLE, 'provider-type.yaml'), 'utf8')));
  await mkdir(path.join(dir, 'packages.d'));
  await cp(path.join(EXAMPLE, 'webinar-live.yaml'), path.join(dir, 'packages.d', 'webinar-live.yaml'));
  await writeFile(path.join(dir, 'svcpkg.config.yaml'), 'catalog: catalog\n');
  return dir;
}

describe('docs/catalogs.md: a catalog adds a provider type', () => {
  it('makes an active webinar package valid', async () => {
    const result = await runInProcess(['validate', '--strict'], { cwd: await repo(true), env: { NO_COLOR: '1' } });
    expect(result.stdout).toContain('1 package in 1 file: no problems');
    expect(result.code).toBe(0);
  });

  it('without it, `webinar-cloud` is an unknown provider type (SP3008)', async () => {
    const result = await runInProcess(['validate'], { cwd: await repo(false), env: { NO_COLOR: '1' } });
    expect(result.stdout).toContain('SP3008');
    expect(result.code).toBe(1);
  });

  it('shows on the page exactly the files the test uses', async () => {
    const page = await readFile(path.join(ROOT, 'docs', 'catalogs.md'), 'utf8');
    const blocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks).toEqual([
      await readFile(path.join(EXAMPLE, 'provider-type.yaml'), 'utf8'),
      await readFile(path.join(EXAMPLE, 'webinar-live.yaml'), 'utf8'),
    ]);
  });
});
