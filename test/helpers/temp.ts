// Temporary folders for tests, removed when their test file ends (test/helpers/temp-cleanup.ts):
// a suite run leaves nothing behind in the system temp folder.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** A new empty folder `svcpkg-<prefix>-XXXXXX` in the system temp folder, removed after its test file. */
export async function tempFolder(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `svcpkg-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Remove every folder made so far (the setup file calls it after each test file). */
export async function removeTempFolders(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
