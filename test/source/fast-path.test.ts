// The js-yaml fast path must give exactly the diagnostics of the full parser (issue 7).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG_DIR } from '../../src/assets.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/catalog/model.js';
import { checkFile } from '../../src/check/run.js';
import { fastPathEligible, parseSourceFast } from '../../src/source/fast.js';
import { REPO_ROOT, VALID_PACKAGE } from '../helpers/cli.js';
import { CORPUS } from './hostile-corpus.js';

let catalog: Catalog;
beforeAll(async () => {
  catalog = (await loadCatalog(DEFAULT_CATALOG_DIR)).catalog as Catalog;
});

function both(file: string, text: string) {
  const fast = checkFile(file, text, catalog, { fast: true });
  const slow = checkFile(file, text, catalog, { fast: false });
  return { fast, slow };
}

describe('fast path', () => {
  it.each(Object.entries(CORPUS))('gives the full parser’s diagnostics and values: %s', (name, text) => {
    const { fast, slow } = both(`${name}.yaml`, text);
    expect(fast.diagnostics).toEqual(slow.diagnostics);
    expect(fast.packages.map((p) => p.raw)).toEqual(slow.packages.map((p) => p.raw));
  });

  it('gives the same diagnostics on the example packages and the broken fixture repo', async () => {
    for (const folder of ['packages.d', 'test/fixtures/broken/packages.d']) {
      const root = path.join(REPO_ROOT, folder);
      // A missing folder must fail the test, not pass it with nothing compared.
      const yamlFiles = (await readdir(root, { recursive: true })).filter((f) => /\.ya?ml$/.test(f));
      expect(yamlFiles.length, folder).toBeGreaterThan(0);
      for (const relative of yamlFiles) {
        const text = await readFile(path.join(root, relative), 'utf8');
        const { fast, slow } = both(relative, text);
        expect(fast.diagnostics, relative).toEqual(slow.diagnostics);
      }
    }
  });

  it('is taken for plain files and refused for the constructs the parsers read differently', () => {
    expect(parseSourceFast('a.yaml', VALID_PACKAGE)).toBeDefined();
    for (const name of ['yaml11', 'duplicate', 'gluedComment', 'collectionKey', 'flowAcrossLines', 'anchors', 'tags', 'numbers', 'protoKey', 'tabs', 'syntax', 'notMapping', 'emptyDocs', 'directive', 'explicitKey']) {
      expect(parseSourceFast(`${name}.yaml`, CORPUS[name] as string), name).toBeUndefined();
    }
    expect(fastPathEligible('')).toBe(false);
  });

  it('computes positions lazily, only for documents that need them', () => {
    const parsed = parseSourceFast('a.yaml', 'code: meet-x\nname: X\nservice_type: meet\nprice: 3\n');
    expect(parsed?.documents[0]?.locate('/price')).toEqual({ line: 4, column: 8, end_line: 4, end_column: 9 });
    expect(parsed?.documents[0]?.sourceOf('/price')).toBe('3');
  });
});
