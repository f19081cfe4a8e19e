// The one cleanup of temporary folders that test files rely on instead of their own afterEach:
// tempFolder() records each folder, removeTempFolders() removes them all, and vitest runs it after
// every test file (setupFiles in vitest.config.ts).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../vitest.config.js';
import { makeRepo } from './cli.js';
import { removeTempFolders, tempFolder } from './temp.js';

describe('temporary folders', () => {
  it('are removed, with what they hold, by removeTempFolders (makeRepo’s too)', async () => {
    const dir = await tempFolder('cleanup');
    await writeFile(path.join(dir, 'file'), 'x');
    const repo = await makeRepo({ 'packages.d/a/b.yaml': 'code: x\n' });
    expect(path.basename(dir)).toMatch(/^svcpkg-cleanup-/);
    expect([existsSync(dir), existsSync(repo)]).toEqual([true, true]);
    await removeTempFolders();
    expect([existsSync(dir), existsSync(repo)]).toEqual([false, false]);
  });

  it('are cleaned after every test file: the setup file is registered', () => {
    expect(config.test?.setupFiles).toContain('test/helpers/temp-cleanup.ts');
  });
});
