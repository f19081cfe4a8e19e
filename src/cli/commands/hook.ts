// `svcpkg hook install|uninstall`: the git pre-commit hook that validates the staged packages (docs/workflow.md#before-each-commit).
import { UsageError } from '../../diagnostics/errors.js';
import { displayPath } from '../../source/discover.js';
import { installHook, uninstallHook } from '../../workflow/hook.js';
import { parseCommandArgs } from '../args.js';
import { findProjectRoot } from '../root.js';
import { HELP_OPTION, optionsHelp, type OptionSpecs } from '../options.js';
import type { CommandIO } from '../io.js';

export const OPTIONS = {
  help: HELP_OPTION,
} as const satisfies OptionSpecs;

export const USAGE = `Usage: svcpkg hook install | uninstall

install     write the git pre-commit hook: every commit runs \`svcpkg validate --staged --locked\`
            from this folder, on the packages as staged (a fix you did not \`git add\` still
            blocks the commit). An existing pre-commit hook is kept as pre-commit.svcpkg-chained
            and runs first. Installing again changes nothing.
uninstall   remove the hook and put back the one it replaced, exactly as it was.

The hooks folder is git's own (\`git rev-parse --git-path hooks\`): it follows core.hooksPath and
linked worktrees. Set SVCPKG to the command to run if svcpkg is neither in node_modules/.bin nor
on PATH when you commit. Using the pre-commit framework or husky instead: see docs/workflow.md.

Options:
${optionsHelp(OPTIONS, 14)}

Exit codes: 0 done (or nothing to do), 2 usage error, not a git repository, or I/O failure.`;

export async function run(args: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE);
  if (values.help) {
    io.stdout.write(USAGE + '\n');
    return 0;
  }
  const [action, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument \`${extra[0]}\`\n\n${USAGE}`);
  const show = (file: string) => displayPath(file, io.cwd);
  if (action === 'install') {
    // From a subfolder the hook still runs svcpkg at the project root, where node_modules is.
    const { action: done, hookFile, chainedFile } = await installHook((await findProjectRoot(io.cwd)) ?? io.cwd);
    const messages = {
      installed: `installed ${show(hookFile)}: commits now run \`svcpkg validate --staged --locked\``,
      chained: `installed ${show(hookFile)}: commits now run \`svcpkg validate --staged --locked\` after the existing hook, kept as ${show(chainedFile)}`,
      updated: `updated ${show(hookFile)} to this version of svcpkg`,
      unchanged: `${show(hookFile)} is already installed: nothing changed`,
    };
    io.stdout.write(`svcpkg: ${messages[done]}\n`);
    return 0;
  }
  if (action === 'uninstall') {
    const { action: done, hookFile, chainedFile } = await uninstallHook(io.cwd);
    const messages = {
      removed: `removed ${show(hookFile)}`,
      restored: `removed svcpkg's hook and restored the previous one from ${show(chainedFile)} to ${show(hookFile)}`,
      'not-installed': `svcpkg's hook is not installed in ${show(hookFile)}: nothing changed`,
    };
    io.stdout.write(`svcpkg: ${messages[done]}\n`);
    return 0;
  }
  throw new UsageError(
    action === undefined
      ? `hook needs an action: install or uninstall\n\n${USAGE}`
      : `unknown hook action \`${action}\`: expected install or uninstall\n\n${USAGE}`,
  );
}
