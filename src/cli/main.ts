// The command line: dispatch to a command, and the one place that turns failures into exit codes.
import { ConfigError, IoError, UsageError } from '../diagnostics/errors.js';
import { printable, printableLines } from '../diagnostics/format/printable.js';
import { processIO, type Command, type CommandIO } from './io.js';
import { VERSION } from '../version.js';

/** Every command, loaded only when run (ts-morph and friends stay out of `validate`). */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: { summary: 'check every package and report every problem', load: () => import('./commands/validate.js') },
  compile: { summary: 'validate, then write the typed manifest and the lockfile', load: () => import('./commands/compile.js') },
  explain: { summary: 'show a resolved package, each value with its origin', load: () => import('./commands/explain.js') },
  simulate: { summary: 'replay usage events against the compiled quotas', load: () => import('./commands/simulate.js') },
  merge: { summary: 'join the partition reports of simulate --partition', load: () => import('./commands/merge.js') },
  diff: { summary: 'compare two versions of the packages, breaking changes flagged', load: () => import('./commands/diff.js') },
  init: { summary: 'scaffold a repository: example package, editor schemas, hook', load: () => import('./commands/init.js') },
  schema: { summary: 'JSON Schemas for editors, specialised with the catalog', load: () => import('./commands/schema.js') },
  hook: { summary: 'install or uninstall the git pre-commit hook', load: () => import('./commands/hook.js') },
  watch: { summary: 'recompile on every save', load: () => import('./commands/watch.js') },
};

const HELP = () => `svcpkg ${VERSION} — service packages as code

Usage: svcpkg <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run \`svcpkg <command> --help\` for a command's options.
Exit codes: 0 ok (warnings allowed), 1 errors (or warnings with --strict), 2 usage, configuration or I/O failure.`;

/** Run the CLI with `argv` (without node and script) and return the exit code. Never throws. */
export async function main(argv: string[], io: CommandIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(HELP() + '\n');
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(VERSION + '\n');
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command \`${name}\`\n\n${HELP()}`);
    return await (await command.load()).run(rest, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** The one mapping from failures to exit codes (docs/diagnostics.md#diagnostics): never a stack trace for a user error. */
function reportFailure(error: unknown, io: CommandIO): number {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof IoError) {
    io.stderr.write(`svcpkg: ${printableLines(error.message)}\n`); // messages may name hostile files
    return 2;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    io.stderr.write(`svcpkg: ${printableLines((error as Error).message)}\n`);
    return 2;
  }
  io.stderr.write(`svcpkg: internal error: ${printable(error instanceof Error ? error.message : String(error))}\n`);
  if (io.env['SVCPKG_DEBUG'] && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
  else io.stderr.write('svcpkg: this is a bug; rerun with SVCPKG_DEBUG=1 for details and report it.\n');
  return 2;
}
