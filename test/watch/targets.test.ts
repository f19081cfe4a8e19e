// What a changed path means to watch: a package, the catalog, the lockfile, the config, or nothing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG_DIR } from '../../src/assets.js';
import type { ResolvedConfig } from '../../src/config/load.js';
import { classifyChange, ignoredByWatch, watchTargets } from '../../src/watch/targets.js';

const ROOT = path.resolve('/repo');
const config: ResolvedConfig = {
  root: ROOT,
  packages: path.join(ROOT, 'packages.d'),
  catalog: path.join(ROOT, 'catalog'),
  out: path.join(ROOT, 'out'),
  emit: ['json'],
  strict: false,
  maxFileSize: 1024,
  maxDepth: 64,
  lockfile: path.join(ROOT, 'svcpkg.lock.json'),
};

describe('classifyChange', () => {
  it.each([
    ['packages.d/a.yaml', false, 'package'],
    ['packages.d/deep/er/b.YML', false, 'package'],
    ['packages.d/new-folder', true, 'package'],
    ['packages.d/notes.md', false, undefined],
    ['packages.d/a.yaml.tmp~', false, undefined],
    ['packages.d/.drafts/a.yaml', false, undefined],
    ['packages.d/.git', true, undefined],
    ['packages.d/node_modules/x/a.yaml', false, undefined],
    ['catalog/features.yaml', false, 'catalog'],
    ['catalog/README.md', false, undefined],
    ['svcpkg.lock.json', false, 'lockfile'],
    ['svcpkg.config.yaml', false, 'config'],
    ['out/manifest.json', false, undefined],
    ['other.yaml', false, undefined],
  ] as const)('%s → %s', (file, isFolder, kind) => {
    expect(classifyChange(path.join(ROOT, file), config, ROOT, isFolder)).toBe(kind);
  });
});

describe('watchTargets', () => {
  it('watches a repository catalog but not the bundled one', () => {
    expect(watchTargets(config, ROOT).folders).toEqual([config.packages, config.catalog]);
    expect(watchTargets({ ...config, catalog: DEFAULT_CATALOG_DIR }, ROOT)).toEqual({
      folders: [config.packages],
      files: [config.lockfile, path.join(ROOT, 'svcpkg.config.yaml')],
    });
  });

  it('never descends into hidden folders or node_modules of the packages folder', () => {
    expect(ignoredByWatch(path.join(ROOT, 'packages.d/.git'), config, true)).toBe(true);
    expect(ignoredByWatch(path.join(ROOT, 'packages.d/.git/objects/ab'), config)).toBe(true);
    expect(ignoredByWatch(path.join(ROOT, 'packages.d/.hidden.yaml'), config)).toBe(false);
    expect(ignoredByWatch(path.join(ROOT, 'packages.d/team'), config, true)).toBe(false);
    expect(ignoredByWatch(config.packages, config, true)).toBe(false);
  });
});
