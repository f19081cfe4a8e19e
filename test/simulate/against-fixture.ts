// A folder for `--against` tests: the example packages twice — `current/` as they are and
// `proposed/` with Meet Standard's max_participants lowered from 50 to 40 — and the demo scenario
// over each (`proposed.yaml`, `current.yaml`), reading the demo events.
import { copyFile, cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO } from './helpers.js';
import { tempFolder } from '../helpers/temp.js';

/** The lowered quota. */
export const LOWERED = { package: 'meet-standard', feature: 'max_participants', from: 50, to: 40 } as const;

/** Create the folder; returns its path. */
export async function againstFolder(): Promise<string> {
  const root = await tempFolder('against');
  await cp(path.join(REPO, 'packages.d'), path.join(root, 'current'), { recursive: true });
  await cp(path.join(REPO, 'packages.d'), path.join(root, 'proposed'), { recursive: true });
  await copyFile(path.join(REPO, 'svcpkg.lock.json'), path.join(root, 'svcpkg.lock.json'));
  const standard = path.join(root, 'proposed', 'meet', 'standard.yaml');
  const text = await readFile(standard, 'utf8');
  const lowered = text.replace(`${LOWERED.feature}: ${LOWERED.from}`, `${LOWERED.feature}: ${LOWERED.to}`);
  if (lowered === text) throw new Error(`fixture: ${LOWERED.feature}: ${LOWERED.from} not found in packages.d/meet/standard.yaml`);
  await writeFile(standard, lowered);
  const demo = await readFile(path.join(REPO, 'scenarios', 'demo.yaml'), 'utf8');
  for (const side of ['current', 'proposed']) {
    const scenario = demo
      .replace('manifest: ../out/manifest.json', `packages: ${side}`)
      .replace('events: demo-events.ndjson', `events: ${path.join(REPO, 'scenarios', 'demo-events.ndjson')}`);
    if (scenario === demo) throw new Error('fixture: scenarios/demo.yaml changed shape');
    await writeFile(path.join(root, `${side}.yaml`), scenario);
  }
  return root;
}
