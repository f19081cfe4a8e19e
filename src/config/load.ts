// svcpkg.config.yaml (README.md#configuration): optional, validated like any other input; flags override it.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CATALOG_DIR } from '../assets.js';
import { DiagnosticCollector, markFatal } from '../diagnostics/collector.js';
import { FILE_START, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SeverityOverrides } from '../diagnostics/severity-overrides.js';
import type { SvcpkgConfig } from '../generated/config.js';
import { checkDocument } from '../schema/validate.js';
import { CONFIG_CODES } from './codes.js';
import { readSeverityOverrides } from './severity.js';
import { displayPath } from '../source/discover.js';
import { SOURCE_CODES } from '../source/codes.js';
import { parseSourceFast } from '../source/fast.js';
import { DEFAULT_MAX_DEPTH, parseSource } from '../source/parse.js';
import { DEFAULT_MAX_FILE_SIZE, readSourceTextSync } from '../source/read.js';

/** The configuration file name, looked up in the working directory. */
export const CONFIG_FILE = 'svcpkg.config.yaml';
/** The lockfile name, kept beside the packages folder. */
export const LOCKFILE = 'svcpkg.lock.json';

/** Options with every default filled and every path absolute. */
export interface ResolvedConfig {
  /** Repository root: the config file's folder, or the working directory. */
  root: string;
  /** The config file read, if any. */
  configFile?: string;
  /** Packages folder. */
  packages: string;
  /** Catalog folder. */
  catalog: string;
  /** Output folder of compile. */
  out: string;
  /** Artifacts compile writes. */
  emit: ('json' | 'ts')[];
  /** Treat warnings as errors. */
  strict: boolean;
  /** Largest package file read, in bytes. */
  maxFileSize: number;
  /** Deepest YAML nesting accepted. */
  maxDepth: number;
  /** The lockfile: beside the packages folder. */
  lockfile: string;
  /** Per-code severity overrides (`severity:`), applied once to what checking reports (none when absent). */
  severity?: SeverityOverrides;
}

/** Values given on the command line; they win over the file. */
export type ConfigOverrides = Partial<Pick<ResolvedConfig, 'packages' | 'catalog' | 'out' | 'emit' | 'strict' | 'maxFileSize'>>;

/** The outcome of loading the configuration. */
export interface ConfigLoad {
  /** The configuration, unless the file had errors. */
  config?: ResolvedConfig;
  /** Problems in the file; without a configuration, every one is fatal (the command exits 2). */
  diagnostics: Diagnostic[];
}

/**
 * Read `svcpkg.config.yaml` (or `explicitFile`) and merge the overrides. Relative paths in the
 * file are relative to the file's folder; relative paths in overrides to the working directory.
 */
export async function loadConfig(cwd: string, overrides: ConfigOverrides = {}, explicitFile?: string): Promise<ConfigLoad> {
  const file = explicitFile ? path.resolve(cwd, explicitFile) : path.join(cwd, CONFIG_FILE);
  let fromFile: SvcpkgConfig = {};
  let root = cwd;
  let configFile: string | undefined;
  let severity: SeverityOverrides = new Map();
  const diagnostics = new DiagnosticCollector();
  if (await exists(file)) {
    configFile = file;
    root = path.dirname(file);
    const display = displayPath(file, cwd);
    // Through the safe reader: no device, FIFO or oversize file; the default file may not link out of its folder.
    const decoded = readSourceTextSync(file, display, undefined, explicitFile ? undefined : cwd);
    diagnostics.addAll(decoded.diagnostics);
    if (decoded.text !== undefined) {
      // The js-yaml fast path first: a plain config file then never loads the `yaml` package (~25 ms).
      const parsed = parseSourceFast(display, decoded.text) ?? parseSource(display, decoded.text);
      // An empty config file is fine: every option has a default. `off` under `severity:` is the
      // documented word (a string, as YAML 1.2 reads it), not a YAML 1.1 boolean slip.
      const documentedOff = (d: Diagnostic) => d.code === SOURCE_CODES.yaml11Boolean.code && d.path.startsWith('/severity/');
      diagnostics.addAll(parsed.diagnostics.filter((d) => d.code !== SOURCE_CODES.emptyFile.code && !documentedOff(d)));
      const doc = parsed.documents[0];
      if (doc) {
        const problems = checkDocument(doc, 'config');
        diagnostics.addAll(problems);
        fromFile = doc.value as SvcpkgConfig;
        if (problems.length === 0) {
          const read = readSeverityOverrides(doc, fromFile.severity);
          diagnostics.addAll(read.diagnostics);
          severity = read.overrides;
        }
      }
    }
  } else if (explicitFile) {
    const shown = displayPath(file, cwd);
    diagnostics.add(CONFIG_CODES.missingConfigFile, { ...FILE_START, file: shown, path: '' }, `configuration file ${shown} not found`);
  }
  // A configuration with errors is no configuration: the command cannot run (exit 2).
  if (diagnostics.hasErrors()) return { diagnostics: markFatal(diagnostics.done()) };

  const fromRoot = (p: string | undefined, fallback: string) => path.resolve(root, p ?? fallback);
  const fromCwd = (p: string | undefined) => (p === undefined ? undefined : path.resolve(cwd, p));
  const packages = fromCwd(overrides.packages) ?? fromRoot(fromFile.packages, 'packages.d');
  const config: ResolvedConfig = {
    root,
    ...(configFile ? { configFile } : {}),
    packages,
    catalog: fromCwd(overrides.catalog) ?? (fromFile.catalog ? fromRoot(fromFile.catalog, '') : DEFAULT_CATALOG_DIR),
    out: fromCwd(overrides.out) ?? fromRoot(fromFile.out, 'out'),
    emit: overrides.emit ?? fromFile.emit ?? ['json', 'ts'],
    strict: overrides.strict ?? fromFile.strict ?? false,
    maxFileSize: overrides.maxFileSize ?? fromFile.max_file_size ?? DEFAULT_MAX_FILE_SIZE,
    maxDepth: fromFile.max_depth ?? DEFAULT_MAX_DEPTH,
    lockfile: path.join(path.dirname(packages), LOCKFILE),
    severity,
  };
  return { config, diagnostics: diagnostics.done() };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
