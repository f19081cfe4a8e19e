// The catalog's own checks (SP5001–SP5007), each named by a case: a copy of the bundled catalog with
// one mistake must get exactly that code, located in the file that holds it.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadCatalog } from '../../src/catalog/load.js';
import { isFatal } from '../../src/diagnostics/collector.js';
import { runInProcess } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

const BUNDLED = path.resolve(import.meta.dirname, '..', '..', 'catalog');
type Entry = Record<string, unknown>;
type Kind = 'features' | 'service-types' | 'provider-types';

/** A copy of the bundled catalog with `edit` applied to one of its three lists. */
async function catalogWith(kind: Kind, edit: (entries: Entry[]) => Entry[]): Promise<string> {
  const dir = await tempFolder('catalog');
  await cp(BUNDLED, dir, { recursive: true });
  const file = path.join(dir, `${kind}.yaml`);
  await writeFile(file, stringify(edit(parse(await readFile(file, 'utf8')) as Entry[])));
  return dir;
}

const byCode = (entries: Entry[], code: string) => entries.find((e) => e['code'] === code || e['type'] === code)!;

describe('catalog cross-checks', () => {
  it.each<[string, string, Kind, (entries: Entry[]) => Entry[]]>([
    ['SP5002', 'a feature listed twice', 'features', (e) => [...e, { ...byCode(e, 'max_rooms') }]],
    ['SP5003', 'a sum_agg feature without field_suffix', 'features', (e) => e.map((f) => (f['code'] === 'max_storage' ? { ...f, field_suffix: undefined } : f))],
    ['SP5004', 'a consumable max_agg feature', 'features', (e) => e.map((f) => (f['code'] === 'max_rooms' ? { ...f, aggregation_type: 'max_agg', field_suffix: 'n' } : f))],
    ['SP5005', 'a service type allowing an unknown feature', 'service-types', (e) => e.map((t) => (t['code'] === 'meet' ? { ...t, features: [...(t['features'] as string[]), 'max_room'] } : t))],
    [
      'SP5006',
      'a switch feature marked as quota',
      'features',
      (e) => e.map((f) => (f['code'] === 'recording' ? { ...f, quota: true } : f)),
    ],
    ['SP5007', 'a provider settings schema that is not a JSON Schema', 'provider-types', (e) => e.map((p) => (p['type'] === 'bbb' ? { ...p, settings_schema: { type: 'objekt' } } : p))],
  ])('%s: %s', async (code, _what, kind, edit) => {
    const dir = await catalogWith(kind, edit);
    const load = await loadCatalog(dir, dir);
    expect(load.diagnostics.map((d) => d.code)).toContain(code);
    const located = load.diagnostics.find((d) => d.code === code)!;
    expect(located.file).toBe(`${kind}.yaml`);
    expect(located.line).toBeGreaterThan(0);
    expect(load.catalog).toBeUndefined();
  });

  it('SP5001: a catalog without one of its three files is unusable, and the CLI exits 2', async () => {
    const dir = await catalogWith('features', (e) => e);
    await rm(path.join(dir, 'provider-types.yaml'));
    const load = await loadCatalog(dir, dir);
    expect(load.diagnostics.every(isFatal)).toBe(true);
    expect(load.diagnostics.map((d) => d.code)).toEqual(['SP5001']);
    const cli = await runInProcess(['validate', '--catalog', dir], { cwd: path.resolve(BUNDLED, '..'), env: { NO_COLOR: '1' } });
    expect(cli.code).toBe(2);
    expect(cli.stdout + cli.stderr).toContain('SP5001');
  });

  it('the bundled catalog has none of these problems', async () => {
    const load = await loadCatalog(BUNDLED, BUNDLED);
    expect(load.diagnostics).toEqual([]);
  });
});

describe('SP9002: a configuration file named with --config that does not exist', () => {
  it('exits 2 and names the file', async () => {
    const cli = await runInProcess(['validate', '--config', 'svcpkg.conf.yaml'], { cwd: path.resolve(BUNDLED, '..'), env: { NO_COLOR: '1' } });
    expect(cli.code).toBe(2);
    expect(cli.stdout + cli.stderr).toContain('SP9002');
    expect(cli.stdout + cli.stderr).toContain('svcpkg.conf.yaml not found');
  });
});
