// Checking a whole packages folder from disk, the way `svcpkg validate` does.
import path from 'node:path';
import { checkAcrossPackages, checkFile, type CheckedPackage } from '../../src/check/index.js';
import { sortDiagnostics, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { readSourceText } from '../../src/source/read.js';
import { discoverSources } from '../../src/source/discover.js';
import { catalog } from './helpers.js';

/** Every diagnostic for the packages under `root`, with file names relative to `cwd`. */
export async function checkFolder(root: string, cwd: string): Promise<{ diagnostics: Diagnostic[]; packages: CheckedPackage[]; files: string[] }> {
  const discovery = await discoverSources([root], cwd);
  const diagnostics: Diagnostic[] = [...discovery.diagnostics];
  const packages: CheckedPackage[] = [];
  for (const file of discovery.files) {
    const read = await readSourceText(file.absolute, file.display);
    diagnostics.push(...read.diagnostics);
    if (read.text === undefined) continue;
    const checked = checkFile(file.display, read.text, catalog);
    diagnostics.push(...checked.diagnostics);
    packages.push(...checked.packages);
  }
  diagnostics.push(...checkAcrossPackages(packages, catalog));
  return { diagnostics: sortDiagnostics(diagnostics), packages, files: discovery.files.map((f) => f.display) };
}

/** The repository root. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
