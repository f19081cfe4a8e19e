// `svcpkg simulate --html FILE` from the command line: the page is written atomically beside the
// usual report, and a folder that does not exist fails before the run, like --decisions.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { againstFolder } from './against-fixture.js';
import { simulate } from './helpers.js';

describe('simulate --html', () => {
  it('writes the page and still prints the report', async () => {
    const dir = await againstFolder();
    const { code, stdout } = await simulate(['current.yaml', '--html', 'report.html', '--quiet'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('1,880 events: 1,813 accepted');
    const html = await readFile(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<title>Simulation of current.yaml</title>');
    expect(html).toContain('data-subscription="acme" data-feature="max_participants"');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says on stderr that it wrote the page, unless --quiet', async () => {
    const dir = await againstFolder();
    const loud = await simulate(['current.yaml', '--html', 'report.html'], dir);
    expect(loud.code).toBe(0);
    expect(loud.stderr).toContain('wrote report.html');
    expect(loud.stdout).not.toContain('wrote report.html');
    const quiet = await simulate(['current.yaml', '--html', 'again.html', '--quiet'], dir);
    expect(quiet.stderr).not.toContain('wrote');
  });

  it('fails with exit 2 before running when the folder does not exist', async () => {
    const dir = await againstFolder();
    const { code, stdout, stderr } = await simulate(['current.yaml', '--html', 'missing/report.html', '--quiet'], dir);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain('cannot write');
  });
});
