// Watch's emit step: compile's own writer (lockfile, manifest.json, manifest.ts; atomic, unchanged
// files untouched), fed with the texts watch just checked so nothing is read or parsed twice.
import { compileProject } from '../compile/index.js';
import type { CheckedFile } from '../check/run.js';
import type { RepoCheck } from '../check/repo.js';
import type { ResolvedConfig } from '../config/load.js';
import type { EmitOutcome } from './engine.js';

/** Emit the compile outputs of a check that had no errors. */
export async function emitCompiled(
  check: RepoCheck,
  config: ResolvedConfig,
  cwd: string,
  cache: Map<string, CheckedFile>,
): Promise<EmitOutcome> {
  const result = await compileProject({
    paths: [config.packages],
    catalogDir: config.catalog,
    cwd,
    maxFileSize: config.maxFileSize,
    maxDepth: config.maxDepth,
    severity: config.severity,
    sources: check.files.map((f) => ({ file: f.file, text: f.text })),
    cache,
    lockfile: config.lockfile,
    out: config.out,
    emit: config.emit,
    strict: config.strict,
  });
  const outputs = result.lockfile.changed ? [{ display: result.lockfile.display, changed: true }, ...result.outputs] : result.outputs;
  // The check's own diagnostics were reported already: keep only what the build added.
  const known = new Set(check.diagnostics.map(key));
  return {
    diagnostics: result.diagnostics.filter((d) => !known.has(key(d))),
    failed: !result.emitted,
    written: outputs.filter((o) => o.changed).map((o) => o.display),
    unchanged: outputs.filter((o) => !o.changed).map((o) => o.display),
  };
}

function key(d: { code: string; file: string; line: number; column: number; message: string }): string {
  return `${d.code}\u0000${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.message}`;
}
