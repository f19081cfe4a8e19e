// The text of the pre-commit hook `svcpkg hook install` writes, and how to recognise it again.

/** Name of the hook git runs before a commit. */
export const HOOK_NAME = 'pre-commit';
/** Where an existing hook is kept while ours is installed; ours runs it first. */
export const CHAINED_HOOK_NAME = 'pre-commit.svcpkg-chained';
/** The line that marks a hook as ours; its number is the script's version. */
export const HOOK_MARKER = '# svcpkg-hook: 1';
/** Marks a hooks folder that `hook install` created, so that `hook uninstall` removes it again. */
export const CREATED_FOLDER_MARKER = '# svcpkg-created-hooks-folder';

/** What the hook script needs to know. */
export interface HookScriptOptions {
  /** The svcpkg project folder (where svcpkg.config.yaml lives), `/`-separated from the work tree's top; '' for the top. */
  projectDir: string;
  /** Absolute path of the svcpkg bin script that installed the hook: the fallback when no local install exists. */
  binPath: string;
  /** Absolute path of the node that installed the hook: used when `node` is not on PATH (GUI git clients). */
  nodePath: string;
  /** The hooks folder did not exist before: uninstall removes it when it is empty. */
  createdFolder: boolean;
}

/** True when a hook file's text is a hook written by svcpkg (any version). */
export function isSvcpkgHook(text: string): boolean {
  return /^# svcpkg-hook: \d+$/m.test(text);
}

/** True when a hook of ours records that it created its hooks folder. */
export function createdItsFolder(text: string): boolean {
  return text.split('\n').includes(CREATED_FOLDER_MARKER);
}

/**
 * The POSIX shell script. It runs the chained hook first (stopping on its failure), then
 * `svcpkg validate --staged --locked` from the project folder. The svcpkg to run is found at
 * commit time, in order: `$SVCPKG`, the project's own `node_modules/.bin/svcpkg` (what
 * `npx --no-install svcpkg` would run, without npx's start-up cost), the installing binary's
 * absolute path, then `svcpkg` on PATH.
 */
export function renderHookScript(options: HookScriptOptions): string {
  const lines = [
    '#!/bin/sh',
    '# Installed by `svcpkg hook install`; `svcpkg hook uninstall` removes it and restores any hook it replaced.',
    '# Validates the packages as staged — what this commit will contain — and refuses the commit on errors.',
    HOOK_MARKER,
    ...(options.createdFolder ? [CREATED_FOLDER_MARKER] : []),
    '',
    'chained="$(dirname "$0")/' + CHAINED_HOOK_NAME + '"',
    'if [ -x "$chained" ]; then',
    '  "$chained" "$@" || exit $?',
    'fi',
    '',
    ...(options.projectDir === ''
      ? []
      : [
          `cd ${shellQuote(options.projectDir)} || { echo ${shellQuote(`svcpkg pre-commit: cannot enter ${options.projectDir}`)} >&2; exit 1; }`,
          '',
        ]),
    'if [ -n "$SVCPKG" ]; then',
    '  exec $SVCPKG validate --staged --locked',
    'elif [ -x node_modules/.bin/svcpkg ]; then',
    '  exec node_modules/.bin/svcpkg validate --staged --locked',
    `elif [ -f ${shellQuote(options.binPath)} ]; then`,
    `  node="$(command -v node || echo ${shellQuote(options.nodePath)})"`,
    `  exec "$node" ${shellQuote(options.binPath)} validate --staged --locked`,
    'elif command -v svcpkg >/dev/null 2>&1; then',
    '  exec svcpkg validate --staged --locked',
    'fi',
    'echo "svcpkg pre-commit: svcpkg not found (install it with npm, or set SVCPKG to the command to run)" >&2',
    'exit 1',
    '',
  ];
  return lines.join('\n');
}

/** Quote a value for a POSIX shell. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
