// The `yaml` package costs ~25 ms of a start; a run whose files all take the js-yaml fast path,
// without a diagnostic, must not load it (the pre-commit case: SPEC §11's 300 ms budget).
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, makeRepo, VALID_PACKAGE } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

/** Validate `repo` with the built CLI in a fresh process; say whether `yaml` got loaded. */
async function loadsYaml(repo: string): Promise<boolean> {
  const script = path.join(await tempFolder('lazy'), 'run.mjs');
  const needle = path.join('node_modules', 'yaml') + path.sep;
  await writeFile(
    script,
    `import { createRequire } from 'node:module';
const { main } = await import(${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist', 'cli', 'main.js')).href)});
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true;
process.stderr.write = () => true;
await main(['validate', '--no-cache']);
const cache = createRequire(${JSON.stringify(path.join(REPO_ROOT, 'package.json'))}).cache;
write(JSON.stringify(Object.keys(cache).some((file) => file.includes(${JSON.stringify(needle)}))) + '\\n');
`,
  );
  const result = spawnSync(process.execPath, [script], { cwd: repo, encoding: 'utf8' });
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as boolean;
}

describe('the yaml package is loaded only when needed', () => {
  it('is not loaded when every file takes the fast path without a diagnostic', async () => {
    expect(await loadsYaml(await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE }))).toBe(false);
  });

  it('is loaded for a file the fast path refuses (an anchor)', async () => {
    expect(await loadsYaml(await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE + 'description: &d text\n' }))).toBe(true);
  });
});
