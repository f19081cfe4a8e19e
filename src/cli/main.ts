// The command line: dispatch to a command, and the one place that turns failures into exit codes.
import { ConfigError, IoError, UsageError } from '../diagnostics/errors.js';
import { processIO, type Command, type CommandIO } from './io.js';
import { VERSION } from './version.js';

/** Every command, loaded only when run (ts-morph and friends stay out of `validate`). */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: { summary: 'check every package and report every problem', load: () => import('./commands/validate.js') },
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

/** The one mapping from failures to exit codes (SPEC §4): never a stack trace for a user error. */
function reportFailure(error: unknown, io: CommandIO): number {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof IoError) {
    io.stderr.write(`svcpkg: ${error.message}\n`);
    return 2;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    io.stderr.write(`svcpkg: ${(error as Error).message}\n`);
    return 2;
  }
  io.stderr.write(`svcpkg: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (io.env['SVCPKG_DEBUG'] && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
  else io.stderr.write('svcpkg: this is a bug; rerun with SVCPKG_DEBUG=1 for details and report it.\n');
  return 2;
}
