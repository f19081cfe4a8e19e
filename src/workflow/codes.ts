// Diagnostic codes of the workflow integrations: staged validation and watch (SP8xxx).
import { defineCodes } from '../diagnostics/registry.js';

export const WORKFLOW_CODES = defineCodes({
  unmergedEntry: {
    code: 'SP8001',
    severity: 'error',
    title: 'Unmerged file in the index',
    description:
      '`svcpkg validate --staged` reads packages from the git index, and this file is still in conflict there (a merge or rebase stopped on it), so there is no single staged version to check.',
    example: 'git merge other-branch   # CONFLICT (content): Merge conflict in packages.d/meet.yaml\nsvcpkg validate --staged',
    fix: 'Resolve the conflict, then `git add` the file.',
  },
  watchFailed: {
    code: 'SP8002',
    severity: 'error',
    title: 'Cannot watch a folder',
    description:
      '`svcpkg watch` could not watch a file or folder for changes (often the system limit on file watchers), so edits there may go unnoticed until the next change elsewhere.',
    example: 'svcpkg watch   # on Linux with a low fs.inotify.max_user_watches',
    fix: 'Raise the limit (Linux: `sysctl fs.inotify.max_user_watches=524288`), or watch fewer files.',
  },
});
