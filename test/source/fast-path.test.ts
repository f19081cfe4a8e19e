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

/** Inputs that stress the two parsers' differences: each must give identical diagnostics. */
const CORPUS: Record<string, string> = {
  valid: VALID_PACKAGE,
  multi: `${VALID_PACKAGE}---\n${VALID_PACKAGE.replace('meet-basic', 'meet-two')}---\n`,
  unknownKeys: 'code: meet-x\nname: X\nservice_type: meet\npirce: 3\nfeatures: {max_room: 1}\n',
  wrongTypes: 'code: 12\nname: [a]\nservice_type: meet\nprice: "10"\nhidden: 1\n',
  yaml11: 'code: meet-x\nname: X\nservice_type: meet\nhidden: yes\nstock_qty: 010\npackage_settings: {t: 1:30, u: Off}\n',
  duplicate: 'code: meet-x\nname: X\nname: Y\nservice_type: meet\n',
  gluedComment: 'code: "meet-x"# comment\nname: X\nservice_type: meet\n',
  collectionKey: '[a, b]: 1\ncode: meet-x\n',
  flowAcrossLines: 'code: meet-x\nname: X\nservice_type: meet\nfeatures: {max_rooms: 1,\nrecording: true}\n',
  quotedAcrossLines: 'code: meet-x\nname: "X\n  Y"\nservice_type: meet\n',
  anchors: 'code: &c meet-x\nname: *c\nservice_type: meet\n',
  tags: 'code: !!str meet-x\nname: !custom X\nservice_type: meet\n',
  blockScalar: 'code: meet-x\nname: X\nservice_type: meet\ndescription: |\n  line one\n  line two\n',
  numbers: 'code: meet-x\nname: X\nservice_type: meet\nprice: 1e3\nsignup_fee: +.5\ntier: 0x1F\npackage_settings: {a: 1_000, b: 0b101, c: .inf}\n',
  nulls: 'code: meet-x\nname: ~\nservice_type:\ndescription: null\n',
  protoKey: 'code: meet-x\nname: X\nservice_type: meet\npackage_metadata: {__proto__: {a: 1}}\n',
  notMapping: '- code: meet-x\n',
  emptyDocs: '---\n---\n',
  directive: '%YAML 1.2\n---\ncode: meet-x\nname: X\nservice_type: meet\n',
  deep: `code: meet-x\nname: X\nservice_type: meet\npackage_metadata: {a: ${'['.repeat(80)}${']'.repeat(80)}}\n`,
  tabs: 'code: meet-x\nname: X\nservice_type: meet\nfeatures:\n\tmax_rooms: 1\n',
  syntax: 'code: meet-x\nname: "X\n',
  unicode: 'code: meet-x\nname: "Café ☕"\nservice_type: meet\ndescription: Ünïcödé — “quotes”\n',
  documentEnd: 'code: meet-x\nname: X\nservice_type: meet\n...\n',
  explicitKey: '? code\n: meet-x\nname: X\nservice_type: meet\n',
};

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
      const files = await readdir(root, { recursive: true }).catch(() => [] as string[]);
      for (const relative of files.filter((f) => /\.ya?ml$/.test(f))) {
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
