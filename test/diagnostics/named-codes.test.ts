// The codes no other test named (issue 13): each produced through the real tool and asserted here.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { emitCompiled } from '../../src/watch/emit.js';
import { PackageWatcher } from '../../src/watch/engine.js';
import { checkYaml } from '../check/helpers.js';
import { makeRepo, runInProcess, VALID_PACKAGE } from '../helpers/cli.js';

interface JsonOut {
  diagnostics: { code: string; file: string; line: number; column: number; message: string }[];
}

describe('codes named nowhere else', () => {
  it('SP1015: a path to validate that does not exist is unreadable, and the run unusable (exit 2)', async () => {
    const repo = await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE });
    const run = await runInProcess(['validate', 'nowhere.d', '--format', 'json'], { cwd: repo, env: {} });
    expect(run.code).toBe(2);
    const [d] = (JSON.parse(run.stdout) as JsonOut).diagnostics;
    expect(d).toMatchObject({ code: 'SP1015', file: 'nowhere.d' });
    expect(d?.message).toContain('no such file or folder');
  });

  it('SP1016: a YAML warning (an unknown tag) is reported, as a warning', () => {
    const found = checkYaml('code: tagged\nname: !unknown-tag Standard\nservice_type: meet\nstatus: inactive\n');
    expect(found.map((d) => [d.code, d.severity, d.line])).toContainEqual(['SP1016', 'warning', 2]);
  });

  it('SP2007: a value that breaks another rule of its schema (a repeated channel)', () => {
    const found = checkYaml(
      'code: notif\nname: Notif\nservice_type: meet\nstatus: inactive\nnotification_preferences:\n  - event: quota_exceeded\n    channels: [email, email]\n',
    );
    expect(found.map((d) => [d.code, d.line])).toContainEqual(['SP2007', 7]);
  });

  it('SP6010: compile refuses a package it cannot resolve, even when its check was silenced', async () => {
    // Silencing SP3002 (unknown feature) is the one way a reference the catalog lacks reaches compile.
    const repo = await makeRepo({
      'packages.d/a.yaml': VALID_PACKAGE.replace('max_rooms: 5', 'max_room: 5'),
      'svcpkg.config.yaml': 'severity: { SP3002: off }\n',
    });
    const run = await runInProcess(['compile', '--format', 'json'], { cwd: repo, env: {} });
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as JsonOut).diagnostics).toMatchObject([{ code: 'SP6010', file: 'packages.d/a.yaml', line: 6, column: 13 }]);
    expect(run.stderr).toContain('nothing written');
  });

  it('SP8002: a failing file watcher becomes a located diagnostic, with the limit hint for ENOSPC', async () => {
    // The real failure (the inotify limit) cannot be provoked on a test machine without changing a
    // system-wide setting, so the engine's own watcher is made to emit the error chokidar would.
    const repo = await makeRepo({ 'packages.d/a.yaml': VALID_PACKAGE });
    const { config } = await loadConfig(repo);
    if (!config) throw new Error('the test repository has no usable configuration');
    const errors: Diagnostic[] = [];
    const watcher = await PackageWatcher.start({
      cwd: repo,
      config,
      reloadConfig: () => loadConfig(repo),
      emit: emitCompiled,
      onResult: () => undefined,
      onWatchError: (d) => errors.push(d),
    });
    try {
      const watchers = (watcher as unknown as { watchers: { emit(event: string, error: Error): void }[] }).watchers;
      expect(watchers.length).toBeGreaterThan(0);
      watchers[0]?.emit('error', Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' }));
    } finally {
      await watcher.close();
    }
    expect(errors).toMatchObject([{ code: 'SP8002', severity: 'error', file: path.basename(config.packages), line: 1 }]);
    expect(errors[0]?.message).toContain('the file watcher failed: ENOSPC');
    expect(errors[0]?.hint).toContain('fs.inotify.max_user_watches');
  });
});
