// Golden files: the exact bytes of out/manifest.json and out/manifest.ts for a small fixed fixture
// (own catalog, fixed lockfile), so any change to the output format shows up in review.
// After an intended change: `npx vitest run test/compile -u`.
import { describe, expect, it } from 'vitest';
import { fixtureRepo, read, runCli } from './helpers.js';

describe('golden outputs', () => {
  it('match test/compile/__snapshots__ byte for byte, and leave the fixed lockfile alone', async () => {
    const dir = await fixtureRepo('golden');
    const lock = await read(dir, 'svcpkg.lock.json');
    const run = await runCli(dir, 'compile', '--catalog', 'catalog');
    expect(run.code).toBe(0);
    await expect(await read(dir, 'out/manifest.json')).toMatchFileSnapshot('__snapshots__/manifest.json');
    await expect(await read(dir, 'out/manifest.ts')).toMatchFileSnapshot('__snapshots__/manifest.ts');
    expect(await read(dir, 'svcpkg.lock.json')).toBe(lock);
  });

  it('embeds manifest.json unchanged as the data of manifest.ts', async () => {
    const dir = await fixtureRepo('golden');
    await runCli(dir, 'compile', '--catalog', 'catalog');
    const json = await read(dir, 'out/manifest.json');
    expect(await read(dir, 'out/manifest.ts')).toContain(`export const manifest = ${json.trimEnd()} as const;\n`);
  });
});
