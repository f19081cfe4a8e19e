// `svcpkg watch`: compile, then recompile on every save until Ctrl-C (docs/workflow.md#svcpkg-watch). The engine is
// src/watch; this file parses options, prints each build and turns SIGINT/SIGTERM into exit 0.
import path from 'node:path';
import { CONFIG_FILE, type ConfigLoad, type ConfigOverrides } from '../../config/load.js';
import { shouldUseColor } from '../../diagnostics/format/color.js';
import { displayPath } from '../../source/discover.js';
import { emitCompiled } from '../../watch/emit.js';
import { DEFAULT_DEBOUNCE_MS, PackageWatcher } from '../../watch/engine.js';
import { formatCheckStatus, formatEmitStatus } from '../../watch/status.js';
import { watchTargets } from '../../watch/targets.js';
import { parseCommandArgs, positiveInteger } from '../args.js';
import { CATALOG_OPTION, CONFIG_OPTION, HELP_OPTION, OUT_OPTION, optionsHelp, type OptionSpecs } from '../options.js';
import type { CommandIO } from '../io.js';
import { loadProjectConfig, printUsage } from '../project.js';
import { exitCodeFor } from '../exit-code.js';
import { chooseFormat, printDiagnostics, userPath } from '../output.js';

export const OPTIONS = {
  debounce: {
    type: 'string',
    placeholder: 'MS',
    accepts: 'a positive whole number of milliseconds',
    help: [`quiet time after the last change before rebuilding (default ${DEFAULT_DEBOUNCE_MS})`],
  },
  'preserve-output': { type: 'boolean', help: [`never clear the screen`] },
  'no-emit': { type: 'boolean', help: [`check only: write neither the manifest nor the lockfile`] },
  out: OUT_OPTION,
  catalog: CATALOG_OPTION,
  config: CONFIG_OPTION,
  format: { type: 'string', placeholder: 'NAME', help: [`pretty | json | sarif | github (default: pretty)`] },
  strict: { type: 'boolean', help: [`warnings also stop the emit`] },
  help: HELP_OPTION,
} as const satisfies OptionSpecs;

export const USAGE = `Usage: svcpkg watch [options]

Compile, then recompile on every change under the packages folder, the catalog folder, the
lockfile or svcpkg.config.yaml, until Ctrl-C. Only the files that changed are parsed again; the
rules across packages always run. Each build prints its diagnostics with a time stamp and how
long it took. With errors nothing is written: the last good manifest stays. On a terminal the
screen is cleared before each build.

Options:
${optionsHelp(OPTIONS, 23)}

Exit codes: 0 stopped by Ctrl-C (SIGINT) or SIGTERM, 2 usage or configuration failure.`;

const CLEAR_SCREEN = '\u001b[2J\u001b[3J\u001b[H';

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values } = parseCommandArgs(args, OPTIONS, USAGE);
  if (values.help) return printUsage(io, USAGE);
  const format = chooseFormat(values.format, io);
  const debounceMs = positiveInteger(values.debounce, '--debounce') ?? DEFAULT_DEBOUNCE_MS;
  const overrides: ConfigOverrides = {
    ...(values.catalog !== undefined ? { catalog: values.catalog } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.strict ? { strict: true } : {}),
  };
  // The config file to watch for is the project root's even before it exists: the watch engine
  // would otherwise look for one in the working directory, a subfolder maybe.
  const reloadConfig = async (): Promise<ConfigLoad> => {
    const loaded = await loadProjectConfig(io, overrides, values.config);
    const config = loaded.config;
    return config && config.configFile === undefined ? { ...loaded, config: { ...config, configFile: path.join(config.root, CONFIG_FILE) } } : loaded;
  };
  const { config, diagnostics: configProblems } = await reloadConfig();
  if (!config) {
    printDiagnostics(configProblems, format, io, { files: 1, packages: 0 });
    return exitCodeFor(configProblems, { strict: false });
  }

  // Status lines go with the diagnostics for people; beside machine formats they go to stderr.
  const status = format === 'pretty' ? io.stdout : io.stderr;
  const color = shouldUseColor(status, io.env);
  const clear = io.stdout.isTTY === true && !values['preserve-output'];
  const { stop, stopped } = stopSignal(io);
  const watcher = await PackageWatcher.start({
    cwd: io.cwd,
    config,
    reloadConfig,
    debounceMs,
    ...(values['no-emit'] ? {} : { emit: emitCompiled }),
    // A deleted and recreated packages folder: said before the rebuild that follows it.
    onRearm: (folders) => status.write(`svcpkg: ${folders.join(', ')} came back: watching it again\n`),
    onCheck: (check) => {
      if (clear) io.stdout.write(CLEAR_SCREEN);
      printDiagnostics(check.diagnostics, format, io, { files: check.files, packages: check.packages, texts: check.texts, root: config.root });
      status.write(formatCheckStatus(check, color) + '\n');
    },
    onResult: (result) => {
      if (result.emitDiagnostics.length > 0) {
        printDiagnostics(result.emitDiagnostics, format, io, { files: result.files, packages: result.packages, texts: result.texts, root: config.root });
      }
      if (result.outcome !== 'checked') status.write(formatEmitStatus(result, color) + '\n');
    },
    onWatchError: (diagnostic) => printDiagnostics([diagnostic], format, io, { files: 0, packages: 0, root: config.root }),
    onBuildError: (error) => io.stderr.write(`svcpkg: ${error.message} (still watching)\n`),
  });
  const { folders, files } = watchTargets(config, io.cwd);
  status.write(`watching ${[...folders, ...files].map((p) => userPath(config.root, io.cwd)(displayPath(p, io.cwd))).join(', ')} — Ctrl-C to stop\n`);
  await stopped;
  await watcher.close();
  stop();
  status.write('svcpkg: watch stopped\n');
  return 0;
}

/**
 * Resolves on `io.signal` (in-process callers) or on SIGINT/SIGTERM (the real process). Handling the
 * signal ourselves, rather than dying, lets a build in progress finish its atomic writes first.
 */
function stopSignal(io: CommandIO): { stopped: Promise<void>; stop: () => void } {
  if (io.signal) {
    const signal = io.signal;
    return {
      stopped: signal.aborted
        ? Promise.resolve()
        : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
      stop: () => undefined,
    };
  }
  let onSignal: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    onSignal = () => resolve();
  });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stopped,
    stop: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
